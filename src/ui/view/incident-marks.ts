/**
 * Which agencies an acute incident is about right now, for the Agencies screen's incident
 * column and its problem filters. Read from the incident list each refresh that shows
 * agencies; `version` moves when the marks do, so a filtered list is filtered again.
 */
import type { AlertView } from '../data/sources.js';

/** The incidents an agency can be marked with, most urgent first. */
export const INCIDENT_TAGS = ['down', 'flapping', 'signature', 'silence', 'duplicates', 'delivery', 'quiet'] as const;
export type IncidentTag = (typeof INCIDENT_TAGS)[number];

const RULE_TAG: Readonly<Record<string, IncidentTag>> = {
  'server-disconnected': 'down',
  'server-flapping': 'flapping',
  'signature-failures': 'signature',
  'status-silence': 'silence',
  'duplicate-sends': 'duplicates',
  'delivery-failures': 'delivery',
  'agency-silent': 'quiet',
};

let from: readonly AlertView[] | null = null;
let marks = new Map<string, IncidentTag[]>();
let version = 0;

/** Takes the marks from the incident list (the same array again changes nothing). */
export function setIncidentMarks(incidents: readonly AlertView[]): void {
  if (incidents === from) return;
  from = incidents;
  const next = new Map<string, IncidentTag[]>();
  for (const i of incidents) {
    const tag = RULE_TAG[i.rule];
    if (tag === undefined || i.kind === 'standing' || i.state === 'pending') continue;
    const ids = i.agencies ?? (i.agencyId === null ? [] : [i.agencyId]);
    for (const id of ids) {
      const tags = next.get(id);
      if (!tags) next.set(id, [tag]);
      else if (!tags.includes(tag)) tags.push(tag);
    }
  }
  for (const tags of next.values()) tags.sort((a, b) => INCIDENT_TAGS.indexOf(a) - INCIDENT_TAGS.indexOf(b));
  if (sameMarks(marks, next)) return;
  marks = next;
  version++;
}

/** The agency's incidents, most urgent first; empty when it has none. */
export const incidentTagsOf = (agencyId: string): readonly IncidentTag[] => marks.get(agencyId) ?? [];

/** Moves whenever the marks change. */
export const incidentMarksVersion = (): number => version;

function sameMarks(
  a: ReadonlyMap<string, readonly IncidentTag[]>,
  b: ReadonlyMap<string, readonly IncidentTag[]>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [id, tags] of b) if (a.get(id)?.join() !== tags.join()) return false;
  return true;
}
