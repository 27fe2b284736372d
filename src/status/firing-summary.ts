/**
 * The summary of `hubmon status` when alerts fire: one group per rule, critical causes first,
 * each with how many of its alerts someone has acknowledged, so a monitoring history says
 * which problem is being handled.
 */
import type { Alert, RuleId } from '../alerts/types.js';
import { statusWords, type StatusWords } from './words.js';

interface RuleGroup {
  readonly n: number;
  readonly critical: boolean;
  readonly acknowledged: number;
}

/** E.g. `1 security server down, 3 server certificates expiring (1 acknowledged)`. */
export function firingSummary(firing: readonly Alert[], w: StatusWords = statusWords('en')): string {
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
        `${n} ${w(`rule.${rule}.${n === 1 ? '1' : 'n'}`)}${acknowledged > 0 ? w('summary.acknowledged', { n: acknowledged }) : ''}`,
    )
    .join(', ');
}
