import { STATUS_CODES, type StatusCode } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import { agencyRows, scopeFilter, scopeIds, type MetricsContext } from './context.js';
import { sumByAgency } from './rollup-sums.js';
import type { AgencyScope, FeedbackRow, WindowKey } from './types.js';
import { minuteWindow, MINUTE_MS } from './window.js';

const COLUMNS = STATUS_CODES.map((c) => `st_${c}` as RollupColumn);

/** Median of a list (the mean of the middle two for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * How each recipient reports processing statuses back (phản hồi trạng thái): the codes it
 * reported in the window, the median time from arrival (01) to acceptance (03) of documents
 * accepted in the window, and how many documents delivered to it in the lookback period are
 * still without any status after the configured hours.
 */
export function feedback(ctx: MetricsContext, now: number, window: WindowKey, scope?: AgencyScope): FeedbackRow[] {
  const w = minuteWindow(now, window);
  const scoped = scopeIds(ctx, scope);
  const filter = scopeFilter('recipient', scoped !== null);
  const withScope = (p: Record<string, unknown>): Record<string, unknown> =>
    scoped !== null ? { ...p, scope: scoped } : p;
  const reports = sumByAgency(ctx, w, COLUMNS, scoped);

  const waits = new Map<number, number[]>();
  // Every acceptance in a day's window, packed into one text rather than a row each.
  const accepted = ctx
    .statement(
      `SELECT group_concat(recipient || ' ' || (accepted_at - arrived_at)) FROM deliveries INDEXED BY deliveries_accepted
       WHERE accepted_at BETWEEN @from AND @to AND arrived_at IS NOT NULL${filter}`,
    )
    .pluck()
    .get(withScope({ from: w.startMin * MINUTE_MS, to: now })) as string | null;
  for (const pair of accepted ? accepted.split(',') : []) {
    const space = pair.indexOf(' ');
    const agency = Number(pair.slice(0, space));
    let list = waits.get(agency);
    if (!list) waits.set(agency, (list = []));
    list.push(Number(pair.slice(space + 1)));
  }

  const { withoutStatusAfterMs, lookbackMs } = ctx.options;
  const silent = new Map<number, number>(
    ctx
      .statement(
        `SELECT recipient, count(*) FROM deliveries INDEXED BY deliveries_unreported
         WHERE statuses = 0 AND delivered_at IS NOT NULL AND delivered_at BETWEEN @from AND @to${filter} GROUP BY recipient`,
      )
      .raw()
      .all(withScope({ from: now - lookbackMs, to: now - withoutStatusAfterMs })) as [number, number][],
  );

  return agencyRows(ctx, scope, [reports, waits, silent]).map(({ code, id }) => {
    const r = id === undefined ? undefined : reports.get(id);
    const funnel = {} as Record<StatusCode, number>;
    const codesReported: StatusCode[] = [];
    STATUS_CODES.forEach((c, i) => {
      funnel[c] = r?.[i] ?? 0;
      if (funnel[c] > 0) codesReported.push(c);
    });
    return {
      agencyId: code,
      codesReported,
      arrivalToAcceptMedianMs: id === undefined ? null : median(waits.get(id) ?? []),
      withoutStatus: (id === undefined ? undefined : silent.get(id)) ?? 0,
      funnel,
    };
  });
}
