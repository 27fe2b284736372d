import { WITH_DATA, type StatusReportRow } from '../../metrics/types.js';
import { candidate, type Candidate } from '../types.js';
import { agencyLabels, type Rule } from './context.js';

/** The first status (01, arrived) follows a delivery within about a minute: later ones may be human. */
const FIRST_STATUS_GRACE_MS = 3 * 60_000;

/**
 * Cơ quan ngừng phản hồi trạng thái: documents keep reaching an agency that usually reports "arrived" (01) for a
 * good share of them, and no status comes back. The usual is judged over a day (`usualWindow`): in an hour the
 * silence itself soon made the agency look as if it never reported. Needs windows of any length.
 */
export const statusSilence: Rule = (ctx) => {
  const cfg = ctx.config.statusSilence;
  const over = ctx.metrics.statusReportsOver;
  const recentStatuses = over(ctx.now, cfg.silentFor, WITH_DATA);
  // Received in the silence, less the last minutes whose first status may still be coming.
  const graced = over(ctx.now - FIRST_STATUS_GRACE_MS, cfg.silentFor - FIRST_STATUS_GRACE_MS, WITH_DATA);
  const received = new Map(graced.map((r) => [r.agencyId, r.received]));
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
    const params = { received: got, usual: usual.statuses, windowMs: cfg.silentFor };
    out.push(candidate('status-silence', agencyLabels(ctx, row.agencyId), 'warning', params));
  }
  return out;
};
