/**
 * Each console screen's load on a cache, timed as a console's process meets it: a full read of
 * the screen loader (the metrics it needs and the rows it lists), in a process of its own so
 * that no earlier timing has warmed its code or its connection.
 * - startup: the Overview's first load, the console's first frame (its ranking builds every
 *   agency's figures);
 * - first visit: each other screen's first load after it, in the order an operator tabs through;
 * - refresh: the median and worst of the loads after that. Each load is forced past the
 *   screen's refresh policy, and the clock moves 10 s per load: the Agencies models are rebuilt
 *   at each load (as every 10 s, or at each new event), and so is the Overview's ranking. The
 *   clock moves some 15 minutes in all, past the end of the year's data at its end: the last
 *   hour's window holds a little less by then.
 * The screens are read as a console at 80×24 reads them (lists of agencies without their trend
 * column, so without sparklines), and the Agencies screen once more as a console of 200 columns
 * reads it, with them. The alerts list comes from an empty source: its rules are judged on
 * their own timer, not by a screen's load.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { liveMetrics } from '../../src/metrics/index.js';
import type { WindowKey } from '../../src/metrics/types.js';
import { openCache } from '../../src/store/index.js';
import { idleIngest, type AlertsSource } from '../../src/ui/data/sources.js';
import { ScreenLoader } from '../../src/ui/data/screen-loader.js';
import { OVERVIEW_PER_CONCERN } from '../../src/ui/view/agency-loads.js';
import type { Route } from '../../src/ui/state/routes.js';

export interface ScreenTiming {
  readonly firstMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

export interface ScreenTimings {
  readonly window: WindowKey;
  /** Opening the cache and its metrics, ms. */
  readonly openMs: number;
  /** The Overview's first load: the console's first frame. */
  readonly startupMs: number;
  /** The same in ms of this process's CPU time (on a shared machine the wall clock also measures the neighbours). */
  readonly startupCpuMs: number;
  /** Until the Overview's ranking, read right after the first frame, is drawn too. */
  readonly rankedMs: number;
  readonly screens: Readonly<Record<string, ScreenTiming>>;
}

const NO_ALERTS: AlertsSource = { list: () => [], acknowledge: () => false };

/** Times the screens in this process (see the module's comment); `runs` refreshes each. */
export function timeScreensHere(file: string, at: number, window: WindowKey, runs = 7): ScreenTimings {
  let t = performance.now();
  const cache = openCache({ path: file, readOnly: true });
  try {
    // The console that writes reads through its live model (no write comes during the timings).
    const metrics = liveMetrics(cache);
    const openMs = performance.now() - t;
    let now = at;
    const sources = { metrics, ingest: idleIngest(), alerts: NO_ALERTS, now: () => now };
    // A console at 80×24, where lists of agencies have no room for their trend column (no sparklines read); and the
    // Agencies screen of a second console as wide as 200 columns, with it.
    const loader = new ScreenLoader(sources);
    const wide = new ScreenLoader(sources);
    const load = (route: Route, trend = false): number => {
      t = performance.now();
      const on = trend ? wide : loader;
      on.invalidate();
      on.tick('full', { route, window, perConcern: OVERVIEW_PER_CONCERN, trend }, now);
      const ms = performance.now() - t;
      now += 10_000;
      return ms;
    };
    // First of all, the console's first frame (`ScreenLoader.first`: the Overview's head, the registry read for the
    // first time too), then the read of its ranking that follows it at once.
    const cpu = process.cpuUsage();
    t = performance.now();
    loader.first(
      { route: { kind: 'screen', screen: 'overview' }, window, perConcern: OVERVIEW_PER_CONCERN, trend: false },
      now,
    );
    const startupMs = performance.now() - t;
    const { user, system } = process.cpuUsage(cpu);
    const startupCpuMs = (user + system) / 1000;
    const rankedMs = startupMs + load({ kind: 'screen', screen: 'overview' });
    const province = metrics.agencies().find((a) => a.level === 1)!.id;
    const routes: [string, Route, boolean?][] = [
      ['agencies', { kind: 'screen', screen: 'agencies' }],
      ['agencies, 200 columns', { kind: 'screen', screen: 'agencies' }, true],
      ['servers', { kind: 'screen', screen: 'servers' }],
      ['signatures', { kind: 'screen', screen: 'signatures' }],
      ['deadlines', { kind: 'screen', screen: 'deadlines' }],
      ['alerts', { kind: 'screen', screen: 'alerts' }],
      ['province: units under it', { kind: 'detail', agencyId: province, section: 'children' }],
      ['province: overdue replies', { kind: 'detail', agencyId: province, section: 'overdue' }],
      ['province: its events', { kind: 'detail', agencyId: province, section: 'events' }],
      ['overview', { kind: 'screen', screen: 'overview' }],
    ];
    const first = new Map<string, number>();
    for (const [name, route, trend] of routes) if (name !== 'overview') first.set(name, load(route, trend));
    const later = new Map<string, number[]>(routes.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) for (const [name, route, trend] of routes) later.get(name)!.push(load(route, trend));
    const screens: Record<string, ScreenTiming> = {};
    for (const [name] of routes) {
      const times = later.get(name)!.sort((a, b) => a - b);
      screens[name] = {
        // The Overview's first list read is the one after the first frame.
        firstMs: first.get(name) ?? rankedMs - startupMs,
        medianMs: times[times.length >> 1]!,
        maxMs: times[times.length - 1]!,
      };
    }
    return { window, openMs, startupMs, startupCpuMs, rankedMs, screens };
  } finally {
    cache.close();
  }
}

/** Times the screens in a fresh Node process (see `screen-times-child.ts`). */
export function timeScreens(file: string, at: number, window: WindowKey, runs = 7): ScreenTimings {
  const child = fileURLToPath(new URL('./screen-times-child.js', import.meta.url));
  const out = execFileSync(process.execPath, [child, file, String(at), window, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as ScreenTimings;
}
