/**
 * A cache holding a year of national traffic (≥ 30 million events), built through the cache's
 * own writer in large transactions, then every Metrics method timed on it at the year's end.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMetrics, liveMetrics } from '../../src/metrics/index.js';
import type { Metrics } from '../../src/metrics/index.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { openCache } from '../../src/store/index.js';
import { bulkLoad } from './bulk-cache.js';
import { toMessages } from '../support/national-traffic.js';
import { yearStream } from '../support/year-stream.js';
import { timeScreens, type ScreenTimings } from './screen-times.js';

export interface YearCacheOptions {
  /** Where the cache file goes (kept); default a temp folder, removed afterwards. */
  readonly file?: string;
  readonly days?: number;
  readonly documentsPerDay?: number;
  /** Writer batch size (only with `via: 'writer'`). */
  readonly batch?: number;
  readonly seed?: number;
  /** Agencies in the registry (12,000: national scale). */
  readonly agencies?: number;
  /** `bulk` (default): the bulk loader; `writer`: the cache's own writer, batch by batch. */
  readonly via?: 'bulk' | 'writer';
  /** Progress lines (one per simulated month). */
  readonly log?: (line: string) => void;
}

export interface YearCacheBuild {
  readonly path: string;
  readonly events: number;
  readonly buildMs: number;
  readonly eventsPerSec: number;
  /** Main file plus WAL after a checkpoint, bytes. */
  readonly bytesOnDisk: number;
  /** The instant the metrics are read at: the end of the simulated year. */
  readonly end: number;
}

const DAY = 86_400_000;

/**
 * Builds the year's cache: through the bulk loader (default; minutes) or through the cache's
 * own writer in large transactions (over an hour for a full year).
 */
export function buildYearCache(options: YearCacheOptions = {}): YearCacheBuild {
  const batch = options.batch ?? 20_000;
  const file = options.file ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-year-')), 'year.sqlite');
  const year = yearStream(options);
  const t0 = performance.now();
  let events = 0;
  if (options.via !== 'writer') {
    events = bulkLoad(file, year.preamble, year.traffic, year.end, options.log).events;
  } else {
    // A year's retention, so every event of the year stays in the file being measured.
    const cache = openCache({
      path: file,
      cacheSizeMiB: 512,
      now: () => year.end,
      retention: { rawEventsDays: 400, minuteRollupDays: 400, documentsDays: 400 },
    });
    cache.applyBatch(year.preamble);
    let pending: TelemetryMessage[] = [];
    let d = 0;
    for (const day of year.traffic) {
      pending.push(...toMessages(day, events));
      events += day.length;
      while (pending.length >= batch) {
        cache.applyBatch(pending.slice(0, batch));
        pending = pending.slice(batch);
      }
      if (++d % 30 === 0)
        options.log?.(`day ${d}: ${events} events, ${Math.round(events / ((performance.now() - t0) / 1000))} events/s`);
    }
    if (pending.length) cache.applyBatch(pending);
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
    cache.close();
  }
  const buildMs = performance.now() - t0;
  return {
    path: file,
    events,
    buildMs,
    eventsPerSec: events / (buildMs / 1000),
    bytesOnDisk: sizeOnDisk(file),
    end: year.end,
  };
}

function sizeOnDisk(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      n += statSync(f).size;
    } catch {
      // absent
    }
  }
  return n;
}

/**
 * Every Metrics method timed: `coldMs` is its first call on a freshly opened cache (the
 * process's own caches empty; the OS may still hold the file's pages), then the median and
 * worst of `runs` further calls. Wall clock in ms, and the same in ms of this process's CPU
 * time (on a shared, loaded machine the wall clock also measures the neighbours).
 */
export type MetricTimings = Record<
  string,
  {
    readonly coldMs: number;
    readonly coldCpuMs: number;
    readonly medianMs: number;
    readonly maxMs: number;
    readonly cpuMedianMs: number;
  }
>;

