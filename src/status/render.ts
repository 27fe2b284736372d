/** The check result as monitoring systems read it (plugin text with perfdata) and as scripts read it (JSON). */
import type { DescribeOptions } from '../alerts/describe.js';
import { describeAlert, describeIncident, type Alert, type Incident } from '../alerts/index.js';
import type { CheckResult, HubOutcome } from './check.js';

/** Perfdata as Nagios plugin guidelines write it: `'label'=value[UOM];[warn];[crit];[min];[max]`. */
export interface PerfDatum {
  readonly label: string;
  readonly value: number;
  /** '', 's', 'ms', '%', 'B', 'c' (a counter that only grows). */
  readonly uom?: '' | 's' | 'ms' | '%' | 'B' | 'c';
  readonly warn?: number;
  readonly crit?: number;
  readonly min?: number;
  readonly max?: number;
}

const num = (n: number | undefined): string =>
  n === undefined || !Number.isFinite(n) ? '' : String(Math.round(n * 100) / 100);

/** A label is quoted when it holds anything but letters, digits and `_.-` (the guidelines' rule). */
const label = (text: string): string => (/^[A-Za-z0-9_.-]+$/.test(text) ? text : `'${text.replace(/'/g, "''")}'`);

export function formatPerfDatum(d: PerfDatum): string {
  const tail = [d.warn, d.crit, d.min, d.max].map(num).join(';').replace(/;+$/, '');
  return `${label(d.label)}=${num(d.value)}${d.uom ?? ''}${tail && `;${tail}`}`;
}

/** `HUBMON STATE - summary | perfdata`, then the long output; a `|` in the text would cut off the perfdata. */
export function formatPluginOutput(result: CheckResult): string {
  const [summary, ...details] = [result.summary, ...result.details].map((d) =>
    d.replace(/\|/g, '/').replace(/[\r\n]+/g, ' '),
  );
  const perf = result.perfdata.length > 0 ? ` | ${result.perfdata.map(formatPerfDatum).join(' ')}` : '';
  return [`HUBMON ${result.state} - ${summary}${perf}`, ...details, ''].join('\n');
}

/** The JSON document (version 1); `words.now` is when the check was made. */
export function formatStatusJson(result: CheckResult, cachePath: string, hub: HubOutcome, words: DescribeOptions) {
  const iso = (t: number) => new Date(t).toISOString();
  const perf = (p: PerfDatum) => ({ value: p.value, uom: p.uom ?? '', warn: p.warn ?? null, crit: p.crit ?? null });
  const acknowledged = (a: Alert | Incident) => (a.ack ? { by: a.ack.by, at: iso(a.ack.at) } : null);
  const alert = (a: Alert) => ({
    key: a.key,
    rule: a.rule,
    severity: a.severity,
    phase: a.phase,
    labels: a.labels,
    summary: describeAlert(a, words),
    activeSince: iso(a.activeSince),
    firingSince: a.firingSince === null ? null : iso(a.firingSince),
    acknowledged: acknowledged(a),
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
    acknowledged: acknowledged(i),
    summary: describeIncident(i, words),
  });
  const doc = {
    version: 1,
    state: result.state,
    exitCode: result.exitCode,
    summary: result.summary,
    checkedAt: iso(words.now),
    perfdata: Object.fromEntries(result.perfdata.map((p) => [p.label, perf(p)])),
    alerts: { firing: result.firing.map(alert), pending: result.pending.map(alert) },
    incidents: result.incidents.map(incident),
    hub,
    cache: { path: cachePath, dataAgeMs: result.dataAgeMs },
    details: result.details,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
