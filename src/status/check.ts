/** The one-shot check behind `hubmon status`: the cache's metrics and alerts → OK, WARNING, CRITICAL or UNKNOWN. */
import type Database from 'better-sqlite3';
import type { AlertConfig, Alert, Incident } from '../alerts/index.js';
import {
  alertCounts,
  countFlapping,
  flappingServerIds,
  countIncidents,
  createAlertEngine,
  describeIncident,
  groupIncidents,
} from '../alerts/index.js';
import { incidentState, isStanding } from '../alerts/incidents.js';
import type { DescribeOptions } from '../alerts/describe.js';
import { agenciesBehind } from '../metrics/servers.js';
import type { Metrics } from '../metrics/types.js';
import { vietnamTimeWithOffset } from '../protocol/index.js';
import type { PerfDatum } from './render.js';
import { statusWords, type StatusWords } from './messages.js';

/** The process exit code of each state, as every monitoring system reads it. */
const EXIT_CODE = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 } as const;
type CheckState = keyof typeof EXIT_CODE;
/** An UNKNOWN result judges no alert. */
const UNKNOWN = { state: 'UNKNOWN', exitCode: EXIT_CODE.UNKNOWN, firing: [], pending: [], incidents: [] } as const;

/** What became of the attempt to refresh the cache from the hub. */
export type HubOutcome =
  /** No hub address given: the cache alone is judged. */
  | { readonly kind: 'none' }
  /** Connected and caught up: the cache holds everything the hub had. */
  | { readonly kind: 'live'; readonly url: string }
  /** Connected but still behind when the timeout came. */
  | { readonly kind: 'behind'; readonly url: string; readonly lagEvents: number }
  /** No answer within the timeout. */
  | { readonly kind: 'unreachable'; readonly url: string; readonly error: string }
  /** Another console writes this cache and keeps it fresh; this check only reads it. */
  | { readonly kind: 'shared'; readonly holder: string }
  /** A recorded stream (`--source FILE`), judged as of its last event: never stale. */
  | { readonly kind: 'recording'; readonly file: string };

interface CheckInput {
  /** The cache judged, or the recording given with `--source`. */
  readonly cachePath: string;
  readonly metrics: Metrics;
  /** The rules' thresholds, shown in perfdata; the signature rule's window. */
  readonly config: AlertConfig;
  /** The cache's database, where the console that writes it keeps alert states and acknowledgements. */
  readonly db: Database.Database;
  readonly hub: HubOutcome;
  /** Older than this, a cache the hub could not refresh is not evidence of anything. */
  readonly maxAgeMs: number;
  /** The language, the time judged (`now`) and the names the lines are worded with. */
  readonly words: DescribeOptions;
}

/** The verdict: state and exit code, the summary after `HUBMON STATE - `, perfdata, the long output's lines. */
export type CheckResult = ReturnType<typeof evaluateCheck>;

function spanWords(ms: number, w: StatusWords): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return w('span.s', { n: s });
  if (s < 7200) return w('span.min', { n: Math.round(s / 60) });
  if (s < 172_800) return w('span.h', { n: Math.round(s / 3600) });
  return w('span.d', { n: Math.round(s / 86_400) });
}

