import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_MIGRATIONS, createAlertEngine, defaultAlertConfigPath, loadAlertConfig } from '../alerts/index.js';
import type { Settings } from '../config/index.js';
import { cacheSink } from '../ingest/cache-sink.js';
import { resolveToken, startIngest } from '../ingest/index.js';
import { createMetrics, liveMetrics } from '../metrics/index.js';
import { DEMO_COMMUNES_IN } from '../registry/index.js';
import { startSimHub, type SimHub } from '../sim/index.js';
import { ScreenLoader, type ConsoleSources, type ReadOnlyCache } from '../ui/index.js';
import { alertsSource, ingestSource } from './console-sources.js';
import { defaultCachePath, openCache, upgradeNotice } from '../store/index.js';
import { setAlertThresholds } from '../ui/status/judge.js';

/** Agencies the built-in simulated hub carries: the 95 top-level units and enough lower levels to drill into. */
export const DEMO_AGENCIES = 1_500;

/**
 * How often the alert rules are judged: every minute, Prometheus' default evaluation interval.
 * A rule's `for` is measured from the first evaluation that sees its condition, so an alert
 * fires at most this much later than its `for` says; a change of link state is judged at once.
 * On a national registry one evaluation costs 100–200 ms of CPU: a quarter of a percent of a core.
 */
export const EVALUATE_EVERY_MS = 60_000;

/**
 * A live console writes what arrived every 2 s, as often as its screens redraw (a catch-up writes full batches at
 * once): each transaction has a fixed cost (~2 ms with the rollups), most of it the pages its commit writes.
 */
export const CONSOLE_BATCH_MS = 2_000;

/**
 * SQLite page cache of the console's connection. The console reads rollups and partial indexes, a few MiB hot; the
 * store's 64 MiB default suits bulk catch-up jobs, and would make most of a long-running console's resident memory.
 */
export const CONSOLE_CACHE_MIB = 16;

/**
 * Largest batch the console writes in one go near the hub's newest (a burst). Keys wait for a write in progress; a
 * thousand events keep that wait under 20 ms, and still write far faster than the hub's live rate.
 */
export const CONSOLE_BATCH_MAX = 1_000;

/**
 * Largest batch while the hub is at least this far ahead (a catch-up). Each transaction has a fixed cost: a catch-up
 * of a million events took 13.5 s of writing in batches of a thousand and 6.5 s in batches of five thousand
 * (docs/PERFORMANCE.md), whose writes keep a key waiting some 35 ms.
 */
export const CONSOLE_CATCH_UP_BATCH = 5_000;

/** Everything a running console holds, and the one way to let it all go. */
export type Session = Awaited<ReturnType<typeof startSession>>;

/**
 * Opens the cache, connects to the hub (or starts the simulated one), and starts the alert
 * evaluation loop. Throws before anything is left running when a setting is unusable.
 */
export async function startSession(options: {
  readonly settings: Settings;
  readonly env: NodeJS.ProcessEnv;
  /** A line for the operator before the console starts (e.g. a cache file being upgraded). */
  readonly notice?: (line: string) => void;
}) {
  const { settings, env } = options;
  const token = resolveToken({ ...(settings.tokenFile !== null && { tokenFile: settings.tokenFile }), env });
  const ca = settings.ca !== null ? readFileSync(settings.ca) : undefined;
  const alertConfig = loadAlertConfig(defaultAlertConfigPath(env));
  // Screens judge signatures and overdue replies by the same thresholds as the alerts.
  setAlertThresholds(alertConfig.config.rules);
  const hub: SimHub | null =
    settings.url === null
      ? await startSimHub({
          port: 0,
          seed: settings.demoSeed,
          agencies: DEMO_AGENCIES,
          communesIn: DEMO_COMMUNES_IN,
          history: 2 * 3_600_000,
        })
      : null;
  const url = hub ? hub.url : settings.url!;
  // A demo hub starts a new history every run; a throw-away cache keeps runs from mixing.
  const demoDir = settings.cache === null && hub ? mkdtempSync(join(tmpdir(), 'hubmon-demo-')) : null;
  const cachePath = settings.cache ?? (demoDir ? join(demoDir, 'demo.sqlite') : defaultCachePath(url, env));
  const cache = openCache({
    path: cachePath,
    extraMigrations: ALERT_MIGRATIONS,
    ifLocked: 'read-only',
    cacheSizeMiB: CONSOLE_CACHE_MIB,
    ...(settings.clockToleranceSeconds !== null && { clockToleranceMs: settings.clockToleranceSeconds * 1000 }),
    onUpgrade: (steps) => options.notice?.(upgradeNotice(cachePath, steps)),
  });
  // The console that writes keeps the live model, told of every write; a read-only one reads afresh.
  const metrics = cache.readOnly ? createMetrics(cache) : liveMetrics(cache);
  const alerts = createAlertEngine({ metrics, db: cache.db, config: alertConfig.config, readOnly: cache.readOnly });
  const notices = alertConfig.error ? [alertConfig.error] : [];
  const readOnly: ReadOnlyCache | null = cache.readOnly ? { path: cache.path, writer: cache.lockedBy } : null;
  const ingest = cache.readOnly
    ? null
    : startIngest({
        url,
        sink: cacheSink(cache),
        batchMaxMessages: CONSOLE_BATCH_MAX,
        catchUpBatchMessages: CONSOLE_CATCH_UP_BATCH,
        batchMaxMs: CONSOLE_BATCH_MS,
        ...(token.token !== undefined && { token: token.token }),
        ...(ca !== undefined && { ca }),
        ...(settings.staleAfterSeconds !== null && { staleAfterMs: settings.staleAfterSeconds * 1000 }),
      });
  let lastPrune = Date.now();
  const evaluate = (): void => {
    try {
      alerts.evaluate(Date.now());
      if (!cache.readOnly && Date.now() - lastPrune > 10 * 60_000) {
        lastPrune = Date.now();
        cache.prune();
      }
    } catch {
      // A failed evaluation keeps the previous alerts; the engine reports rule errors itself.
    }
  };
  const loop = setInterval(evaluate, EVALUATE_EVERY_MS).unref();
  // A link that comes back (caught up) or drops changes what the figures mean: judge at once,
  // without waiting for the next round, and before the screens (subscribed after) read the alerts.
  let linkState = ingest?.status().state;
  const unsubscribe = ingest?.subscribe((status) => {
    if (status.state === linkState) return;
    linkState = status.state;
    evaluate();
  });
  let closed: Promise<void> | null = null;
  const sources: ConsoleSources = {
    metrics,
    ingest: ingestSource(ingest, hub !== null, notices, readOnly),
    alerts: alertsSource(alerts, metrics, options.settings.lang),
    now: Date.now,
  };
  return {
    /** What the console reads: the metrics, the link's status and the alerts, in the operator's language. */
    sources,
    /** Reads the screen on display by each screen's refresh policy; every memo of the console's lives in it. */
    screens: new ScreenLoader(sources),
    /** Null when the cache is read-only (another console writes it). */
    ingest,
    /** Stops ingest, writes what is pending, closes the cache and the demo hub. Safe to call twice. */
    close(): Promise<void> {
      closed ??= (async () => {
        clearInterval(loop);
        unsubscribe?.();
        await ingest?.stop().catch(() => undefined);
        cache.close();
        await hub?.close().catch(() => undefined);
        if (demoDir) rmSync(demoDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
