import { WITH_DATA, type StatusReportRow } from '../../metrics/types.js';
import { alertKey, type Candidate } from '../types.js';
import { agencyLabels, type Rule } from './context.js';

/** The first status (01, arrived) follows a delivery within about a minute: later ones may be human. */
const FIRST_STATUS_GRACE_MS = 3 * 60_000;

/**
 * Cơ quan ngừng phản hồi trạng thái: documents keep being delivered to an agency whose system
 * reported "arrived" (01, sent by the system itself within a minute or so) for a good share of
 * what it received in the day before, and no status at all comes back. Judged on deliveries
 * old enough for that first status, so a document delivered a minute ago does not count. The
 * usual reporting is judged over a day (`usualWindow`), not the hour before: a silence that
 * began before the console looked, or that outlasts its `for`, weighs little in a day, where in
 * an hour it soon made the agency look as if it never reported and the alert resolve. Needs
 * the metrics' windows of any length; without them the rule finds nothing.
 */
export const statusSilence: Rule = (ctx) => {
  const cfg = ctx.config.statusSilence;
  const over = ctx.metrics.statusReportsOver;
  if (!over) return [];
  const recentStatuses = over(ctx.now, cfg.silentFor, WITH_DATA);
  // Received in the silence, less the last minutes whose first status may still be coming.
  const received = new Map(
    over(ctx.now - FIRST_STATUS_GRACE_MS, cfg.silentFor - FIRST_STATUS_GRACE_MS, WITH_DATA).map((r) => [
      r.agencyId,
      r.received,
    ]),
  );
  let before: Map<string, StatusReportRow> | null = null;
  const out: Candidate[] = [];
  for (let i = 0; i < recentStatuses.length; i++) {
    const row = recentStatuses[i]!;
    if (row.statuses > 0) continue;
    const got = received.get(row.agencyId) ?? 0;
    if (got < cfg.minReceived) continue;
    // Read only when some agency is silent now.
    before ??= new Map(over(ctx.now - cfg.silentFor, cfg.usualWindow, WITH_DATA).map((r) => [r.agencyId, r]));
    const usual = before.get(row.agencyId);
    if (!usual || usual.arrived < cfg.minUsual || usual.arrived < cfg.usualShare * usual.received) continue;
    const labels = agencyLabels(ctx, row.agencyId);
    out.push({
      key: alertKey('status-silence', labels),
      rule: 'status-silence',
      labels,
      severity: 'warning',
      params: { received: got, usual: usual.statuses, windowMs: cfg.silentFor },
    });
  }
  return out;
};
