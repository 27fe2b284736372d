import { WINDOW_MS, WITH_DATA, type SignatureRow } from '../../metrics/types.js';
import { alertKey, type Candidate } from '../types.js';
import { agencyLabels, coveringWindow, type Rule } from './context.js';

/** The failure kind seen most often, for the summary ("mostly expired certificates"). */
function topReason(row: SignatureRow): string {
  let best = '';
  let most = 0;
  for (const [reason, n] of Object.entries(row.byReason)) {
    if (n > most) {
      best = reason;
      most = n;
    }
  }
  return best;
}

/**
 * Tỷ lệ lỗi chữ ký số: an agency whose documents fail verification above the rate, judged only
 * once enough documents were verified in the window that a few failures are not a percentage.
 */
export const signatureFailures: Rule = (ctx) => {
  const cfg = ctx.config.signatureFailures;
  let windowMs = cfg.window;
  let rows: readonly SignatureRow[];
  if (ctx.metrics.signaturesOver) {
    rows = ctx.metrics.signaturesOver(ctx.now, windowMs, WITH_DATA);
  } else {
    const w = coveringWindow(windowMs);
    windowMs = WINDOW_MS[w];
    rows = ctx.metrics.signatures(ctx.now, w, WITH_DATA);
  }
  const out: Candidate[] = [];
  // Indexed: see overdue-replies.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.verified < cfg.minDocuments) continue;
    const rate = row.failed / row.verified;
    if (rate <= cfg.warningRate) continue;
    const labels = agencyLabels(ctx, row.agencyId);
    out.push({
      key: alertKey('signature-failures', labels),
      rule: 'signature-failures',
      labels,
      severity: rate >= cfg.criticalRate ? 'critical' : 'warning',
      params: { failed: row.failed, verified: row.verified, windowMs, reason: topReason(row) },
    });
  }
  return out;
};
