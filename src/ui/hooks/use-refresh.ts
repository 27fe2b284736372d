/**
 * Reads the data sources for the route on screen — the "data refresh", kept apart from
 * drawing. The throttle:
 * - the header's figures are read on every tick of the ticker (every 2 s); the list on
 *   screen only on a full tick (the same by default), when the route or window changes, after an
 *   acknowledgement, and at once when the link changes state — never once per event, whatever
 *   the hub's rate. A header tick keeps the list's data and its time, so no row is redrawn;
 * - a key press never triggers one: keys act on the last snapshot, so moving the cursor costs
 *   a redraw only;
 * - a list that has become expensive to read (the national registry rolled up) is read no more
 *   than LOAD_SHARE of the CPU allows: a load of 60 ms CPU waits 6 s for its next full tick, so
 *   a console left open all night stays under 3 % of a core and keys keep the rest;
 * - paused, no tick refreshes.
 * A failing read keeps the previous figures and reports the error on the status line.
 */
import { alertCounts } from '../../alerts/incidents.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NO_STREAM } from '../../metrics/activity.js';
import type { StreamInfo, WindowKey } from '../../metrics/types.js';
import type { ConsoleSources, IngestStatus } from '../data/sources.js';
import { listKey, type Route } from '../state/routes.js';
import { diffRows, emptyDiff, type DiffMemory } from '../view/row-diff.js';
import { loadScreen, OVERVIEW_PER_CONCERN, type ScreenData } from '../view/screen-data.js';
import type { Ticker } from './ticker.js';

export interface Snapshot {
  readonly now: number;
  readonly data: ScreenData;
  /** When `data` was read: rows, their relative times and change marks are drawn at this time. */
  readonly dataAt: number;
  readonly ingest: IngestStatus;
  readonly stream: StreamInfo;
  readonly alertsCritical: number;
  readonly alertsWarning: number;
  /** Changed-row memory of the list on screen. */
  readonly diff: DiffMemory;
  readonly loadError: string | null;
}

/** Loads cheaper than this (ms of CPU) are never spaced out. */
const HEAVY_LOAD_MS = 20;
/** Share of one core the periodic list reads may take (the header's reads are not counted). */
const LOAD_SHARE = 0.01;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function useRefresh(
  sources: ConsoleSources,
  ticker: Ticker,
  route: Route,
  window: WindowKey,
  paused: boolean,
  /** Worst agencies the Overview lists per concern: more on a taller terminal. */
  perConcern: number = OVERVIEW_PER_CONCERN,
): { snapshot: Snapshot; refresh: () => void } {
  const [tick, setTick] = useState(0);
  /** The tick that last asked for the list to be read again. */
  const [fullTick, setFullTick] = useState(0);
  const pausedAt = useRef<number | null>(null);
  const diffs = useRef(new Map<string, DiffMemory>());
  const last = useRef<Snapshot | null>(null);
  const lastConnection = useRef(sources.ingest.get().state);
  const diffedModels = useRef(new Map<string, readonly unknown[]>());

  useEffect(() => {
    pausedAt.current = paused ? (last.current?.now ?? sources.now()) : null;
  }, [paused, sources]);
  // CPU time of the last list read and when it ended; wall time would count, on a loaded
  // machine, the wait for a core as cost.
  const loadCost = useRef({ ms: 0, at: 0 });
  useEffect(
    () =>
      ticker.subscribe((kind) => {
        if (pausedAt.current !== null) return;
        const { ms, at } = loadCost.current;
        if (kind === 'full' && (ms <= HEAVY_LOAD_MS || performance.now() - at >= ms / LOAD_SHARE))
          setFullTick((n) => n + 1);
        setTick((n) => n + 1);
      }),
    [ticker],
  );
  // A change of link state shows at once; everything else waits for the tick.
  useEffect(
    () =>
      sources.ingest.subscribe(() => {
        const c = sources.ingest.get().state;
        if (c !== lastConnection.current) {
          lastConnection.current = c;
          setFullTick((n) => n + 1);
        }
      }),
    [sources],
  );

  const key = listKey(route);
  // The list on screen: read on full ticks, route and window changes, and explicit refreshes.
  const listed = useMemo((): Snapshot => {
    const now = pausedAt.current ?? sources.now();
    const ingest = sources.ingest.get();
    const started = cpuMs();
    try {
      const data = loadScreen(
        route,
        sources.metrics,
        sources.alerts,
        now,
        window,
        sources.replay !== undefined,
        perConcern,
      );
      let diff = emptyDiff;
      if ('list' in data) {
        const { spec, models } = data.list;
        // Unchanged models (nothing new in the cache) keep their marks as they are.
        if (diffedModels.current.get(key) !== models) {
          diff = diffRows(diffs.current.get(key) ?? emptyDiff, spec, models, now);
          diffs.current.set(key, diff);
          diffedModels.current.set(key, models);
        } else {
          diff = diffs.current.get(key) ?? emptyDiff;
        }
      }
      last.current = { ...headerFigures(sources, now, ingest), data, dataAt: now, diff, loadError: null };
      loadCost.current = { ms: cpuMs() - started, at: performance.now() };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const previous = last.current;
      last.current = previous
        ? { ...previous, now, ingest, loadError: message }
        : {
            now,
            data: { kind: 'missing', agencyId: '' },
            dataAt: now,
            ingest,
            stream: NO_STREAM,
            alertsCritical: 0,
            alertsWarning: 0,
            diff: emptyDiff,
            loadError: message,
          };
    }
    return last.current;
    // The route object changes identity on every dispatch; its key is what matters.
  }, [fullTick, key, window, sources, perConcern]);
  // Between full reads only the header's figures move; the list keeps its data and its time.
  const seenListed = useRef<Snapshot | null>(null);
  const snapshot = useMemo((): Snapshot => {
    if (seenListed.current !== listed) {
      seenListed.current = listed;
      return listed;
    }
    const now = pausedAt.current ?? sources.now();
    try {
      return { ...listed, ...headerFigures(sources, now, sources.ingest.get()) };
    } catch {
      return { ...listed, now, ingest: sources.ingest.get() };
    }
  }, [tick, listed, sources]);
  return { snapshot, refresh: () => setFullTick((n) => n + 1) };
}

/** What the header shows: read on every tick, cheap whatever the registry's size. */
function headerFigures(
  sources: ConsoleSources,
  now: number,
  ingest: IngestStatus,
): Pick<Snapshot, 'now' | 'ingest' | 'stream' | 'alertsCritical' | 'alertsWarning'> {
  // The same count as `hubmon status`: incidents firing unacknowledged (docs/ALERTS.md).
  const { critical, warning } = alertCounts(sources.alerts.list(now));
  return { now, ingest, stream: sources.metrics.stream(), alertsCritical: critical, alertsWarning: warning };
}
