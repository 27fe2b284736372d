/**
 * The simulated hub's generator writing straight into a real cache file, minute by minute on
 * its own clock, with the alert engine judging it after every minute as the console does.
 * What a day of the national hub and its scripted incidents looks like to the alerts, without
 * a socket or the wall clock in the way.
 */
import { join } from 'node:path';
import { ALERT_MIGRATIONS, createAlertEngine, type AlertConfig, type AlertEngine } from '../../src/alerts/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import type { Metrics } from '../../src/metrics/types.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { buildRegistry, type Registry } from '../../src/registry/index.js';
import { SimGenerator, worldFromRegistry, type SimEvent } from '../../src/sim/index.js';
import { snapshotPartData } from '../../src/sim/registry-snapshot.js';
import { openCache, type Cache } from '../../src/store/index.js';

const MIN = 60_000;

export interface SimCacheOptions {
  readonly dir: string;
  readonly agencies: number;
  readonly seed: number;
  /** The simulated start: the first incident cycle is placed around it. */
  readonly start: number;
  /** Traffic generated before `start`. */
  readonly historyMs: number;
  readonly config?: AlertConfig;
}

export interface SimCache {
  readonly registry: Registry;
  readonly generator: SimGenerator;
  readonly cache: Cache;
  readonly metrics: Metrics;
  readonly engine: AlertEngine;
  readonly path: string;
  /** The simulated time the cache holds events up to. */
  now(): number;
  /** Stores the events up to `until`, a minute at a time, evaluating the alerts after each one. */
  runUntil(until: number, afterMinute?: (now: number) => void): void;
  close(): void;
}

export function startSimCache(o: SimCacheOptions): SimCache {
  const registry = buildRegistry({ totalAgencies: o.agencies, seed: o.seed });
  const generator = new SimGenerator({
    world: worldFromRegistry(registry),
    seed: o.seed,
    start: o.start,
    historyMs: o.historyMs,
  });
  const path = join(o.dir, 'hub.sqlite');
  let now = o.start - o.historyMs;
  const cache = openCache({ path, now: () => now, extraMigrations: ALERT_MIGRATIONS });
  let seq = 0;
  const envelope = (ts: number, type: string, data: unknown): TelemetryMessage =>
    ({ v: 1, seq, ts: new Date(ts).toISOString(), type, data }) as unknown as TelemetryMessage;
  cache.applyBatch([
    envelope(now, 'hello', {
      hubId: `sim-${o.seed}`,
      hubName: 'Trục liên thông văn bản quốc gia (mô phỏng)',
      hubVersion: 'hubmon-sim',
      epoch: `sim-${o.seed}`,
      serverTime: new Date(now).toISOString(),
      newestSeq: 0,
      oldestSeq: 1,
      heartbeatMs: 5_000,
    }),
    ...snapshotPartData(registry.agencies, registry.securityServers).map((d) =>
      envelope(now, 'registry.snapshot', JSON.parse(d)),
    ),
  ]);
  const metrics = createMetrics(cache);
  const engine = createAlertEngine({ metrics, db: cache.db, config: o.config, user: 'truc-dem', now: () => now });

  const store = (until: number): void => {
    const batch: TelemetryMessage[] = [];
    generator.drainUntil(until, (ev: SimEvent) => {
      seq++;
      batch.push(envelope(ev.t, ev.type, ev.data));
    });
    now = until;
    for (let i = 0; i < batch.length; i += 20_000) cache.applyBatch(batch.slice(i, i + 20_000));
  };

  return {
    registry,
    generator,
    cache,
    metrics,
    engine,
    path,
    now: () => now,
    runUntil(until, afterMinute) {
      while (now < until) {
        store(Math.min(until, now + MIN));
        engine.evaluate(now);
        afterMinute?.(now);
      }
    },
    close: () => cache.close(),
  };
}
