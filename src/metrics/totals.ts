import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import { deadlineTotals } from './deadlines.js';
import { sumByAgency } from './rollup-sums.js';
import type { NationalTotals, WindowKey } from './types.js';
import { minuteWindow } from './window.js';

const FAILS = DELIVERY_FAILURE_REASONS.map((r) => `fail_${r}` as RollupColumn);
const SIG_FAILS = SIGNATURE_RESULTS.filter((r) => r !== 'valid').map((r) => `sig_${r}` as RollupColumn);
const COLUMNS: RollupColumn[] = ['sent', 'received', 'sig_valid', ...SIG_FAILS, ...FAILS];

/** The whole hub in one row, for the Overview header. */
export function totals(ctx: MetricsContext, now: number, window: WindowKey): NationalTotals {
  const w = minuteWindow(now, window);
  const sums = sumByAgency(ctx, w, COLUMNS, null);
  let sent = 0;
  let received = 0;
  let valid = 0;
  let sigFailed = 0;
  let deliveryFailures = 0;
  let agenciesActive = 0;
  const nSig = SIG_FAILS.length;
  for (const s of sums.values()) {
    sent += s[0]!;
    received += s[1]!;
    valid += s[2]!;
    for (let i = 0; i < nSig; i++) sigFailed += s[3 + i]!;
    for (let i = 0; i < FAILS.length; i++) deliveryFailures += s[3 + nSig + i]!;
    if (s.some((v) => v > 0)) agenciesActive++;
  }
  const agencies = ctx.registry().agencies.length;
  const servers = ctx
    .statement(
      `SELECT count(*), coalesce(sum(state = 'disconnected'), 0), coalesce(sum(state = 'degraded'), 0) FROM servers`,
    )
    .raw()
    .get() as number[];
  const deadlines = deadlineTotals(ctx, now);
  return {
    sent,
    received,
    sentPerMin: sent / w.minutes,
    receivedPerMin: received / w.minutes,
    agencies,
    agenciesActive,
    servers: servers[0]!,
    serversDown: servers[1]!,
    serversDegraded: servers[2]!,
    signaturesVerified: valid + sigFailed,
    signaturesFailed: sigFailed,
    overdueReplies: deadlines.overdue,
    dueWithin24h: deadlines.dueWithin24h,
    deliveryFailures,
  };
}
