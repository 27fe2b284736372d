import { describeAlert, type Alert, type AlertEngine, type AlertSnapshot } from '../alerts/index.js';
import type { Lang } from '../config/index.js';
import type { IngestClient, IngestStatus as ClientStatus } from '../ingest/index.js';
import type { Metrics } from '../metrics/types.js';
import type { AlertsSource, AlertView, IngestStatus, IngestStatusSource, ReadOnlyCache } from '../ui/index.js';

/**
 * The ingest client's status in the console's terms: the client's own link state (one
 * vocabulary), the time the hub last said anything (not the newest event's age: a hub
 * replaying old history is talking), and the standing notices. Without a client the cache is
 * read-only — another console writes it — and the header says so instead of "offline".
 */
export function ingestSource(
  client: IngestClient | null,
  demo: boolean,
  notices: readonly string[],
  readOnly: ReadOnlyCache | null = null,
): IngestStatusSource {
  const convert = (s: ClientStatus): IngestStatus => ({
    state: s.state,
    demo,
    since: s.stateSince,
    lastMessageAt: s.lastMessageAt ?? null,
    lagEvents: s.lagEvents ?? null,
    eventsPerSec: s.eventsPerSecond,
    rejections: s.counts.rejections,
    lastRejection: s.lastRejection ?? null,
    lastError: s.lastError?.message ?? null,
    nextAttemptAt: s.state === 'reconnecting' || s.state === 'offline' ? (s.nextAttemptAt ?? null) : null,
    readOnly,
    notices,
  });
  if (!client) {
    const value: IngestStatus = {
      state: 'offline',
      demo,
      since: null,
      lastMessageAt: null,
      lagEvents: null,
      eventsPerSec: 0,
      rejections: 0,
      lastRejection: null,
      lastError: null,
      nextAttemptAt: null,
      readOnly: readOnly ?? { path: null, writer: null },
      notices,
    };
    return { get: () => value, subscribe: () => () => undefined };
  }
  return {
    get: () => convert(client.status()),
    subscribe: (listener) => client.subscribe(() => listener()),
  };
}

/**
 * One engine alert as the console lists it: the engine's own `Alert` (severity, phase,
 * acknowledgement, folded symptoms) with its subject and summary put in words.
 */
export function alertView(a: Alert, now: number, lang: Lang, nameOf: (id: string) => string | undefined): AlertView {
  return {
    id: a.key,
    alert: a,
    rule: a.rule,
    severity: a.severity,
    state: a.ack ? 'acknowledged' : a.phase === 'pending' ? 'pending' : 'firing',
    agencyId: a.labels.agency ?? null,
    subject:
      (a.labels.agency && nameOf(a.labels.agency)) ??
      (a.labels.server && nameOf(a.labels.server)) ??
      a.labels.agency ??
      a.labels.server ??
      '',
    summary: describeAlert(a, { lang, now, nameOf }),
    since: a.firingSince ?? a.activeSince,
    acknowledgedBy: a.ack?.by ?? null,
    acknowledgedAt: a.ack?.at ?? null,
    folded: a.folded.map((f) => ({
      id: f.key,
      agencyId: f.labels.agency ?? null,
      subject: (f.labels.agency && nameOf(f.labels.agency)) ?? f.labels.agency ?? f.labels.server ?? '',
      summary: describeAlert(f, { lang, now, nameOf }),
      severity: f.severity,
    })),
  };
}

/** Names of agencies and servers by id, built at first use (the registry arrives after start). */
export function registryNames(metrics: Metrics): (id: string) => string | undefined {
  const names = new Map<string, string>();
  return (id) => {
    if (names.size === 0) {
      for (const a of metrics.agencies()) names.set(a.id, a.name);
      for (const s of metrics.securityServers()) names.set(s.id, s.name);
    }
    return names.get(id);
  };
}

/**
 * The alert engine as the console lists alerts. `evaluate` re-runs the rules on each read
 * (a replay, whose clock is not the wall clock); live, the session's loop evaluates them, and
 * the views of one snapshot are put in words once: the header reads them every 2 s, and a
 * national registry can have hundreds of alerts standing. Their wording ("oldest by 5 d") is
 * therefore as of the last evaluation or acknowledgement.
 */
export function alertsSource(
  engine: AlertEngine,
  metrics: Metrics,
  lang: Lang,
  options: { evaluate?: boolean; nameOf?: (id: string) => string | undefined } = {},
): AlertsSource {
  const nameOf = options.nameOf ?? registryNames(metrics);
  const views = (snapshot: AlertSnapshot, now: number): AlertView[] =>
    snapshot.alerts.filter((a) => a.phase !== 'resolved').map((a) => alertView(a, now, lang, nameOf));
  let described: { snapshot: AlertSnapshot; views: AlertView[] } | null = null;
  return {
    list: (now) => {
      if (options.evaluate) return views(engine.evaluate(now), now);
      const snapshot = engine.current();
      if (described?.snapshot !== snapshot) described = { snapshot, views: views(snapshot, now) };
      return described.views;
    },
    acknowledge: (id, now) => engine.acknowledge(id, undefined, now),
  };
}
