/** How the Overview shares its rows between the worst-agencies table and the firing incidents. */
import type { AlertView } from '../data/sources.js';
import { severityRank } from '../../alerts/types.js';

/** Rows of the Overview outside its two lists: totals (2), table title and header, incidents' title. */
export const OVERVIEW_FIXED_LINES = 5;
/** Rows the worst-agencies table keeps however many incidents fire. */
const WORST_ROWS_MIN = 4;

/** Incident rows and table rows; the firing incidents not drawn are counted on a line of their own. */
export function overviewLayout(body: number, firing: number): { incidentRows: number; tableRows: number } {
  const free = Math.max(2, body - OVERVIEW_FIXED_LINES);
  const room = Math.max(1, free - WORST_ROWS_MIN);
  const incidentRows = firing <= room ? firing : Math.max(1, room - 1);
  // None firing still takes the line saying so; more than fit take the line counting the rest.
  const used = firing <= room ? Math.max(1, firing) : incidentRows + 1;
  return { incidentRows, tableRows: Math.max(1, free - used) };
}

/** The firing incidents, acute first, then critical first, then newest first (a stable sort: ties keep their order). */
export function firingIncidents(alerts: readonly AlertView[]): AlertView[] {
  return alerts
    .filter((a) => a.state === 'firing')
    .sort(
      (x, y) =>
        Number(x.kind === 'standing') - Number(y.kind === 'standing') ||
        severityRank(y.severity) - severityRank(x.severity) ||
        y.since - x.since,
    );
}
