/**
 * Reads what the screen on display shows, owned by one console (created from its sources): every memo is its own state.
 * On each tick it reads the header's figures; on a full tick the screen's head and — when the screen's refresh policy
 * in the registry says so — its list. A head or list that reads the same as before is handed back as the very objects
 * drawn last time, so only the header is drawn again.
 *
 * A list that has become expensive to read (the national registry rolled up) is read no more than LOAD_SHARE of the CPU
 * allows: a load of 60 ms CPU waits 6 s for its next read, so a console left open all night keeps its cost down and
 * keys keep the rest. A new route, window or registry, and an explicit refresh, always read at once. A failing read
 * keeps the previous figures and reports the error.
 */
import { alertCounts } from '../../alerts/incidents.js';
import { NO_STREAM } from '../../metrics/activity.js';
import type { StreamInfo, WindowKey } from '../../metrics/types.js';
import type { TickKind } from '../hooks/ticker.js';
import { screenOf } from '../screens/registry.js';
import { READING, type Gone, type LoadInput, type Loaded } from '../screens/screen-def.js';
import { listKey, SCREENS, type Route } from '../state/routes.js';
import { incidentMarks, NO_MARKS, sameMarks, type IncidentMarks } from '../view/incident-marks.js';
import { diffRows, emptyDiff, type DiffMemory } from '../view/row-diff.js';
import { keepFields, keepSame, sameData } from '../view/same-data.js';
import type { ConsoleSources, IngestStatus } from './sources.js';
import type { Lang } from '../../config/settings.js';

export interface Snapshot {
  readonly now: number;
  /** The route `data` was read for. */
  readonly route: Route;
  readonly head: unknown;
  readonly data: Loaded | Gone;
  /** Relative times are drawn at the list's last change, moved on every AGE_MS at least: a still tick redraws none. */
  readonly listAt: number;
  readonly ingest: IngestStatus;
  readonly stream: StreamInfo;
  readonly alertsCritical: number;
  readonly alertsWarning: number;
  /** Changed-row memory of the list on screen. */
  readonly diff: DiffMemory;
  readonly loadError: string | null;
}

/**
 * What to show: the route, the window, the Overview's rows per concern, and whether lists of agencies have room for
 * their trend column (sparklines are read only then; unsaid, they are).
 */
export type ScreenRequest = {
  readonly route: Route;
  readonly window: WindowKey;
  readonly perConcern: number;
  readonly trend?: boolean;
  /** Cells a line of whole text has: the describe view and Help wrap their text to it (unsaid, they do not wrap). */
  readonly textWidth?: number;
  /** The reader's language: Help wraps its text in the words shown (default English). */
  readonly lang?: Lang;
};

/** The views that wrap their text to `textWidth`: re-read when the width (or Help's language) changes. */
const WRAPPED: ReadonlySet<Route['kind']> = new Set(['describe', 'help']);

/** A request's identity: the same key reads the same screen. */
export const requestKey = (r: ScreenRequest): string =>
  `${listKey(r.route)}|${r.window}|${r.perConcern}|${r.trend !== false}` +
  (WRAPPED.has(r.route.kind) ? `|${r.textWidth ?? ''}|${r.lang ?? ''}` : '');

/** Loads cheaper than this (ms of CPU) are never spaced out. */
const HEAVY_LOAD_MS = 20;
/** Share of one core the periodic list reads may take (the header's reads are not counted). */
const LOAD_SHARE = 0.01;
/**
 * Last reads kept for the next read of the same screen: every main screen's (coming back to
 * the Agencies screen rebuilds only the agencies whose figures moved since), and a few others'.
 */
const KEPT = 8;
/** Relative times on screen ("12 min") move at least this often while the figures stand still. */
const AGE_MS = 10_000;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type Read = { readonly key: string; readonly triggers: readonly unknown[]; readonly at: number };

export class ScreenLoader {
  private last: Snapshot | null = null;
  private read: Read | null = null;
  private forced = false;
  private marks: IncidentMarks = NO_MARKS;
  private readonly lastRead = new Map<string, number>();
  /** The last read of the screens shown last, most recent last. */
  private readonly loaded = new Map<string, Loaded>();
  private readonly diffs = new Map<string, DiffMemory>();
  /** CPU time of the last list read and when it ended. */
  private cost = { ms: 0, at: 0 };

  constructor(private readonly sources: ConsoleSources) {}

  /** The next full read reads the list whatever the policy (an acknowledgement, a link change). */
  invalidate(): void {
    this.forced = true;
  }

  /**
   * The console's first snapshot: the header and the screen's head, its list `READING`. A national list on a
   * year's cache takes a few hundred ms to read the first time; the first frame shows what is known without it.
   */
  first(request: ScreenRequest, now: number): Snapshot {
    return this.tick('full', request, now, false);
  }

