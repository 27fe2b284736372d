/**
 * Load bench: the console's ingest under a sustained live rate, and catching up a long night.
 * - sustained: the simulated hub (in a child process, so this process's memory is the
 *   console's alone, and on its own core) produces a steady
 *   10,000 events/s for 10 minutes (both parameters) over a real socket on 127.0.0.1 into a real
 *   cache file; this process's memory is sampled every few seconds. Memory must stay flat:
 *   the figures give start, end, peak and the slope after warm-up, and the run must end with
 *   every event the hub produced stored (nothing dropped, nothing left behind).
 * - catch-up: a hub holding a million events, a client starting from an empty cache; time,
 *   events/s and the peak memory while doing it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest, type IngestClient } from '../../src/ingest/index.js';
import { openCache } from '../../src/store/index.js';
import type { LoadHubStopped } from './load-hub.js';
import { endLoadHub, startLoadHub } from './load-hub-process.js';

export interface MemorySample {
  /** Seconds since the run started. */
  readonly at: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly storedSeq: number;
  /** Events the client knew the hub had and the cache did not yet hold. */
  readonly lagEvents: number;
}

export interface MemoryFigures {
  readonly startMiB: number;
  readonly endMiB: number;
  readonly maxMiB: number;
  /** Least-squares slope after warm-up, MiB per minute; flat memory is ~0. */
  readonly slopeMiBPerMinute: number;
}

export interface SustainedLoadOptions {
  /** How long the hub produces, ms (default 10 minutes). */
  readonly durationMs?: number;
  /** Events per second (default 10,000). */
  readonly rate?: number;
  /** Memory sampling period, ms (default 5 s). */
  readonly sampleMs?: number;
  /** Samples before this many ms are left out of the slope: page cache and JIT filling up (default 20 % of the run, at most 60 s). */
  readonly warmupMs?: number;
  readonly seed?: number;
  readonly dir?: string;
  readonly progress?: (what: string) => void;
}

export interface SustainedLoadFigures {
  readonly seconds: number;
  readonly rate: number;
  /** Events the hub held at the end (the cache started empty, so all of them are owed). */
  readonly produced: number;
  /** Events the cache holds at the end; equal to `produced` when nothing was dropped. */
  readonly stored: number;
  readonly achievedEventsPerSecond: number;
  /** Highest lag seen in a sample, events. */
  readonly maxLagEvents: number;
  /** Seconds from the hub stopping until the cache held its last event. */
  readonly drainSeconds: number;
  readonly reconnects: number;
  readonly rejections: number;
  readonly rss: MemoryFigures;
  readonly heapUsed: MemoryFigures;
  /** Ticks on which the hub fell behind its own schedule (a busy machine), caught up next tick. */
  readonly hubLateTicks: number;
  readonly cacheMiB: number;
  readonly samples: readonly MemorySample[];
}

export interface CatchUpMillionFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssMiB: number;
  readonly peakHeapUsedMiB: number;
  readonly cacheMiB: number;
}

const MiB = 1024 * 1024;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const gc = (globalThis as { gc?: () => void }).gc;

function fileMiB(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // absent part
    }
  }
  return round(total / MiB);
}

