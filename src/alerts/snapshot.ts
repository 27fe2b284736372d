/** Ordering and counting of the alert list: what an operator should look at first. */
import { PHASE_RANK, severityRank, type Alert, type AlertCounts } from './types.js';

/** By phase, severity, unacknowledged first, then longest-running first so a live list does not jump. */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort(
    (a, b) =>
      PHASE_RANK[a.phase] - PHASE_RANK[b.phase] ||
      severityRank(b.severity) - severityRank(a.severity) ||
      Number(a.ack !== null) - Number(b.ack !== null) ||
      a.activeSince - b.activeSince ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export function countAlerts(alerts: readonly Alert[]): AlertCounts {
  const firing = { warning: 0, critical: 0 };
  const unacknowledged = { warning: 0, critical: 0 };
  let pending = 0;
  let resolved = 0;
  let folded = 0;
  for (const a of alerts) {
    folded += a.folded.length;
    if (a.phase === 'pending') pending++;
    else if (a.phase === 'resolved') resolved++;
    else {
      firing[a.severity]++;
      if (a.ack === null) unacknowledged[a.severity]++;
    }
  }
  return { firing, unacknowledged, pending, resolved, folded };
}
