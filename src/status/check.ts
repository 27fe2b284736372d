/**
 * The one-shot check behind `hubmon status`: from what the cache holds (refreshed from the hub
 * when it answered) and the alert engine's snapshot, the monitoring-plugin verdict — OK,
 * WARNING, CRITICAL or UNKNOWN — with a one-line summary, perfdata and detail lines.
 * Pure: every input is handed in, so each state is tested with plain data.
 */
import { countIncidents, type Incident } from '../alerts/incidents.js';
import type { Alert, AlertSnapshot } from '../alerts/types.js';
import type { NationalTotals, StreamInfo } from '../metrics/types.js';
import { firingSummary } from './firing-summary.js';
import type { PerfDatum } from './perfdata.js';

export const CHECK_STATES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;
export type CheckState = (typeof CHECK_STATES)[number];
/** The process exit code of each state, as every monitoring system reads it. */
export const EXIT_CODE: Readonly<Record<CheckState, number>> = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 };

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

export interface CheckInput {
  readonly now: number;
  readonly cachePath: string;
  readonly stream: StreamInfo;
  /** Agencies and security servers the cache knows. */
  readonly agencies: number;
  readonly totals: NationalTotals;
  /** National signature failures over the signature rule's window. */
  readonly signatures: { readonly failed: number; readonly verified: number; readonly windowMs: number };
  readonly snapshot: AlertSnapshot;
  /** The snapshot's alerts grouped into incidents, most urgent first. */
  readonly incidents: readonly Incident[];
  readonly hub: HubOutcome;
  /** Older than this, a cache the hub could not refresh is not evidence of anything. */
  readonly maxAgeMs: number;
  /** Thresholds shown in perfdata, from the alert config. */
  readonly thresholds: { readonly sigWarnPct: number; readonly sigCritPct: number; readonly overdueWarn: number };
  /** Words for one alert, from the alert module's describer. */
  describe(alert: Alert): string;
  /** Words for one incident. */
  describeIncident(incident: Incident): string;
}

export interface CheckResult {
  readonly state: CheckState;
  readonly exitCode: number;
  /** The text after `HUBMON STATE - `. */
  readonly summary: string;
  readonly perfdata: readonly PerfDatum[];
  /** Long output: one line per firing or pending alert, then what the check was based on. */
  readonly details: readonly string[];
  /** Top-level alerts that count (firing) and those still pending. */
  readonly firing: readonly Alert[];
  readonly pending: readonly Alert[];
  /** Incidents firing or pending, acute first. */
  readonly incidents: readonly Incident[];
  /** Age of the newest stored event, ms; null when the cache holds none. */
  readonly dataAgeMs: number | null;
}

