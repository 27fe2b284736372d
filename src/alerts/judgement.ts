/** One judgement of the watched figures for rules, screens and `status`: red on screen is what an alert fires on. */
import type { RulesConfig } from './config.js';

/** What a figure says: nothing to judge, fine, worth a look, or wrong now. */
export type Verdict = 'none' | 'ok' | 'warning' | 'critical';

/** Lower bound of the Wilson score interval: the failure rate the agency surely has (12 of 12: 0.76; 1 of 1: 0.21). */
export function wilsonLower(failed: number, total: number, z: number): number {
  if (total <= 0) return 0;
  const p = failed / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - spread) / (1 + z2 / total));
}

/** Signature failures of one agency: with enough documents and failures, the Wilson lower bound against the rates. */
export function judgeSignatures(failed: number, verified: number, t: RulesConfig['signatureFailures']): Verdict {
  if (verified <= 0) return 'none';
  if (failed === 0 || verified < t.minDocuments || failed < t.minFailures) return 'ok';
  const sure = wilsonLower(failed, verified, t.confidence);
  return sure >= t.criticalRate ? 'critical' : sure > t.warningRate ? 'warning' : 'ok';
}

/** How bad a signature record is, for rankings: the rate it surely has, failures breaking ties. */
export function signatureBadness(failed: number, verified: number, t: RulesConfig['signatureFailures']): number {
  if (verified <= 0 || failed === 0) return 0;
  return wilsonLower(failed, verified, t.confidence) + failed / 1e6;
}

/** Replies owed past their deadline by one recipient; `oldestMs` how late the oldest is. */
export function judgeOverdue(overdue: number, oldestMs: number | null, t: RulesConfig['overdueReplies']): Verdict {
  if (overdue < t.warningCount) return 'ok';
  return overdue >= t.criticalCount || (oldestMs ?? 0) >= t.criticalAge ? 'critical' : 'warning';
}
