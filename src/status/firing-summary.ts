/**
 * The summary of `hubmon status` when alerts fire: one group per rule, critical causes first,
 * each with how many of its alerts someone has acknowledged, so a monitoring history says
 * which problem is being handled.
 */
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

interface RuleGroup {
  readonly n: number;
  readonly critical: boolean;
  readonly acknowledged: number;
}

/** E.g. `1 security server down, 3 server certificates expiring (1 acknowledged)`. */
export function firingSummary(firing: readonly Alert[]): string {
  const byRule = new Map<RuleId, RuleGroup>();
  for (const a of firing) {
    const g = byRule.get(a.rule) ?? { n: 0, critical: false, acknowledged: 0 };
    byRule.set(a.rule, {
      n: g.n + 1,
      critical: g.critical || a.severity === 'critical',
      acknowledged: g.acknowledged + (a.ack !== null ? 1 : 0),
    });
  }
  // Critical causes first, then by how many; the order is stable for a monitoring history.
  return [...byRule]
    .sort(([ra, a], [rb, b]) => Number(b.critical) - Number(a.critical) || b.n - a.n || ra.localeCompare(rb))
    .map(
      ([rule, { n, acknowledged }]) =>
        `${n} ${RULE_PHRASE[rule][n === 1 ? 0 : 1]}${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ''}`,
    )
    .join(', ');
}