export function spanWords(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

function hubLine(hub: HubOutcome): string {
  switch (hub.kind) {
    case 'none':
      return 'hub: not asked (no --url); judged from the cache alone';
    case 'live':
      return `hub: ${hub.url} answered, cache caught up`;
    case 'behind':
      return `hub: ${hub.url} answered, cache still ${hub.lagEvents} events behind at the timeout`;
    case 'unreachable':
      return `hub: ${hub.url} did not answer (${hub.error})`;
    case 'shared':
      return `hub: not asked, the cache is kept fresh by ${hub.holder}`;
    case 'recording':
      return `source: recording ${hub.file}, judged as of its last event`;
  }
}

function unknown(input: CheckInput, summary: string, perfdata: PerfDatum[], dataAgeMs: number | null): CheckResult {
  return {
    state: 'UNKNOWN',
    exitCode: EXIT_CODE.UNKNOWN,
    summary,
    perfdata,
    details: [hubLine(input.hub), `cache: ${input.cachePath}`],
    firing: [],
    pending: [],
    incidents: [],
    dataAgeMs,
  };
}

export function evaluateCheck(input: CheckInput): CheckResult {
  const { stream, totals, now } = input;
  const dataAgeMs = stream.newestEventTs === null ? null : Math.max(0, now - stream.newestEventTs);
  const lag = input.hub.kind === 'behind' ? input.hub.lagEvents : 0;
  const incidentCounts = countIncidents(input.incidents);
  const sigPct = input.signatures.verified > 0 ? (100 * input.signatures.failed) / input.signatures.verified : 0;
  const perfdata: PerfDatum[] = [
    { label: 'servers_down', value: totals.serversDown, crit: 0, min: 0, max: totals.servers },
    { label: 'servers_degraded', value: totals.serversDegraded, min: 0, max: totals.servers },
    {
      label: 'sig_fail_pct',
      value: sigPct,
      uom: '%',
      warn: input.thresholds.sigWarnPct,
      crit: input.thresholds.sigCritPct,
      min: 0,
      max: 100,
    },
    { label: 'overdue', value: totals.overdueReplies, warn: input.thresholds.overdueWarn, min: 0 },
    { label: 'due_24h', value: totals.dueWithin24h, min: 0 },
    { label: 'delivery_failures', value: totals.deliveryFailures, min: 0 },
    { label: 'alerts_critical', value: input.snapshot.counts.firing.critical, min: 0 },
    { label: 'alerts_warning', value: input.snapshot.counts.firing.warning, min: 0 },
    { label: 'alerts_pending', value: input.snapshot.counts.pending, min: 0 },
    { label: 'incidents_acute', value: incidentCounts.acute, min: 0 },
    { label: 'incidents_standing', value: incidentCounts.standing, min: 0 },
    { label: 'lag', value: lag, min: 0 },
    { label: 'age', value: dataAgeMs === null ? 0 : dataAgeMs / 1000, uom: 's', crit: input.maxAgeMs / 1000, min: 0 },
    { label: 'rejections', value: stream.rejections, uom: 'c', min: 0 },
  ];

  if (stream.events === 0 && input.agencies === 0) {
    const why =
      input.hub.kind === 'unreachable'
        ? `hub ${input.hub.url} did not answer (${input.hub.error})`
        : 'nothing received yet';
    return unknown(input, `no data in cache ${input.cachePath}: ${why}`, perfdata, dataAgeMs);
  }
  const refreshed = input.hub.kind === 'live' || input.hub.kind === 'recording';
  if (!refreshed && (dataAgeMs === null || dataAgeMs > input.maxAgeMs)) {
    const age = dataAgeMs === null ? 'holds no events' : `is ${spanWords(dataAgeMs)} old`;
    const cause =
      input.hub.kind === 'unreachable'
        ? `hub ${input.hub.url} unreachable (${input.hub.error})`
        : input.hub.kind === 'behind'
          ? `cache ${lag} events behind hub ${input.hub.url} after the timeout`
          : input.hub.kind === 'shared'
            ? `the console writing this cache (${input.hub.holder}) is not keeping it fresh`
            : 'no hub to refresh from';
    return unknown(input, `${cause} and cache ${age} (max ${spanWords(input.maxAgeMs)})`, perfdata, dataAgeMs);
  }

  const top = input.snapshot.alerts;
  const firing = top.filter((a) => a.phase === 'firing');
  const pending = top.filter((a) => a.phase === 'pending');
  const state: CheckState = firing.some((a) => a.severity === 'critical')
    ? 'CRITICAL'
    : firing.length > 0
      ? 'WARNING'
      : 'OK';

  let summary: string;
  if (firing.length === 0) {
    summary = `${input.agencies} agencies, ${totals.servers - totals.serversDown} of ${totals.servers} security servers connected, no alerts firing`;
    if (pending.length > 0) summary += ` (${pending.length} pending)`;
  } else {
    summary = firingSummary(firing);
  }
  if (input.hub.kind === 'unreachable') summary += `; hub unreachable, cache ${spanWords(dataAgeMs ?? 0)} old`;
  if (input.hub.kind === 'behind') summary += `; cache ${lag} events behind the hub`;

  // One line per incident, acute first: a standing problem of 241 agencies is one line.
  const incidents = input.incidents.filter((i) => i.phase !== 'resolved');
  const line = (i: Incident): string => {
    const tag = i.phase === 'pending' ? 'PENDING' : i.severity.toUpperCase();
    const ack = i.ack ? ` [acknowledged by ${i.ack.by}]` : '';
    return `${tag} ${i.kind}: ${input.describeIncident(i)}${ack}`;
  };
  const details = [
    ...incidents.filter((i) => i.phase === 'firing').map(line),
    ...incidents.filter((i) => i.phase === 'pending').map(line),
    hubLine(input.hub),
    `cache: ${input.cachePath}, ${stream.events} events, newest ${stream.newestEventTs === null ? 'none' : new Date(stream.newestEventTs).toISOString()}`,
  ];
  return { state, exitCode: EXIT_CODE[state], summary, perfdata, details, firing, pending, incidents, dataAgeMs };
}
