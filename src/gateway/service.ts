/** `hubmon gateway`: global configuration → registry, a poller per server → events in its SQLite file → consoles. */
import { unwatchFile, watchFile } from 'node:fs';
import type { Agency, EventType, SecurityServer, ServerState } from '../protocol/index.js';
import { snapshotPartData } from '../sim/registry-snapshot.js';
import { ReplayBuffer } from '../sim/replay-buffer.js';
import { startTelemetryServer, type TelemetryServer, type TelemetryServerOptions } from '../sim/telemetry-server.js';
import { bufferHost } from '../sim/client-session.js';
import { VERSION } from '../version.js';
import type { PendingEvent } from './exchange-events.js';
import { EventStore, type StoredEvent } from './event-store.js';
import { GlobalConfError, readGlobalConf } from './globalconf.js';
import { nextView, type PollResult, type ServerView } from './reachability.js';
import { mapRegistry, type MappedRegistry, type ServerTarget } from './registry-map.js';
import { pollRound, type PollerDeps } from './server-poller.js';
import type { XRoadClient } from './soap-request.js';

/** What X-Road cannot tell: edXML processing statuses, reply deadlines and replies (docs/GATEWAY.md). */
const NOT_REPORTED = ['statuses', 'deadlines'];

/** Certificates change seldom: read hourly. */
const CERTIFICATES_EVERY_MS = 3_600_000;

export interface GatewayOptions extends TelemetryServerOptions {
  readonly globalconf: string;
  readonly client: XRoadClient;
  readonly securityServerUrl: string;
  /** Service codes that carry documents. */
  readonly documents: readonly string[];
  readonly dbFile: string;
  readonly bufferSize?: number;
  readonly heartbeatMs?: number;
  readonly pollIntervalMs?: number;
  readonly timeoutMs?: number;
  readonly disconnectAfterMs?: number;
  /** Seconds before now that X-Road may still be writing: never asked for. */
  readonly recordsOffsetSec?: number;
  /** How far back a server without a cursor is read, ms. */
  readonly backfillMs?: number;
  /** How often global configuration's file is checked for a change (default 5 s). */
  readonly watchIntervalMs?: number;
  /** Most pages one round fetches, so one busy server cannot hold the others' events back. */
  readonly maxPagesPerRound?: number;
  readonly hubName?: string;
  /** Polls only when `pollAll` is called (tests). */
  readonly manualPolling?: boolean;
  /** What an operator should hear of while it runs (the command words it in their language). */
  readonly notes?: Partial<GatewayNotes>;
}

interface GatewayNotes {
  /** Members or subsystems of global configuration that are no agencies. */
  registrySkipped(count: number, examples: readonly string[]): void;
  /** Global configuration changed but could not be read; the registry stays as it was. */
  registryNotRead(error: string): void;
  serverState(id: string, state: ServerState, reason?: string): void;
  /** Records of a server's page set aside instead of published. */
  setAside(id: string, count: number, reason: string): void;
}

interface PublishedRegistry {
  readonly agencies: readonly Agency[];
  readonly securityServers: readonly SecurityServer[];
}

/** The entries of `after` that are new or differ from `before`'s of the same id. */
function upserts<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): T[] {
  const old = new Map(before.map((x) => [x.id, JSON.stringify(x)]));
  return after.filter((x) => old.get(x.id) !== JSON.stringify(x));
}

/** Registry changes since the last published as `server.upsert`, `agency.upsert` and `agency.removed` events. */
function registryChanges(before: PublishedRegistry, after: PublishedRegistry, t: number): PendingEvent[] {
  const ev = (type: EventType, data: object): PendingEvent => ({ t, type, data });
  const newIds = new Set(after.agencies.map((a) => a.id));
  return [
    ...upserts(before.securityServers, after.securityServers).map((server) => ev('server.upsert', { server })),
    ...upserts(before.agencies, after.agencies).map((agency) => ev('agency.upsert', { agency })),
    ...before.agencies.filter((a) => !newIds.has(a.id)).map((a) => ev('agency.removed', { id: a.id })),
  ];
}

export type Gateway = Awaited<ReturnType<typeof startGateway>>;

