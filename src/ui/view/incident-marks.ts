/** Which agencies an acute incident is about now: the Agencies incident column and filters, and the ranking. */
import type { AlertView } from '../data/sources.js';

/** The incidents an agency can be marked with, most urgent first. */
export const INCIDENT_TAGS = ['down', 'flapping', 'signature', 'silence', 'duplicates', 'delivery', 'quiet'] as const;
export type IncidentTag = (typeof INCIDENT_TAGS)[number];

/** Each marked agency's incidents, most urgent first. */
export type IncidentMarks = ReadonlyMap<string, readonly IncidentTag[]>;

export const NO_MARKS: IncidentMarks = new Map();

const RULE_TAG: Readonly<Record<string, IncidentTag>> = {
  'server-disconnected': 'down',
  'server-flapping': 'flapping',
  'signature-failures': 'signature',
  'status-silence': 'silence',
  'duplicate-sends': 'duplicates',
  'delivery-failures': 'delivery',
  'agency-silent': 'quiet',
};

/** The marks of the firing acute incidents in `incidents`. */
export function incidentMarks(incidents: readonly AlertView[]): IncidentMarks {
  const marks = new Map<string, IncidentTag[]>();
  for (const i of incidents) {
    const tag = RULE_TAG[i.rule];
    if (tag === undefined || i.kind === 'standing' || i.state === 'pending') continue;
    for (const id of i.agencies ?? (i.agencyId === null ? [] : [i.agencyId])) {
      const tags = marks.get(id);
      if (!tags) marks.set(id, [tag]);
      else if (!tags.includes(tag)) tags.push(tag);
    }
  }
  for (const tags of marks.values()) tags.sort((a, b) => INCIDENT_TAGS.indexOf(a) - INCIDENT_TAGS.indexOf(b));
  return marks.size === 0 ? NO_MARKS : marks;
}

export function sameMarks(a: IncidentMarks, b: IncidentMarks): boolean {
  if (a.size !== b.size) return false;
  for (const [id, tags] of b) if (a.get(id)?.join() !== tags.join()) return false;
  return true;
}
