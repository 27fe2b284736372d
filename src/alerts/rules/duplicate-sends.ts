import { WITH_DATA } from '../../metrics/types.js';
import { candidate, type Candidate } from '../types.js';
import { agencyLabels, type Rule } from './context.js';

/** Gửi trùng văn bản: an agency sending the same document id again and again (duplicates, not new documents). */
export const duplicateSends: Rule = (ctx) => {
  const cfg = ctx.config.duplicateSends;
  const out: Candidate[] = [];
  for (const { agencyId, duplicateSends: n } of ctx.metrics.delivery(ctx.now, cfg.window, WITH_DATA)) {
    if (n < cfg.warningCount) continue;
    const severity = n >= cfg.criticalCount ? 'critical' : 'warning';
    out.push(
      candidate('duplicate-sends', agencyLabels(ctx, agencyId), severity, { duplicates: n, window: cfg.window }),
    );
  }
  return out;
};
