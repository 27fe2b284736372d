import { DELIVERY_FAILURE_REASONS } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import { deadlineTotals } from './deadlines.js';
import type { NationalTotals, WindowKey } from './types.js';
import { oldestRollupMinute, sumByAgency } from './rollup-sums.js';
import { coveredMinutes, minuteWindow } from './window.js';

const FAILS = DELIVERY_FAILURE_REASONS.map((r) => `fail_${r}` as RollupColumn);
const COLUMNS: RollupColumn[] = ['sent', 'received', 'sig_checked', 'sig_failed', ...FAILS];

/** The whole hub in one row, for the Overview header; an agency is active with any of COLUMNS. */
export function totals(ctx: MetricsContext, now: number, window: WindowKey): NationalTotals {
  const w = minuteWindow(now, window);
  const byAgency = sumByAgency(ctx, w, COLUMNS, null);
  const sums = new Array<number>(COLUMNS.length).fill(0);
  let agenciesActive = 0;
  const values = byAgency.sums;
  for (const id of byAgency.ids) {
    let any = false;
    for (let c = 0, at = id * byAgency.width; c < COLUMNS.length; c++, at++) {
      if (values[at] === 0) continue;
      sums[c]! += values[at]!;
      any = true;
    }
    if (any) agenciesActive++;
  }
  const [sent, received, signaturesVerified, signaturesFailed] = sums as [number, number, number, number];
  const deliveryFailures = sums.slice(4).reduce((n, s) => n + s, 0);
  const agencies = ctx.rows.registry().agencies.length;
  const servers = ctx
    .statement(
      `SELECT count(*), coalesce(sum(state = 'disconnected'), 0), coalesce(sum(state = 'degraded'), 0) FROM servers`,
    )
    .raw()
    .get() as number[];
  const deadlines = deadlineTotals(ctx, now);
  const covered = coveredMinutes(w, oldestRollupMinute(ctx));
  return {
    sent,
    received,
    sentPerMin: sent / covered,
    receivedPerMin: received / covered,
    coveredMinutes: covered,
    agencies,
    agenciesActive,
    servers: servers[0]!,
    serversDown: servers[1]!,
    serversDegraded: servers[2]!,
    signaturesVerified,
    signaturesFailed,
    overdueReplies: deadlines.overdue,
    dueWithin24h: deadlines.dueWithin24h,
    deliveryFailures,
  };
}
