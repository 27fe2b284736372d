/** `hubmon status`'s summary when alerts fire: a group per rule, acute and critical first, acknowledged counted. */
import { isStanding } from '../alerts/incidents.js';
import type { Alert, RuleId } from '../alerts/types.js';
import { statusWords, type StatusWords } from './words.js';

interface RuleGroup {
  /** The summary's words for the group: a rule, or a standing signature problem. */
  readonly phrase: 'signatures-standing' | RuleId;
  readonly standing: boolean;
  readonly n: number;
  readonly critical: boolean;
  readonly acknowledged: number;
}

/** E.g. `1 security server down, 3 server certificates expired or expiring (1 acknowledged)`. */
export function firingSummary(firing: readonly Alert[], w: StatusWords = statusWords('en')): string {
  const groups = new Map<string, RuleGroup>();
  for (const a of firing) {
    const standing = isStanding(a);
    const id = standing ? `${a.rule} standing` : a.rule;
    const phrase = standing && a.rule === 'signature-failures' ? 'signatures-standing' : a.rule;
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
        `${n} ${w(`rule.${phrase}.${n === 1 ? '1' : 'n'}`)}${acknowledged > 0 ? w('summary.acknowledged', { n: acknowledged }) : ''}`,
    )
    .join(', ');
}
