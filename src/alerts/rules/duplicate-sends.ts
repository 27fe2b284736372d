import { WITH_DATA, type WindowKey } from '../../metrics/types.js';
import { alertKey, type Candidate } from '../types.js';
import { agencyLabels, type Rule, type RuleContext } from './context.js';

/**
 * Times each agency sent a document id it had already sent, over the window. The one place
 * this rule reads the figure, so a metric of its own can replace the delivery rows' count.
 */
function duplicatesByAgency(ctx: RuleContext, window: WindowKey): Map<string, number> {
  const out = new Map<string, number>();
  const rows = ctx.metrics.delivery(ctx.now, window, WITH_DATA);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.duplicateSends > 0) out.set(r.agencyId, r.duplicateSends);
  }
  return out;
}

/**
 * Gửi trùng văn bản: an agency sending the same document (same id) again and again; each
 * resend is a duplicate, never a new document, and its recipients receive it again.
 */
export const duplicateSends: Rule = (ctx) => {
  const cfg = ctx.config.duplicateSends;
  const out: Candidate[] = [];
  for (const [agency, duplicates] of duplicatesByAgency(ctx, cfg.window)) {
    if (duplicates < cfg.warningCount) continue;
    const labels = agencyLabels(ctx, agency);
    out.push({
      key: alertKey('duplicate-sends', labels),
      rule: 'duplicate-sends',
      labels,
      severity: duplicates >= cfg.criticalCount ? 'critical' : 'warning',
      params: { duplicates, window: cfg.window },
    });
  }
  return out;
};