export function evaluateCheck(input: CheckInput) {
  const { metrics, hub } = input;
  const { now, lang } = input.words;
  const [stream, totals, agencies] = [metrics.stream(), metrics.totals(now, '1h'), metrics.agencies().length];
  const w = statusWords(lang);
  const dataAgeMs = stream.newestEventTs === null ? null : Math.max(0, now - stream.newestEventTs);
  const lag = hub.kind === 'behind' ? hub.lagEvents : 0;
  // The alerts as the console writing this cache sees them, read-only; incidents most urgent first.
  const engine = createAlertEngine({ metrics, db: input.db, config: input.config, readOnly: true, now: () => now });
  const top = engine.evaluate(now).alerts;
  const allIncidents = groupIncidents(top, agenciesBehind(metrics.agencies()));
  const incidentCounts = countIncidents(allIncidents);
  const incidents = allIncidents.filter((i) => i.phase !== 'resolved');
  // The header's count: incidents firing unacknowledged, by severity (docs/ALERTS.md).
  const counts = alertCounts(incidents.map((i) => ({ severity: i.severity, state: incidentState(i) })));
  // National signature failures over the signature rule's window.
  const { signatureFailures: sig, overdueReplies } = input.config.rules;
  const sigRows = metrics.signaturesOver(now, sig.window);
  const [failed, verified] = sigRows.reduce(([f, v], r) => [f + r.failed, v + r.verified], [0, 0]);
  const sigPct = verified > 0 ? (100 * failed) / verified : 0;
  const [sigWarn, sigCrit] = [100 * sig.warningRate, 100 * sig.criticalRate];
  // Servers up while their flapping alert fires: the console's Overview counts them as weak (docs/FIGURES.md).
  const flapping = countFlapping(metrics.servers(now, '1h'), flappingServerIds(top));
  const perfdata: PerfDatum[] = [
    { label: 'servers_down', value: totals.serversDown, crit: 0, min: 0, max: totals.servers },
    { label: 'servers_degraded', value: totals.serversDegraded, min: 0, max: totals.servers },
    { label: 'servers_flapping', value: flapping, min: 0, max: totals.servers },
    { label: 'sig_fail_pct', value: sigPct, uom: '%', warn: sigWarn, crit: sigCrit, min: 0, max: 100 },
    { label: 'overdue', value: totals.overdueReplies, warn: overdueReplies.warningCount - 1, min: 0 },
    { label: 'due_24h', value: totals.dueWithin24h, min: 0 },
    { label: 'delivery_failures', value: totals.deliveryFailures, min: 0 },
    { label: 'alerts_critical', value: counts.critical, min: 0 },
    { label: 'alerts_warning', value: counts.warning, min: 0 },
    { label: 'alerts_pending', value: counts.pending, min: 0 },
    { label: 'incidents_acute', value: incidentCounts.acute, min: 0 },
    { label: 'incidents_standing', value: incidentCounts.standing, min: 0 },
    { label: 'lag', value: lag, min: 0 },
    { label: 'age', value: dataAgeMs === null ? 0 : dataAgeMs / 1000, uom: 's', crit: input.maxAgeMs / 1000, min: 0 },
    { label: 'rejections', value: stream.rejections, uom: 'c', min: 0 },
  ];

  // UNKNOWN prints only the figures it has: with nothing received, none; with a cache too old
  // to judge, its age and how far it is behind, never its old counts read as all clear.
  const fields = hub as Record<string, string | number>;
  // The hub's line: each outcome's fields fill its message.
  const hubLine = w(`hub.${hub.kind}`, fields);
  const unknown = (summary: string, perfdata: PerfDatum[]) => {
    const details = [hubLine, w('cache.line', { path: input.cachePath })];
    return { ...UNKNOWN, summary, perfdata, details, dataAgeMs };
  };
  if (stream.events === 0 && agencies === 0) {
    const why = w(hub.kind === 'unreachable' ? 'noData.unreachable' : 'noData.nothing', fields);
    return unknown(w('noData', { path: input.cachePath, why }), []);
  }
  if (hub.kind !== 'live' && hub.kind !== 'recording' && (dataAgeMs === null || dataAgeMs > input.maxAgeMs)) {
    const age = dataAgeMs === null ? w('stale.noEvents') : w('stale.age', { span: spanWords(dataAgeMs, w) });
    const cause = w(`cause.${hub.kind}`, fields);
    const known = perfdata.filter(
      (p) => (p.label === 'lag' && hub.kind === 'behind') || (p.label === 'age' && dataAgeMs !== null),
    );
    return unknown(w('stale', { cause, age, max: spanWords(input.maxAgeMs, w) }), known);
  }

  const firing = top.filter((a) => a.phase === 'firing');
  const pending = top.filter((a) => a.phase === 'pending');
  const critical = firing.some((a) => a.severity === 'critical');
  const state: CheckState = critical ? 'CRITICAL' : firing.length > 0 ? 'WARNING' : 'OK';

  const ok = w('summary.ok', { agencies, connected: totals.servers - totals.serversDown, servers: totals.servers });
  let summary = firing.length > 0 ? firingSummary(firing, w) : ok;
  if (firing.length === 0 && pending.length > 0) summary += w('summary.pending', { n: pending.length });
  if (hub.kind === 'unreachable') summary += w('summary.unreachable', { age: spanWords(dataAgeMs ?? 0, w) });
  if (hub.kind === 'behind') summary += w('summary.behind', { n: lag });

  // One line per incident, acute first: a standing problem of 241 agencies is one line.
  const line = (i: Incident): string => {
    const tag = w(i.phase === 'pending' ? 'tag.pending' : i.severity === 'critical' ? 'tag.critical' : 'tag.warning');
    const ack = i.ack ? w('line.ack', { by: i.ack.by }) : '';
    return `${tag} ${w(i.kind === 'acute' ? 'kind.acute' : 'kind.standing')}: ${describeIncident(i, input.words)}${ack}`;
  };
  const newest = stream.newestEventTs === null ? w('cache.newestNone') : vietnamTimeWithOffset(stream.newestEventTs);
  const details = [
    ...incidents.filter((i) => i.phase === 'firing').map(line),
    ...incidents.filter((i) => i.phase === 'pending').map(line),
    hubLine,
    w('cache.lineFull', { path: input.cachePath, n: stream.events, newest }),
  ];
  // Firing and pending: the top-level alerts; incidents firing or pending, acute first; the data's age in ms.
  return { state, exitCode: EXIT_CODE[state], summary, perfdata, details, firing, pending, incidents, dataAgeMs };
}

/** Several of a rule's phrase in English, whose phrases all lead with one of these nouns; Vietnamese has no plural. */
const plural = (n: number, text: string): string =>
  n === 1
    ? text
    : text.replace(/^(agency|security server|server certificate)/, (w) => (w === 'agency' ? 'agencies' : `${w}s`));

/** The summary when alerts fire, a group per rule, acute and critical first: `1 security server down (1 acknowledged)`. */
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
    const text = `${n} ${plural(n, w(`rule.${phrase}`))}${acknowledged > 0 ? w('summary.acknowledged', { n: acknowledged }) : ''}`;
    return { id, standing, critical, n, text };
  });
  // Acute before standing, critical first, then by how many; stable for a monitoring history.
  const rank = (g: (typeof summary)[number]) => Number(g.standing) * 2 - Number(g.critical);
  summary.sort((a, b) => rank(a) - rank(b) || b.n - a.n || a.id.localeCompare(b.id));
  return summary.map((g) => g.text).join(', ');
}
