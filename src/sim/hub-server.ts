/** The simulated hub: a real telemetry server at `/v1/telemetry`, fed by the generator or a recording. */
import { buildRegistry, DEFAULT_SEED } from '../registry/index.js';
import { VERSION } from '../version.js';
import { bufferHost } from './client-session.js';
import { SimGenerator } from './generator.js';
import { eventText } from './iso-time.js';
import type { Incident } from './incidents.js';
import { RecordingWriter } from './recording.js';
import { snapshotPartData } from './registry-snapshot.js';
import { ReplayBuffer } from './replay-buffer.js';
import { startTelemetryServer, type TelemetryServer, type TelemetryServerOptions } from './telemetry-server.js';
import { loadReplay } from './replay-source.js';
import { worldFromRegistry } from './world.js';

export interface SimHubOptions extends TelemetryServerOptions {
  readonly seed?: number;
  /** Simulated seconds per real second. */
  readonly speed?: number;
  /** Agencies in the registry (95 top-level units, more generates lower levels). */
  readonly agencies?: number;
  /** Top-level ids whose units down to the commune are in the registry first (the demo's). */
  readonly communesIn?: readonly string[];
  /** Simulated time the hub starts at (default: now). */
  readonly start?: number | Date;
  /** Simulated history generated before `start`, ms. */
  readonly history?: number;
  /** Durable events the replay buffer holds. */
  readonly bufferSize?: number;
  /** Real ms of silence after which a client gets a heartbeat. */
  readonly heartbeatMs?: number;
  /** Most messages per frame. */
  readonly batchMax?: number;
  readonly epoch?: string;
  /** Serve this recording instead of generating. */
  readonly replayFile?: string;
  /** Pace the recording by its timestamps at `speed` (default: serve it all at once). */
  readonly replayPaced?: boolean;
  /** Write the stream to this NDJSON file. */
  readonly recordFile?: string;
  /** `realtime`: `speed` times the wall clock; `manual`: moved only by `advance` and `emitEvents` (tests). */
  readonly clock?: 'realtime' | 'manual';
  /** Multiplies every agency's traffic (load tests). */
  readonly volumeScale?: number;
}

export type SimHub = Awaited<ReturnType<typeof startSimHub>>;

