/** The report's standing problems (vấn đề tồn đọng): one line per standing incident, in the console's words. */
import {
  agenciesBehind,
  createAlertEngine,
  describeAlert,
  groupIncidents,
  RULE_TITLES,
  namer,
} from '../alerts/index.js';
import type { Metrics } from '../metrics/types.js';
import type { Lang } from './labels.js';

export interface StandingProblem {
  readonly rule: string;
  /** The rule's title in the report's language. */
  readonly title: string;
  readonly severity: 'critical' | 'warning';
  /** Agencies it affects (those behind the servers, for certificates). */
  readonly agencies: number;
  /** Its members: agencies, or servers for certificates. */
  readonly members: number;
  /** The worst member, in words. */
  readonly worst: string;
}

/** Judges the cache's figures at `now` with the default thresholds, as a one-shot `status` does; worst first. */
export function standingProblems(metrics: Metrics, lang: Lang, now: number): StandingProblem[] {
  const engine = createAlertEngine({ metrics, readOnly: true, now: () => now });
  const incidents = groupIncidents(engine.evaluate(now).alerts, agenciesBehind(metrics.agencies()));
  const nameOf = namer(metrics.agencies(), metrics.securityServers());
  return incidents
    .filter((i) => i.kind === 'standing' && i.phase !== 'resolved')
    .map((i) => ({
      rule: i.rule,
      title: RULE_TITLES[i.rule][lang],
      severity: i.severity,
      agencies: i.agencies.length,
      members: i.alerts.length,
      worst: describeAlert(i.worst, { lang, now, nameOf }),
    }));
}
