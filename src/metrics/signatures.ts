import { SIGNATURE_RESULTS } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import { agencyRows, scopeIds, type MetricsContext } from './context.js';
import { sumByAgency } from './rollup-sums.js';
import type { AgencyScope, SignatureFailure, SignatureRow, WindowKey } from './types.js';
import { minuteWindow } from './window.js';

const FAILURES = SIGNATURE_RESULTS.filter((r): r is SignatureFailure => r !== 'valid');
const COLUMNS: RollupColumn[] = [
  'sig_valid',
  ...FAILURES.map((f) => `sig_${f}` as RollupColumn),
  'sig_checked',
  'sig_failed',
];

const NO_FAILURES = Object.freeze(Object.fromEntries(FAILURES.map((f) => [f, 0])) as Record<SignatureFailure, number>);

/**
 * Counts by reason from a row of sums at `at` (sig_valid, then FAILURES' columns), as one literal: a copy filled key by
 * key costs several times more, and the national list builds thousands of them.
 */
const byReasonAt = (v: ArrayLike<number>, at: number): Record<SignatureFailure, number> => ({
  missing: v[at + 1]!,
  invalid: v[at + 2]!,
  expired_certificate: v[at + 3]!,
  revoked_certificate: v[at + 4]!,
  untrusted_issuer: v[at + 5]!,
  incomplete_info: v[at + 6]!,
});
// The literal must follow FAILURES' order: a result added to the protocol stops here.
FAILURES.forEach((f, i) => {
  if (byReasonAt([0, ...FAILURES.map((_, j) => (i === j ? 1 : 0))], 0)[f] !== 1)
    throw new Error(`byReasonAt misplaces ${f}`);
});

/** Signatures per sender in the window (chữ ký số): documents checked, failed, failing per reason (docs/FIGURES.md). */
export function signatures(
  ctx: MetricsContext,
  now: number,
  window: WindowKey | number,
  scope?: AgencyScope,
): SignatureRow[] {
  const sums = sumByAgency(ctx, minuteWindow(now, window), COLUMNS, scopeIds(ctx, scope));
  const values = sums.sums;
  const keys = agencyRows(ctx, scope, [sums]);
  const rows = new Array<SignatureRow>(keys.length);
  // Indexed: see agency-model's buildAgencyModels.
  for (let k = 0; k < keys.length; k++) {
    const { code, id } = keys[k]!;
    const at = id === undefined ? -1 : sums.offset(id);
    // Most agencies verified nothing in the window: they share one frozen set of zeros.
    if (at < 0) {
      rows[k] = { agencyId: code, verified: 0, failed: 0, failureRate: null, byReason: NO_FAILURES };
      continue;
    }
    // Documents, not checks: a document checked twice, or failing for two reasons, counts once.
    const verified = values[at + FAILURES.length + 1]!;
    const failed = values[at + FAILURES.length + 2]!;
    rows[k] = {
      agencyId: code,
      verified,
      failed,
      failureRate: verified > 0 ? failed / verified : null,
      byReason: byReasonAt(values, at),
    };
  }
  return rows;
}
