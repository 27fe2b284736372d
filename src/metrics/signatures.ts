import { SIGNATURE_RESULTS } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import { agencyRows, scopeIds, type MetricsContext } from './context.js';
import { sumByAgency } from './rollup-sums.js';
import type { AgencyScope, SignatureFailure, SignatureRow, WindowKey } from './types.js';
import { minuteWindow } from './window.js';

const FAILURES = SIGNATURE_RESULTS.filter((r): r is SignatureFailure => r !== 'valid');
const COLUMNS: RollupColumn[] = ['sig_valid', ...FAILURES.map((f) => `sig_${f}` as RollupColumn)];

const NO_FAILURES = Object.freeze(Object.fromEntries(FAILURES.map((f) => [f, 0])) as Record<SignatureFailure, number>);
export const emptyFailures = (): Record<SignatureFailure, number> => ({ ...NO_FAILURES });

/** Signature checks per sending agency in the window (chữ ký số): verified, failed, by reason. */
export function signatures(
  ctx: MetricsContext,
  now: number,
  window: WindowKey | number,
  scope?: AgencyScope,
): SignatureRow[] {
  const sums = sumByAgency(ctx, minuteWindow(now, window), COLUMNS, scopeIds(ctx, scope));
  return agencyRows(ctx, scope, [sums]).map(({ code, id }) => {
    const at = id === undefined ? -1 : sums.offset(id);
    // Most agencies verified nothing in the window: they share one frozen set of zeros.
    if (at < 0) return { agencyId: code, verified: 0, failed: 0, failureRate: null, byReason: NO_FAILURES };
    const byReason = emptyFailures();
    let failed = 0;
    FAILURES.forEach((f, i) => {
      const n = sums.sums[at + i + 1]!;
      byReason[f] = n;
      failed += n;
    });
    const verified = sums.sums[at]! + failed;
    return { agencyId: code, verified, failed, failureRate: verified > 0 ? failed / verified : null, byReason };
  });
}