function calls(m: Metrics, now: number): Record<string, (x: Metrics) => unknown> {
  const some = m.agencies().find((a) => a.level === 1)!.id;
  const server = m.securityServers()[0]!.id;
  return {
    stream: (x) => x.stream(),
    agencies: (x) => x.agencies(),
    securityServers: (x) => x.securityServers(),
    ...Object.fromEntries(
      (['5m', '1h', '24h'] as const).flatMap((w) => [
        [`totals ${w}`, (x: Metrics) => x.totals(now, w)],
        [`throughput ${w}`, (x: Metrics) => x.throughput(now, w)],
        [`servers ${w}`, (x: Metrics) => x.servers(now, w)],
        [`signatures ${w}`, (x: Metrics) => x.signatures(now, w)],
        [`feedback ${w}`, (x: Metrics) => x.feedback(now, w)],
        [`delivery ${w}`, (x: Metrics) => x.delivery(now, w)],
      ]),
    ),
    'throughput 24h (one agency)': (x) => x.throughput(now, '24h', { agencyIds: [some] }),
    'signatures 15m (alert rule)': (x) => x.signaturesOver!(now, 15 * 60_000),
    serverHistory: (x) => x.serverHistory(server, now - 30 * DAY),
    deadlines: (x) => x.deadlines(now),
    'deadlines (one agency)': (x) => x.deadlines(now, { agencyIds: [some] }),
    overdueDocuments: (x) => x.overdueDocuments(now),
    recentEvents: (x) => x.recentEvents(some),
    rejections: (x) => x.rejections(),
  };
}

function timed(call: () => unknown): [number, number] {
  const c = process.cpuUsage();
  const t = performance.now();
  call();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return [wall, (u.user + u.system) / 1000];
}

/**
 * Times every metric, each in a fresh connection: through the live model as the console that
 * writes reads them, or (`sqlite`) read afresh at every call as status, report and a read-only
 * console do.
 */
export function timeMetrics(file: string, now: number, runs = 7, sqlite = false): MetricTimings {
  const open = () => {
    const cache = openCache({ path: file, readOnly: true });
    return { cache, metrics: sqlite ? createMetrics(cache) : liveMetrics(cache) };
  };
  const probe = open();
  const names = calls(probe.metrics, now);
  probe.cache.close();
  const out: MetricTimings = {};
  for (const name of Object.keys(names)) {
    const fresh = open();
    try {
      const call = calls(fresh.metrics, now)[name]!;
      const [coldMs, coldCpuMs] = timed(() => call(fresh.metrics));
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const [w, c] = timed(() => call(fresh.metrics));
        times.push(w);
        cpu.push(c);
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      out[name] = {
        coldMs,
        coldCpuMs,
        medianMs: times[times.length >> 1]!,
        maxMs: times[times.length - 1]!,
        cpuMedianMs: cpu[cpu.length >> 1]!,
      };
    } finally {
      fresh.cache.close();
    }
  }
  return out;
}

/** What the year bench measured. */
export interface YearCacheBench {
  readonly build: YearCacheBuild;
  /** At the year's end (00:00 UTC, 07:00 in Vietnam: the night is over, the day not begun). */
  readonly metrics: MetricTimings;
  /** At 11:00 in Vietnam on the year's last Thursday: short windows at full working-day traffic. */
  readonly busy: MetricTimings;
  /** At the year's end, read afresh at every call (status, report, a read-only console). */
  readonly fresh: MetricTimings;
  /** Each console screen's load at those two instants, in the default (1 h) and the 24 h window. */
  readonly screens: readonly (ScreenTimings & { readonly at: 'end' | 'busy' })[];
  /** Load averages (1, 5, 15 min) when the timings ended. */
  readonly loadAverage: readonly number[];
}

/**
 * Builds the year (in minutes, through the bulk loader), times the metrics on it, removes the
 * file unless `file` was given. `days` (and `documentsPerDay`) make a quick, smaller run.
 */
export function benchYearCache(options: YearCacheOptions = {}): YearCacheBench {
  const build = buildYearCache(options);
  try {
    const busyAt = lastWeekday(build.end, 4) + 4 * HOUR;
    const metrics = timeMetrics(build.path, build.end);
    const busy = timeMetrics(build.path, busyAt);
    const fresh = timeMetrics(build.path, build.end, 7, true);
    const screens = (['end', 'busy'] as const).flatMap((at) =>
      (['1h', '24h'] as const).map((w) => ({ at, ...timeScreens(build.path, at === 'end' ? build.end : busyAt, w) })),
    );
    return { build, metrics, busy, fresh, screens, loadAverage: os.loadavg() };
  } finally {
    if (!options.file) rmSync(path.dirname(build.path), { recursive: true, force: true });
  }
}

const HOUR = 3_600_000;

/** UTC midnight of the last given weekday (0 = Sunday) before `end`. */
function lastWeekday(end: number, weekday: number): number {
  let d = Math.floor(end / DAY) * DAY - DAY;
  while (new Date(d).getUTCDay() !== weekday) d -= DAY;
  return d;
}