/** Least-squares slope of y over x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function memoryFigures(
  samples: readonly MemorySample[],
  pick: (s: MemorySample) => number,
  warmupS: number,
): MemoryFigures {
  const settled = samples.filter((s) => s.at >= warmupS);
  const values = samples.map(pick);
  return {
    startMiB: round(values[0] ?? 0),
    endMiB: round(values.at(-1) ?? 0),
    maxMiB: round(Math.max(...values)),
    slopeMiBPerMinute: round(slope(settled.map((s) => ({ x: s.at / 60, y: pick(s) }))), 2),
  };
}

function waitFor(client: IngestClient, seq: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (client.status().storedSeq >= seq) return resolve(true);
    const timer = setTimeout(() => {
      off();
      resolve(false);
    }, timeoutMs);
    const off = client.subscribe((s) => {
      if (s.storedSeq >= seq) {
        clearTimeout(timer);
        off();
        resolve(true);
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sustained live load with memory sampled; see the module comment. */
export async function benchSustainedLoad(options: SustainedLoadOptions = {}): Promise<SustainedLoadFigures> {
  const log = options.progress ?? (() => {});
  const durationMs = options.durationMs ?? 600_000;
  const rate = options.rate ?? 10_000;
  const sampleMs = options.sampleMs ?? 5_000;
  const warmupMs = options.warmupMs ?? Math.min(60_000, durationMs * 0.2);
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-load-'));
  const file = path.join(dir, 'load.sqlite');

  const { child, ready } = await startLoadHub({
    mode: 'steady',
    rate,
    seed: options.seed ?? 2019,
    bufferSize: Math.max(100_000, rate * 60),
  });
  const cache = openCache({ path: file });
  const client = startIngest({ url: ready.url, sink: cacheSink(cache) });
  const samples: MemorySample[] = [];
  const started = performance.now();
  const sample = (): void => {
    gc?.();
    const m = process.memoryUsage();
    const s = client.status();
    samples.push({
      at: round((performance.now() - started) / 1000, 2),
      rssMiB: m.rss / MiB,
      heapUsedMiB: m.heapUsed / MiB,
      storedSeq: s.storedSeq,
      lagEvents: s.lagEvents ?? 0,
    });
  };
  try {
    log(`load: ${rate} events/s for ${Math.round(durationMs / 1000)} s`);
    sample();
    while (performance.now() - started < durationMs) {
      await sleep(Math.min(sampleMs, durationMs - (performance.now() - started)));
      sample();
      const last = samples.at(-1)!;
      log(
        `load: ${Math.round(last.at)} s, rss ${Math.round(last.rssMiB)} MiB, heap ${Math.round(last.heapUsedMiB)} MiB, lag ${last.lagEvents}`,
      );
    }
    const stoppedAt = performance.now();
    const stopped = await new Promise<LoadHubStopped>((resolve) => {
      child.once('message', (m) => resolve(m as LoadHubStopped));
      child.send('stop');
    });
    const drained = await waitFor(client, stopped.newestSeq, 60_000);
    const drainSeconds = (performance.now() - stoppedAt) / 1000;
    sample();
    await client.flush();
    const status = client.status();
    const stored = cache.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    const seconds = (stoppedAt - started) / 1000;
    return {
      seconds: round(seconds),
      rate,
      produced: stopped.newestSeq,
      stored,
      achievedEventsPerSecond: Math.round(stopped.produced / seconds),
      maxLagEvents: Math.max(...samples.map((s) => s.lagEvents)),
      drainSeconds: drained ? round(drainSeconds, 2) : Number.POSITIVE_INFINITY,
      reconnects: status.counts.reconnects,
      rejections: status.counts.rejections,
      rss: memoryFigures(samples, (s) => s.rssMiB, warmupMs / 1000),
      heapUsed: memoryFigures(samples, (s) => s.heapUsedMiB, warmupMs / 1000),
      hubLateTicks: stopped.lateTicks,
      cacheMiB: fileMiB(file),
      samples,
    };
  } finally {
    await client.stop();
    cache.close();
    await endLoadHub(child);
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** A client starting from an empty cache against a hub holding `events` (default 1,000,000). */
export async function benchCatchUpMillion(
  options: { events?: number; seed?: number; dir?: string; progress?: (what: string) => void } = {},
): Promise<CatchUpMillionFigures> {
  const log = options.progress ?? (() => {});
  const events = options.events ?? 1_000_000;
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-catchup-mem-'));
  const file = path.join(dir, 'catch-up.sqlite');
  log(`catch-up: prefilling the simulated hub with ${events} events`);
  const { child, ready } = await startLoadHub({ mode: 'prefill', events, seed: options.seed ?? 2019 });
  const cache = openCache({ path: file });
  let peakRss = 0;
  let peakHeap = 0;
  const probe = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 250);
  try {
    log('catch-up: ingesting');
    const started = performance.now();
    const client = startIngest({ url: ready.url, sink: cacheSink(cache) });
    await waitFor(client, ready.newestSeq, 30 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    const stored = client.status().counts.events;
    await client.stop();
    return {
      events: stored,
      seconds: round(seconds, 2),
      eventsPerSecond: Math.round(stored / seconds),
      peakRssMiB: round(peakRss / MiB),
      peakHeapUsedMiB: round(peakHeap / MiB),
      cacheMiB: fileMiB(file),
    };
  } finally {
    clearInterval(probe);
    cache.close();
    await endLoadHub(child);
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  }
}
