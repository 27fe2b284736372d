/** Processing statuses (phản hồi trạng thái) the recipients report back: how, and how much. */
import { STATUS_CODES, type StatusCode } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import { agencyRows, LOOKBACK_MS, scopeFilter, scopeIds, withScope, type MetricsContext } from './context.js';
import { sumByAgency } from './rollup-sums.js';
import type { AgencyScope, FeedbackRow, StatusReportRow, WindowKey } from './types.js';
import { minuteWindow, MINUTE_MS } from './window.js';

const COLUMNS = STATUS_CODES.map((c) => `st_${c}` as RollupColumn);
const REPORT_COLUMNS: RollupColumn[] = ['received', ...COLUMNS];
const NO_FUNNEL = Object.freeze(Object.fromEntries(STATUS_CODES.map((c) => [c, 0])) as Record<StatusCode, number>);
const NONE: readonly StatusCode[] = Object.freeze([]);
/** A delivered document with no status at all after this long counts as without status. */
const WITHOUT_STATUS_AFTER_MS = 4 * 3_600_000;

/**
 * A funnel from counts in STATUS_CODES order, as one literal: built key by key (or copied), an object with keys such as
 * '13', which read as array indexes, costs several times more, and the national list builds thousands of them.
 */
const funnelOf = (r: readonly number[]): Record<StatusCode, number> => ({
  '01': r[0] ?? 0,
  '02': r[1] ?? 0,
  '03': r[2] ?? 0,
  '04': r[3] ?? 0,
  '05': r[4] ?? 0,
  '06': r[5] ?? 0,
  '13': r[6] ?? 0,
  '15': r[7] ?? 0,
  '16': r[8] ?? 0,
});
// The literal must follow STATUS_CODES' order: a code added to the protocol stops here.
STATUS_CODES.forEach((c, i) => {
  if (funnelOf(STATUS_CODES.map((_, j) => (i === j ? 1 : 0)))[c] !== 1) throw new Error(`funnelOf misplaces ${c}`);
});

/** Median of a list (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without calling a comparator per pair.
  const sorted = new Float64Array(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How each recipient reports processing statuses back (phản hồi trạng thái): the codes it reported in the window, the
 * median time from arrival (01) to acceptance (03) of documents accepted in the window, and how many documents
 * delivered to it in the lookback period are still without any status after the configured hours.
 */
export function feedback(ctx: MetricsContext, now: number, window: WindowKey, scope?: AgencyScope): FeedbackRow[] {
  const w = minuteWindow(now, window);
  const scoped = scopeIds(ctx, scope);
  const filter = scopeFilter('recipient', scoped !== null);
  const reports = sumByAgency(ctx, w, COLUMNS, scoped);

  const waits = new Map<number, number[]>();
  // Every acceptance in a day's window, packed into one text rather than a row each.
  const accepted = ctx
    .statement(
      `SELECT group_concat(recipient || ' ' || (accepted_at - arrived_at)) FROM deliveries INDEXED BY deliveries_accepted
       WHERE accepted_at BETWEEN @from AND @to AND arrived_at IS NOT NULL${filter}`,
    )
    .pluck()
    .get(withScope({ from: w.startMin * MINUTE_MS, to: now }, scoped)) as string | null;
  for (const pair of accepted ? accepted.split(',') : []) {
    const space = pair.indexOf(' ');
    const agency = Number(pair.slice(0, space));
    let list = waits.get(agency);
    if (!list) waits.set(agency, (list = []));
    list.push(Number(pair.slice(space + 1)));
  }

  const silent = new Map<number, number>(
    ctx
      .statement(
        `SELECT recipient, count(*) FROM deliveries INDEXED BY deliveries_unreported
         WHERE statuses = 0 AND delivered_at IS NOT NULL AND delivered_at BETWEEN @from AND @to${filter} GROUP BY recipient`,
      )
      .raw()
      .all(withScope({ from: now - LOOKBACK_MS, to: now - WITHOUT_STATUS_AFTER_MS }, scoped)) as [number, number][],
  );

  const keys = agencyRows(ctx, scope, [reports, waits, silent]);
  const rows: FeedbackRow[] = [];
  // Indexed, and most agencies (nothing reported, nothing waiting) share one frozen funnel: the national list is 12,000
  // rows, read every minute.
  for (let k = 0; k < keys.length; k++) {
    const { code, id } = keys[k]!;
    const r = id !== undefined && reports.has(id) ? reports.slice(id, 0, reports.width) : undefined;
    const wait = id === undefined ? undefined : waits.get(id);
    rows.push({
      agencyId: code,
      codesReported: r ? STATUS_CODES.filter((_, i) => r[i]! > 0) : NONE,
      arrivalToAcceptMedianMs: wait ? median(wait) : null,
      withoutStatus: (id === undefined ? undefined : silent.get(id)) ?? 0,
      funnel: r ? funnelOf(r) : NO_FUNNEL,
    });
  }
  return rows;
}

/** Documents delivered to each agency and statuses it reported (phản hồi trạng thái), in any window up to `now`. */
export function statusReports(
  ctx: MetricsContext,
  now: number,
  windowMs: number,
  scope?: AgencyScope,
): StatusReportRow[] {
  const sums = sumByAgency(ctx, minuteWindow(now, windowMs), REPORT_COLUMNS, scopeIds(ctx, scope));
  const values = sums.sums;
  const keys = agencyRows(ctx, scope, [sums]);
  const rows = new Array<StatusReportRow>(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const { code, id } = keys[k]!;
    const at = id === undefined ? -1 : sums.offset(id);
    if (at < 0) {
      rows[k] = { agencyId: code, received: 0, statuses: 0, arrived: 0 };
      continue;
    }
    let statuses = 0;
    for (let i = 1; i < REPORT_COLUMNS.length; i++) statuses += values[at + i]!;
    // STATUS_CODES starts with 01, "arrived": the one a document system reports by itself.
    rows[k] = { agencyId: code, received: values[at]!, statuses, arrived: values[at + 1]! };
  }
  return rows;
}