  /** The snapshot for a tick at `now`; a header tick of the screen already shown reads the header's figures only. */
  tick(kind: TickKind, request: ScreenRequest, now: number, readList = true): Snapshot {
    const { sources } = this;
    const ingest = sources.ingest.get();
    const prev = this.last;
    const key = requestKey(request);
    try {
      // The same count as `hubmon status`: incidents firing unacknowledged (docs/ALERTS.md).
      const { critical: alertsCritical, warning: alertsWarning } = alertCounts(sources.alerts.list(now));
      const header = { now, ingest, stream: sources.metrics.stream(), alertsCritical, alertsWarning };
      if (prev && this.read?.key === key && kind === 'header') return this.keep(prev, { ...prev, ...header });
      this.last = this.full(request, key, now, header, readList);
    } catch (err) {
      const loadError = err instanceof Error ? err.message : String(err);
      const first = { route: request.route, head: null, data: { gone: '' }, listAt: now, diff: emptyDiff };
      const header = { now, ingest, stream: NO_STREAM, alertsCritical: 0, alertsWarning: 0 };
      this.last = { ...first, ...header, ...prev, now, ingest, loadError };
    }
    return this.last;
  }

  private full(request: ScreenRequest, key: string, now: number, header: Header, readList: boolean): Snapshot {
    const { route } = request;
    const { metrics, alerts } = this.sources;
    const def = screenOf(route);
    const incidents = alerts.list(now);
    const marks = incidentMarks(incidents);
    if (!sameMarks(marks, this.marks)) this.marks = marks;
    const screen = listKey(route);
    const input: LoadInput = {
      metrics,
      alerts,
      incidents,
      marks: this.marks,
      now,
      window: request.window,
      replay: this.sources.replay !== undefined,
      perConcern: request.perConcern,
      trend: request.trend !== false,
      textWidth: request.textWidth ?? Number.POSITIVE_INFINITY,
      lang: request.lang ?? 'en',
      lastRead: this.lastRead.get(screen) ?? null,
    };
    const prev = this.last && this.read?.key === key ? this.last : null;
    const headRead = def.head ? def.head(route, input) : null;
    const head = prev ? keepFields(prev.head, headRead) : headRead;
    const triggers = [metrics.agencies(), ...(def.refresh.on?.(input, head) ?? [])];
    const read = this.read;
    const throttled = this.cost.ms > HEAVY_LOAD_MS && performance.now() - this.cost.at < this.cost.ms / LOAD_SHARE;
    const due =
      !prev ||
      !read ||
      'gone' in prev.data ||
      prev.data === READING ||
      this.forced ||
      now < read.at ||
      (!throttled && (now - read.at >= def.refresh.everyMs || !sameData(read.triggers, triggers)));
    let data = prev?.data ?? (readList ? { gone: '' } : READING);
    if (due && readList) {
      const started = cpuMs();
      // The screen's last read, in this window or another: what did not move is kept from it.
      const previous = this.loaded.get(screen);
      data = keepLoaded(previous, def.load(route, input, head, previous));
      this.loaded.delete(screen);
      if (!('gone' in data)) this.loaded.set(screen, data);
      for (const old of this.loaded.keys())
        if (this.loaded.size > KEPT && !(SCREENS as readonly string[]).includes(old)) this.loaded.delete(old);
      this.cost = { ms: cpuMs() - started, at: performance.now() };
      this.read = { key, triggers, at: now };
      this.lastRead.set(screen, now);
      this.forced = false;
    }
    let diff = prev?.diff ?? this.diffs.get(screen) ?? emptyDiff;
    if (
      !('gone' in data) &&
      data.list &&
      (!prev || 'gone' in prev.data || prev.data.list?.models !== data.list.models)
    ) {
      diff = diffRows(this.diffs.get(screen) ?? emptyDiff, data.list.spec, data.list.models, now);
      this.diffs.set(screen, diff);
    }
    const at = prev?.listAt;
    const next: Snapshot = {
      ...header,
      route,
      head,
      data,
      listAt: data === prev?.data && at !== undefined && now >= at && now - at < AGE_MS ? at : now,
      diff,
      loadError: null,
    };
    return prev ? this.keep(prev, next) : next;
  }

  /** `next` with the link and stream figures of `prev` where they are the same. */
  private keep(prev: Snapshot, next: Snapshot): Snapshot {
    const ingest = sameData(prev.ingest, next.ingest) ? prev.ingest : next.ingest;
    const stream = sameData(prev.stream, next.stream) ? prev.stream : next.stream;
    return { ...next, ingest, stream };
  }
}

type Header = Pick<Snapshot, 'now' | 'ingest' | 'stream' | 'alertsCritical' | 'alertsWarning'>;

/** `next`, keeping what it shares with `previous`: its unchanged rows, or all of it. */
function keepLoaded(previous: Loaded | undefined, next: Loaded | Gone): Loaded | Gone {
  if (!previous || 'gone' in next) return next;
  let kept = next;
  if (previous.list && next.list && previous.list.spec === next.list.spec) {
    const models = next.list.kept
      ? next.list.models
      : keepSame(previous.list.models, next.list.models, next.list.spec.key);
    // A list with a row unlike the last read's: the read is new whatever else it holds.
    if (models !== previous.list.models) return { ...next, list: { spec: next.list.spec, models } };
    kept = { ...next, list: previous.list };
  }
  return sameData(previous, kept) ? previous : kept;
}
