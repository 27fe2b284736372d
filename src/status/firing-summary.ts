/**
 * The summary of `hubmon status` when alerts fire: one group per rule, acute incidents before
 * standing problems, critical causes first, each with how many of its alerts someone has
 * acknowledged, so a monitoring history says which problem is being handled.
 */
import { isStanding } from '../alerts/incidents.js';
import type { Alert, RuleId } from '../alerts/types.js';

/** How a rule's firing alerts read in the summary, singular and plural. */
const RULE_PHRASE: Readonly<Record<RuleId, readonly [string, string]>> = {
  'server-disconnected': ['security server down', 'security servers down'],
  'server-flapping': ['security server flapping', 'security servers flapping'],
  'status-silence': ['agency silent on statuses', 'agencies silent on statuses'],
  'duplicate-sends': ['agency sending duplicates', 'agencies sending duplicates'],
  'signature-failures': [
    'agency over the signature-failure threshold',
    'agencies over the signature-failure threshold',
  ],
  'overdue-replies': ['agency with overdue replies', 'agencies with overdue replies'],
  'agency-silent': ['agency silent in working hours', 'agencies silent in working hours'],
  'certificate-expiring': ['server certificate expiring', 'server certificates expiring'],
  'delivery-failures': ['agency with delivery failures', 'agencies with delivery failures'],
};

/** A standing signature problem reads apart from a burst. */
const STANDING_SIGNATURES: readonly [string, string] = [
  'agency failing signatures day after day',
  'agencies failing signatures day after day',
];

interface RuleGroup {
  readonly phrase: readonly [string, string];
  readonly standing: boolean;
  readonly n: number;
  readonly critical: boolean;
  readonly acknowledged: number;
}

/** E.g. `1 security server down, 3 server certificates expiring (1 acknowledged)`. */
export function firingSummary(firing: readonly Alert[]): string {
  const groups = new Map<string, RuleGroup>();
  for (const a of firing) {
    const standing = isStanding(a);
    const id = standing ? `${a.rule} standing` : a.rule;
    const phrase = standing && a.rule === 'signature-failures' ? STANDING_SIGNATURES : RULE_PHRASE[a.rule];
    const g = groups.get(id) ?? { phrase, standing, n: 0, critical: false, acknowledged: 0 };
    groups.set(id, {
      ...g,
      n: g.n + 1,
      critical: g.critical || a.severity === 'critical',
      acknowledged: g.acknowledged + (a.ack !== null ? 1 : 0),
    });
  }
  // Acute before standing, critical first, then by how many; stable for a monitoring history.
  return [...groups]
    .sort(
      ([ia, a], [ib, b]) =>
        Number(a.standing) - Number(b.standing) ||
        Number(b.critical) - Number(a.critical) ||
        b.n - a.n ||
        ia.localeCompare(ib),
    )
    .map(
      ([, { phrase, n, acknowledged }]) =>
        `${n} ${phrase[n === 1 ? 0 : 1]}${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ''}`,
    )
    .join(', ');
}
