/** The check result as monitoring systems read it (plugin text) and as scripts read it (JSON). */
import type { Incident } from '../alerts/incidents.js';
import type { Alert } from '../alerts/types.js';
import type { CheckResult, HubOutcome } from './check.js';
import { formatPerfData } from './perfdata.js';

/** `HUBMON STATE - summary | perfdata`, then the long output; a `|` in the text would cut off the perfdata. */
export function formatPluginOutput(result: CheckResult): string {
  const summary = result.summary.replace(/\|/g, '/').replace(/[\r\n]+/g, ' ');
  const details = result.details.map((d) => d.replace(/\|/g, '/').replace(/[\r\n]+/g, ' '));
  const perf = result.perfdata.length > 0 ? ` | ${formatPerfData(result.perfdata)}` : '';
  return [`HUBMON ${result.state} - ${summary}${perf}`, ...details, ''].join('\n');
}

const STATUS_JSON_VERSION = 1;

export function formatStatusJson(
  result: CheckResult,
  context: {
    readonly checkedAt: number;
    readonly cachePath: string;
    readonly hub: HubOutcome;
    describe(a: Alert): string;
    describeIncident(i: Incident): string;
  },
): string {
  const iso = (t: number) => new Date(t).toISOString();
  const alert = (a: Alert) => ({
    key: a.key,
    rule: a.rule,
    severity: a.severity,
    phase: a.phase,
    labels: a.labels,
    summary: context.describe(a),
    activeSince: iso(a.activeSince),
    firingSince: a.firingSince === null ? null : iso(a.firingSince),
    acknowledged: a.ack ? { by: a.ack.by, at: iso(a.ack.at) } : null,
    folded: a.folded.map((f) => ({ key: f.key, rule: f.rule, severity: f.severity, labels: f.labels })),
  });
  const incident = (i: Incident) => ({
    id: i.id,
    rule: i.rule,
    kind: i.kind,
    severity: i.severity,
    phase: i.phase,
    subject: i.subject,
    agencies: i.agencies,
    since: iso(i.since),
    acknowledged: i.ack ? { by: i.ack.by, at: iso(i.ack.at) } : null,
    summary: context.describeIncident(i),
  });
  const doc = {
    version: STATUS_JSON_VERSION,
    state: result.state,
    exitCode: result.exitCode,
    summary: result.summary,
    checkedAt: iso(context.checkedAt),
    perfdata: Object.fromEntries(
      result.perfdata.map((p) => [
        p.label,
        { value: p.value, uom: p.uom ?? '', warn: p.warn ?? null, crit: p.crit ?? null },
      ]),
    ),
    alerts: { firing: result.firing.map(alert), pending: result.pending.map(alert) },
    incidents: result.incidents.map(incident),
    hub: context.hub,
    cache: { path: context.cachePath, dataAgeMs: result.dataAgeMs },
    details: result.details,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
