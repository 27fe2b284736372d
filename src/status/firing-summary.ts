/** `hubmon status`'s summary when alerts fire: a group per rule, acute and critical first, acknowledged counted. */
import { isStanding } from '../alerts/incidents.js';
import type { Alert } from '../alerts/types.js';
import { statusWords, type StatusWords } from './messages.js';

/** E.g. `1 security server down, 3 server certificates expired or expiring (1 acknowledged)`. */
export function firingSummary(firing: readonly Alert[], w: StatusWords = statusWords('en')): string {
  const groups = new Map<string, Alert[]>();
  for (const a of firing) {
    const id = isStanding(a) ? `${a.rule} standing` : a.rule;
    groups.set(id, [...(groups.get(id) ?? []), a]);
  }
  const summary = [...groups].map(([id, alerts]) => {
    const standing = isStanding(alerts[0]!);
    // The summary's words for the group: a rule, or a standing signature problem.
    const phrase = standing && alerts[0]!.rule === 'signature-failures' ? 'signatures-standing' : alerts[0]!.rule;
    const acknowledged = alerts.filter((a) => a.ack !== null).length;
    const critical = alerts.some((a) => a.severity === 'critical');
    const n = alerts.length;
    const text = `${n} ${w(`rule.${phrase}.${n === 1 ? '1' : 'n'}`)}${acknowledged > 0 ? w('summary.acknowledged', { n: acknowledged }) : ''}`;
    return { id, standing, critical, n, text };
  });
  // Acute before standing, critical first, then by how many; stable for a monitoring history.
  const rank = (g: (typeof summary)[number]) => Number(g.standing) * 2 - Number(g.critical);
  summary.sort((a, b) => rank(a) - rank(b) || b.n - a.n || a.id.localeCompare(b.id));
  return summary.map((g) => g.text).join(', ');
}
