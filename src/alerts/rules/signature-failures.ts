import { WITH_DATA, type SignatureRow } from '../../metrics/types.js';
import { judgeSignatures, wilsonLower } from '../judgement.js';
import { candidate, type Severity } from '../types.js';
import { agencyLabels, topReason, type Rule } from './context.js';

/**
 * Tỷ lệ lỗi chữ ký số: a failure rate the agency surely has (Wilson lower bound); one that failed as much over the
 * day before is a standing problem (it never signs properly), not a new incident.
 */
export const signatureFailures: Rule = (ctx) => {
  const cfg = ctx.config.signatureFailures;
  const rows = ctx.metrics.signaturesOver(ctx.now, cfg.window, WITH_DATA);
  const found: { row: SignatureRow; severity: Severity }[] = [];
  // Indexed: see overdue-replies.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const verdict = judgeSignatures(row.failed, row.verified, cfg);
    if (verdict === 'warning' || verdict === 'critical') found.push({ row, severity: verdict });
  }
  if (found.length === 0) return [];
  // The day before, read once and only when something fails now.
  const before = new Map(
    ctx.metrics.signaturesOver(ctx.now, cfg.standingWindow + cfg.window, WITH_DATA).map((r) => [r.agencyId, r]),
  );
  return found.map(({ row, severity }) => {
    const day = before.get(row.agencyId);
    const dayFailed = Math.max(0, (day?.failed ?? 0) - row.failed);
    const dayVerified = Math.max(0, (day?.verified ?? 0) - row.verified);
    const verdictBefore = judgeSignatures(dayFailed, dayVerified, cfg);
    return candidate('signature-failures', agencyLabels(ctx, row.agencyId), severity, {
      failed: row.failed,
      verified: row.verified,
      windowMs: cfg.window,
      reason: topReason(row.byReason),
      sure: Math.round(1000 * wilsonLower(row.failed, row.verified, cfg.confidence)) / 1000,
      standing: verdictBefore === 'warning' || verdictBefore === 'critical' ? 1 : 0,
    });
  });
};
