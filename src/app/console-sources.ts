import { describeAlert, type Alert, type AlertEngine } from '../alerts/index.js';
import type { Lang } from '../config/index.js';
import type { IngestClient, IngestStatus as ClientStatus } from '../ingest/index.js';
import type { Metrics } from '../metrics/types.js';
import type { AlertsSource, AlertView, ConnectionState, IngestStatus, IngestStatusSource } from '../ui/index.js';

const CONNECTION: Record<ClientStatus['state'], ConnectionState> = {
  connecting: 'connecting',
  catching_up: 'catching-up',
  live: 'live',
  stale: 'offline',
  reconnecting: 'offline',
  offline: 'offline',
};

/** The ingest client's status in the console's terms. */
export function ingestSource(
  client: IngestClient | null,
  demo: boolean,
  notices: readonly string[],
): IngestStatusSource {
  const notice = notices.length ? notices.join('; ') : null;
  let since = Date.now();
  let lastState: ClientStatus['state'] | null = null;
  const convert = (s: ClientStatus): IngestStatus => {
    if (s.state !== lastState) {
      lastState = s.state;
      since = Date.now();
    }
    return {
      connection: CONNECTION[s.state],
      demo,
      since,
      lastContactAt: s.newestEventAgeMs !== undefined ? Date.now() - s.newestEventAgeMs : null,
      lagEvents: s.lagEvents ?? 0,
      eventsPerSec: s.eventsPerSecond,
      rejections: s.counts.rejections,
      lastRejection: null,
      lastError: s.lastError?.message ?? notice,
    };
  };
  if (!client) {
    const value: IngestStatus = {
      connection: 'offline',
      demo,
      since,
      lastContactAt: null,
      lagEvents: 0,
      eventsPerSec: 0,
      rejections: 0,
      lastRejection: null,
      lastError: notice,
    };
    return { get: () => value, subscribe: () => () => undefined };
  }
  return {
    get: () => convert(client.status()),
    subscribe: (listener) => client.subscribe(() => listener()),
  };
}

/** The alert engine as the console lists alerts. */
export function alertsSource(engine: AlertEngine, metrics: Metrics, lang: Lang): AlertsSource {
  const names = new Map<string, string>();
  const nameOf = (id: string): string | undefined => {
    if (names.size === 0) {
      for (const a of metrics.agencies()) names.set(a.id, a.name);
      for (const s of metrics.securityServers()) names.set(s.id, s.name);
    }
    return names.get(id);
  };
  const view = (a: Alert, now: number): AlertView => ({
    id: a.key,
    rule: a.rule,
    severity: a.severity,
    state: a.ack ? 'acknowledged' : a.phase === 'pending' ? 'pending' : 'firing',
    agencyId: a.labels.agency ?? null,
    subject:
      (a.labels.agency && nameOf(a.labels.agency)) ??
      (a.labels.server && nameOf(a.labels.server)) ??
      a.labels.server ??
      '',
    summary: describeAlert(a, { lang, now, nameOf }),
    since: a.firingSince ?? a.activeSince,
    acknowledgedAt: a.ack?.at ?? null,
  });
  return {
    list: (now) =>
      engine
        .current()
        .alerts.filter((a) => a.phase !== 'resolved')
        .map((a) => view(a, now)),
    acknowledge: (id, now) => engine.acknowledge(id, undefined, now),
  };
}
