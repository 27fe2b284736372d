import { WITH_DATA } from '../../metrics/types.js';
import { candidate, type Candidate } from '../types.js';
import { agencyLabels, topReason, type Rule } from './context.js';

/** Văn bản không đến được nơi nhận: packages to an agency that failed for its own reasons (and, by default, undelivered). */
export const deliveryFailures: Rule = (ctx) => {
  const cfg = ctx.config.deliveryFailures;
  const out: Candidate[] = [];
  const rows = ctx.metrics.delivery(ctx.now, cfg.window, WITH_DATA);
  let down: Set<string> | null = null;
  // Indexed: see overdue-replies.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.failed === 0 && row.undelivered === 0) continue;
    down ??= new Set(
      ctx
        .servers()
        .filter((s) => s.state === 'disconnected' || s.drops > 0)
        .map((s) => s.serverId),
    );
    const server = ctx.serverOf(row.agencyId);
    const undelivered = cfg.includeUndelivered ? row.undelivered : 0;
    // Failures but those the sender's side explains (its signature, its server), unless the recipient's server is down.
    const { package_rejected: rejected, security_server_unreachable: unreachable } = row.failedByReason;
    const own = row.failed - rejected - (server !== undefined && down.has(server) ? 0 : unreachable);
    const problems = own + undelivered;
    if (problems < cfg.warningCount) continue;
    const severity = problems >= cfg.criticalCount ? 'critical' : 'warning';
    const params = { failed: row.failed, undelivered, window: cfg.window, reason: topReason(row.failedByReason) };
    out.push(candidate('delivery-failures', agencyLabels(ctx, row.agencyId), severity, params));
  }
  return out;
};
