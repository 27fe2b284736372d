import { WITH_DATA, type DeliveryRow } from '../../metrics/types.js';
import { alertKey, type Candidate } from '../types.js';
import { agencyLabels, type Rule } from './context.js';

function topReason(row: DeliveryRow): string {
  let best = '';
  let most = 0;
  for (const [reason, n] of Object.entries(row.failedByReason)) {
    if (n > most) {
      best = reason;
      most = n;
    }
  }
  return best;
}

/**
 * Văn bản không đến được nơi nhận: packages addressed to an agency that failed (and, by
 * default, those still neither delivered nor failed after the store's grace period).
 */
export const deliveryFailures: Rule = (ctx) => {
  const cfg = ctx.config.deliveryFailures;
  const out: Candidate[] = [];
  const rows = ctx.metrics.delivery(ctx.now, cfg.window, WITH_DATA);
  // Indexed: see overdue-replies.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const undelivered = cfg.includeUndelivered ? row.undelivered : 0;
    const problems = row.failed + undelivered;
    if (problems < cfg.warningCount) continue;
    const labels = agencyLabels(ctx, row.agencyId);
    out.push({
      key: alertKey('delivery-failures', labels),
      rule: 'delivery-failures',
      labels,
      severity: problems >= cfg.criticalCount ? 'critical' : 'warning',
      params: { failed: row.failed, undelivered, window: cfg.window, reason: topReason(row) },
    });
  }
  return out;
};
