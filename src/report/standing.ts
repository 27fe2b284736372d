/** The report's standing problems (vấn đề tồn đọng): one line per standing incident, in the console's words. */
import { createAlertEngine, describeAlert, groupIncidents, namer, RULE_TITLES } from '../alerts/index.js';
import { agenciesBehind } from '../metrics/servers.js';
import type { Metrics } from '../metrics/types.js';
import type { Lang } from './labels.js';

/** Judges the cache's figures at `now` with the default thresholds, as a one-shot `status` does; worst first. */
export function standingProblems(metrics: Metrics, lang: Lang, now: number) {
  const engine = createAlertEngine({ metrics, readOnly: true, now: () => now });
  const incidents = groupIncidents(engine.evaluate(now).alerts, agenciesBehind(metrics.agencies()));
  const nameOf = namer(metrics.agencies(), metrics.securityServers());
  return incidents
    .filter((i) => i.kind === 'standing' && i.phase !== 'resolved')
    .map((i) => ({
      rule: i.rule,
      /** The rule's title in the report's language. */
      title: RULE_TITLES[i.rule][lang],
      severity: i.severity,
      /** Agencies it affects (those behind the servers, for certificates). */
      agencies: i.agencies.length,
      /** Its members: agencies, or servers for certificates. */
      members: i.alerts.length,
      /** The worst member, in words. */
      worst: describeAlert(i.worst, { lang, now, nameOf }),
    }));
}

export type StandingProblem = ReturnType<typeof standingProblems>[number];