export async function startSimHub(options: SimHubOptions = {}) {
  const seed = options.seed ?? DEFAULT_SEED;
  const start = options.start === undefined ? Date.now() : +options.start;
  const buffer = new ReplayBuffer(options.bufferSize ?? 500_000);
  const replay = options.replayFile ? await loadReplay(options.replayFile) : undefined;
  const recorder = options.recordFile ? new RecordingWriter(options.recordFile) : undefined;
  const registry = replay
    ? undefined
    : buildRegistry({ totalAgencies: options.agencies ?? 95, seed, communesIn: options.communesIn });
  const { agencies, securityServers } = replay ?? registry!;
  const generator =
    registry &&
    new SimGenerator({
      world: worldFromRegistry(registry),
      seed,
      start,
      historyMs: options.history ?? 3_600_000,
      volumeScale: options.volumeScale,
    });
  const recorded = replay?.events ?? [];
  let replayed = 0;
  const realtime = (options.clock ?? 'realtime') === 'realtime';
  const clockStart = replay ? ((options.replayPaced ? recorded[0]?.t : recorded.at(-1)?.t) ?? start) : start;
  const wallStart = performance.now();
  /** How far simulated time was moved forward by hand. */
  let moved = 0;
  /** Current simulated time, epoch ms. */
  const simNow = (): number =>
    moved + (realtime ? Math.floor(clockStart + (performance.now() - wallStart) * (options.speed ?? 1)) : clockStart);
  const advance = (ms: number): void => {
    if (!(ms >= 0)) throw new RangeError(`clock can only move forward, got ${ms} ms`);
    moved += ms;
  };
  const hubId = replay?.hubId ?? `sim-${seed}`;
  const hubName = replay?.hubName ?? 'Trục liên thông văn bản quốc gia (mô phỏng)';
  let epoch = options.epoch ?? replay?.epoch ?? `sim-${seed}-${new Date(start).toISOString().replace(/[-:.]/g, '')}`;
  let restarts = 0;
  const snapshotData = snapshotPartData(agencies, securityServers);
  const host = bufferHost({
    buffer,
    batchMax: Math.max(1, options.batchMax ?? 500),
    heartbeatMs: options.heartbeatMs ?? 5_000,
    now: simNow,
    hub: () => ({ hubId, hubName, hubVersion: `hubmon-sim ${VERSION}`, epoch }),
    snapshot: () => snapshotData,
  });
  const { flags } = host;

  const append = (seq: number, text: string): void => {
    buffer.append(seq, text);
    recorder?.write(text);
  };
  const appendEvent = (t: number, type: string, data: unknown): void =>
    append(buffer.newestSeq + 1, eventText(buffer.newestSeq + 1, t, type, data));
  // Events produced before the server listens wait in the buffer for the first client.
  let server: TelemetryServer | undefined;
  const pumpAll = (): void => server?.pumpAll();
  /** Brings the buffer up to the clock; returns how many events were added. */
  const produce = (): number => {
    if (flags.silenced) return 0;
    const now = simNow();
    let n = 0;
    if (generator) n = generator.drainUntil(now, (ev) => appendEvent(ev.t, ev.type, ev.data));
    else for (let ev = recorded[replayed]; ev && ev.t <= now; ev = recorded[++replayed], n++) append(ev.seq, ev.text);
    if (n) pumpAll();
    return n;
  };

  if (recorder) for (const text of host.opening()) recorder.write(text);
  produce();

  const served = (server = await startTelemetryServer(host, options));
  const sessions = served.sessions;

  const ticker = realtime ? setInterval(produce, 100).unref() : undefined;

  return {
    url: served.url,
    port: served.port,
    get epoch(): string {
      return epoch;
    },
    /** The incident script planned so far (empty when replaying). */
    get incidents(): readonly Incident[] {
      return generator?.effects.incidents ?? [];
    },
    get newestSeq(): number {
      return buffer.newestSeq;
    },
    get oldestSeq(): number {
      return buffer.oldestSeq;
    },
    get clientCount(): number {
      return sessions.size;
    },
    now: simNow,
    async close(): Promise<void> {
      clearInterval(ticker);
      await served.close();
      await recorder?.close();
    },
    /** Moves simulated time forward and streams what happened. */
    advance(ms: number): number {
      advance(ms);
      return produce();
    },
    /** Generates exactly `n` more durable events (manual clock moves to the last one). */
    emitEvents(n: number): number {
      if (!generator) throw new Error('emitEvents needs the generator, not a replay');
      for (let i = 0; i < n; i++) {
        const ev = generator.next();
        appendEvent(ev.t, ev.type, ev.data);
      }
      advance(Math.max(0, generator.now - simNow()));
      pumpAll();
      return n;
    },
    /** Appends a durable event of any type (unknown types too) with the next seq. */
    injectEvent(type: string, data: unknown): number {
      appendEvent(simNow(), type, data);
      pumpAll();
      return buffer.newestSeq;
    },
    /** Sends a raw frame to every client, bypassing the protocol. */
    injectRaw(frame: string | Buffer, opts?: { binary?: boolean }): void {
      sessions.forEach((s) => s.sendText(frame, opts?.binary ?? false));
    },
    pauseSending(): void {
      flags.sendingPaused = true;
    },
    /** Undoes pauseSending and silence. */
    resume(): void {
      flags.sendingPaused = false;
      flags.silenced = false;
      produce();
      pumpAll();
    },
    /** Stops sending anything, heartbeats included, without closing: a half-open link. */
    silence(): void {
      flags.silenced = true;
    },
    dropClients: served.dropClients,
    /** Restarts like a real hub: clients dropped, buffer emptied, seq from 1, new epoch. */
    restart(opts?: { epoch?: string }): string {
      served.dropClients();
      sessions.clear();
      buffer.clear(0);
      restarts++;
      epoch = opts?.epoch ?? `${epoch.replace(/-r\d+$/, '')}-r${restarts}`;
      return epoch;
    },
  };
}