export async function startGateway(o: GatewayOptions) {
  const notes = o.notes ?? {};
  const store = new EventStore(o.dbFile);
  const bufferSize = o.bufferSize ?? 200_000;
  const buffer = new ReplayBuffer(bufferSize);
  const recent = store.recent(bufferSize);
  if (recent.length === 0 || (recent.at(-1) as StoredEvent).seq < store.newestSeq) buffer.clear(store.newestSeq);
  for (const e of recent) buffer.append(e.seq, e.text);

  const expiries: Record<string, string> = JSON.parse(store.meta('expiries') ?? '{}');
  const views = new Map<string, ServerView>(Object.entries(JSON.parse(store.meta('views') ?? '{}')));
  const lastCertificates = new Map<string, number>();
  let mapped: MappedRegistry;
  let globalFile = '';
  let published: PublishedRegistry = JSON.parse(store.meta('registry') ?? '{"agencies":[],"securityServers":[]}');
  let snapshot: string[] = [];
  let server: TelemetryServer | undefined;

  const publish = (events: readonly StoredEvent[]): void => {
    for (const e of events) buffer.append(e.seq, e.text);
    server?.pumpAll();
  };
  const append = (events: PendingEvent[], meta: Record<string, string>): void => publish(store.append(events, meta));

  /** Publishes the registry as it now is: changes as events, the snapshot for new connections. */
  const refreshRegistry = (): void => {
    const next: PublishedRegistry = {
      agencies: mapped.agencies,
      securityServers: mapped.servers.map(({ id, name }) => ({ id, name, certificateExpiresAt: expiries[id] ?? null })),
    };
    const meta = { registry: JSON.stringify(next), expiries: JSON.stringify(expiries) };
    append(registryChanges(published, next, Date.now()), meta);
    published = next;
    snapshot = snapshotPartData(next.agencies, next.securityServers);
  };
  const reloadRegistry = (): void => {
    try {
      const { file, conf } = readGlobalConf(o.globalconf, o.client.instance);
      globalFile = file;
      mapped = mapRegistry(conf);
      if (mapped.skipped.length) notes.registrySkipped?.(mapped.skipped.length, mapped.skipped.slice(0, 3));
      refreshRegistry();
    } catch (err) {
      if (mapped === undefined)
        throw err instanceof GlobalConfError
          ? err
          : new GlobalConfError('unreadable', o.globalconf, (err as Error).message);
      // A half-written or broken file keeps the registry as it was until the next change.
      notes.registryNotRead?.((err as Error).message);
    }
  };
  reloadRegistry();

  const hub = {
    hubId: `xroad-${o.client.instance}`,
    hubName: o.hubName ?? `X-Road ${o.client.instance}`,
    hubVersion: `hubmon-gateway ${VERSION}`,
    epoch: store.epoch,
    notReported: NOT_REPORTED,
  };
  const host = bufferHost({
    buffer,
    batchMax: 500,
    heartbeatMs: o.heartbeatMs ?? 5_000,
    now: Date.now,
    hub: () => hub,
    snapshot: () => snapshot,
  });
  const served = (server = await startTelemetryServer(host, o));

  const deps: PollerDeps = {
    o,
    startFromSec: Math.floor((Date.now() - (o.backfillMs ?? 3_600_000)) / 1000),
    store,
    agencyOf: (c, m, s) => mapped.agencyOf(c, m, s),
    publish,
    setAside: (id, n, reason) => notes.setAside?.(id, n, reason),
  };

  const record = (target: ServerTarget, poll: PollResult): void => {
    const { view, changed } = nextView(views.get(target.id), poll, {
      disconnectAfterMs: o.disconnectAfterMs ?? 300_000,
      maintenance: target.maintenance,
    });
    views.set(target.id, view);
    const events: PendingEvent[] = [];
    const { state, reason } = view;
    const latency = poll.ok ? { latencyMs: poll.latencyMs } : undefined;
    if (changed) {
      notes.serverState?.(target.id, state, reason);
      const data = { serverId: target.id, state, ...(reason && { reason }), ...latency };
      events.push({ t: poll.at, type: 'server.state', data });
    }
    if (latency) events.push({ t: poll.at, type: 'server.heartbeat', data: { serverId: target.id, ...latency } });
    append(events, { views: JSON.stringify(Object.fromEntries(views)) });
  };

  const inFlight = new Map<string, Promise<void>>();
  const pollOne = (target: ServerTarget): Promise<void> => {
    const running = inFlight.get(target.id);
    if (running) return running;
    const withCertificates = Date.now() - (lastCertificates.get(target.id) ?? -Infinity) >= CERTIFICATES_EVERY_MS;
    const p = pollRound(target, deps, withCertificates)
      .then((r) => {
        if (withCertificates) lastCertificates.set(target.id, Date.now());
        if (r.certificateExpiresAt && expiries[target.id] !== r.certificateExpiresAt) {
          expiries[target.id] = r.certificateExpiresAt;
          refreshRegistry();
        }
        record(target, { ok: true, at: Date.now(), latencyMs: r.latencyMs, ...(r.concern && { concern: r.concern }) });
      })
      .catch((err: unknown) => {
        record(target, { ok: false, at: Date.now(), error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => inFlight.delete(target.id));
    inFlight.set(target.id, p);
    return p;
  };
  const pollAll = async (): Promise<void> => {
    await Promise.all(mapped.servers.map(pollOne));
    store.trim(bufferSize, 14 * 86_400_000);
  };

  if (!o.manualPolling) void pollAll();
  const ticker = o.manualPolling ? undefined : setInterval(() => void pollAll(), o.pollIntervalMs ?? 30_000);
  watchFile(globalFile, { interval: o.watchIntervalMs ?? 5_000 }, reloadRegistry);

  return {
    url: served.url,
    port: served.port,
    epoch: store.epoch,
    get newestSeq(): number {
      return buffer.newestSeq;
    },
    /** Security servers polled and agencies in the registry, as global configuration now has them. */
    get servers(): number {
      return mapped.servers.length;
    },
    get agencies(): number {
      return mapped.agencies.length;
    },
    /** One round of every server, all at once. */
    pollAll,
    counters: (): Record<string, number> => store.counters(),
    views: (): ReadonlyMap<string, ServerView> => views,
    async close(): Promise<void> {
      clearInterval(ticker);
      unwatchFile(globalFile, reloadRegistry);
      await Promise.allSettled([...inFlight.values()]);
      await served.close();
      store.close();
    },
  };
}
