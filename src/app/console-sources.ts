/** The core's ingest client and alert engine as the console's sources read them (`ui/data/sources.ts`). */
import {
  agenciesBehind,
  describeAlert,
  describeIncident,
  groupIncidents,
  incidentState,
  isNewSince,
  unacknowledgedKeys,
  unitPath,
  type Alert,
  type AlertEngine,
  type AlertSnapshot,
  type Incident,
} from '../alerts/index.js';
import type { Lang } from '../config/index.js';
import type { IngestClient } from '../ingest/index.js';
import type { Metrics } from '../metrics/types.js';
import {
  idleIngest,
  ingestStatus,
  type AlertsSource,
  type AlertView,
  type IngestStatusSource,
  type ReadOnlyCache,
} from '../ui/data/sources.js';
import { agencyIndex } from '../ui/view/agency-loads.js';

/** An agency's or a server's name by its id; undefined for an id the registry does not hold. */
type NameOf = (id: string) => string | undefined;

/** The ingest client's status as the console reads it; with no client, read-only (another console writes the cache). */
export function ingestSource(
  client: IngestClient | null,
  demo: boolean,
  notices: readonly string[],
  readOnly: ReadOnlyCache | null = null,
): IngestStatusSource {
  if (!client) {
    const offline = { state: 'offline', demo, lagEvents: null, notices } as const;
    return idleIngest({ ...offline, readOnly: readOnly ?? { path: null, writer: null } });
  }
  return {
    get: () => ingestStatus(client.status(), demo, notices, readOnly),
    subscribe: (listener) => client.subscribe(() => listener()),
  };
}

/** An engine alert as the console lists it: the engine's own `Alert`, its subject and summary put in words. */
export function alertView(a: Alert, now: number, lang: Lang, nameOf: NameOf): AlertView {
  const subject = ({ agency, server }: Alert['labels']): string =>
    (agency && nameOf(agency)) ?? (server && nameOf(server)) ?? agency ?? server ?? '';
  return {
    id: a.key,
    alert: a,
    rule: a.rule,
    severity: a.severity,
    state: a.ack ? 'acknowledged' : a.phase === 'pending' ? 'pending' : 'firing',
    agencyId: a.labels.agency ?? null,
    subject: subject(a.labels),
    summary: describeAlert(a, { lang, now, nameOf }),
    // When the condition began (a server's own `since`, a certificate's expiry where known), not when it fired.
    since: a.activeSince,
    acknowledgedBy: a.ack?.by ?? null,
    acknowledgedAt: a.ack?.at ?? null,
    folded: a.folded.map((f) => ({
      id: f.key,
      agencyId: f.labels.agency ?? null,
      subject: subject(f.labels),
      summary: describeAlert(f, { lang, now, nameOf }),
      severity: f.severity,
    })),
  };
}

/**
 * The alert engine as the console lists it: one row per incident (sự cố), acute before standing. `evaluate` re-runs the
 * rules on each read (a replay, whose clock is not the wall clock); live, the session's loop evaluates them, and the
 * views of one snapshot are put in words once: the header reads them every 2 s. Their wording ("oldest by 5 d") is
 * therefore as of the last evaluation or acknowledgement. Marks (Space) and what the operator has seen are kept here,
 * beside the list they are about.
 */
export function alertsSource(
  engine: AlertEngine,
  metrics: Metrics,
  lang: Lang,
  options: { evaluate?: boolean; nameOf?: NameOf } = {},
): AlertsSource {
  const nameOf = options.nameOf ?? registryNames(metrics);
  const marks = new Set<string>();
  let lookedAt: number | null = null;
  let version = 0;
  const views = (grouped: readonly Incident[], now: number): AlertView[] =>
    grouped
      .filter((i) => i.phase !== 'resolved')
      .map((i) => ({
        ...incidentView(i, now, lang, nameOf),
        fresh: lookedAt !== null && isNewSince(i, lookedAt),
        marked: marks.has(i.id),
      }));
  let described: { snapshot: AlertSnapshot; version: number; views: AlertView[] } | null = null;
  let incidents = new Map<string, Incident>();
  const list = (now: number): AlertView[] => {
    const snapshot = options.evaluate ? engine.evaluate(now) : engine.current();
    if (described?.snapshot !== snapshot || described.version !== version) {
      const grouped = groupIncidents(snapshot.alerts, agenciesBehind(metrics.agencies()));
      incidents = new Map(grouped.map((i) => [i.id, i]));
      described = { snapshot, version, views: views(grouped, now) };
    }
    return described.views;
  };
  return {
    list,
    acknowledge: (id, now) => {
      const incident = incidents.get(id);
      const keys = incident ? unacknowledgedKeys(incident) : [id];
      let done = keys.length > 0;
      // Every alert it stands for: the cause and its symptoms, or every member of a standing line.
      for (const key of keys) done = engine.acknowledge(key, undefined, now) && done;
      marks.delete(id);
      version++;
      return done;
    },
    toggleMark: (id) => {
      if (!marks.delete(id)) marks.add(id);
      version++;
    },
    looked: (now) => {
      lookedAt = now;
      version++;
    },
  };
}

/** One incident as the console lists it. */
export function incidentView(i: Incident, now: number, lang: Lang, nameOf: NameOf): AlertView {
  const base = alertView({ ...i.worst, folded: i.alerts.slice(1) }, now, lang, nameOf);
  return {
    ...base,
    id: i.id,
    severity: i.severity,
    state: incidentState(i),
    agencyId: i.kind === 'acute' ? (i.subject.agency ?? null) : null,
    subject: i.kind === 'standing' ? '' : base.subject,
    summary: describeIncident(i, { lang, now, nameOf }),
    since: i.kind === 'standing' ? i.latest : base.since,
    acknowledgedBy: i.ack?.by ?? null,
    acknowledgedAt: i.ack?.at ?? null,
    kind: i.kind,
    agencies: i.agencies,
    serverId: i.subject.server ?? null,
  };
}

/** Agencies named with the units above them, servers by name, from the registry as it is now. */
function registryNames(metrics: Metrics): NameOf {
  return (id) => {
    const agencies = agencyIndex(metrics);
    return agencies.has(id) ? unitPath(id, agencies) : metrics.securityServers().find((s) => s.id === id)?.name;
  };
}
