/** What the registry of screens (`registry.tsx`) says of each: how it loads, how often it reloads, how it is drawn. */
import type { Lang } from '../../config/settings.js';
import type { ReactNode } from 'react';
import type { Metrics, WindowKey } from '../../metrics/types.js';
import type { AlertsSource, AlertView } from '../data/sources.js';
import type { ListView } from '../hooks/use-list-view.js';
import type { ConsoleState } from '../state/state.js';
import type { Route } from '../state/routes.js';
import type { Quiet } from '../status/link.js';
import type { IncidentMarks } from '../view/incident-marks.js';
import type { ListSpec } from '../view/list-spec.js';

/**
 * A list of records with the renderer that shows them. `kept`: its build already handed back the last read's rows
 * wherever they were equal (a national list of 12,000), so the loader does not compare them again.
 */
export type ListData = { readonly spec: ListSpec<unknown>; readonly models: readonly unknown[]; readonly kept?: true };

export const listData = <M>(spec: ListSpec<M>, models: readonly M[], kept?: true): ListData =>
  kept ? { spec: spec as never, models, kept } : { spec: spec as never, models };

/** What every screen's load returns: its list (null for none) and what else it draws. */
export interface Loaded {
  readonly list: ListData | null;
  /** Not read yet: the console's first frame draws the screen's head and reads the list right after it. */
  readonly reading?: true;
}

export const READING: Loaded = Object.freeze({ list: null, reading: true });

/** What a screen is about is no more (an agency left the registry, an incident resolved): its id. */
export type Gone = { readonly gone: string };

export interface LoadInput {
  readonly metrics: Metrics;
  readonly alerts: AlertsSource;
  /** The incident list, read once for this refresh. */
  readonly incidents: readonly AlertView[];
  /** The agencies those incidents are about; the same object while they do not change. */
  readonly marks: IncidentMarks;
  readonly now: number;
  readonly window: WindowKey;
  readonly replay: boolean;
  /** Worst agencies the Overview lists per concern. */
  readonly perConcern: number;
  /** Lists of agencies show their trend column at this width: only then are their sparklines read. */
  readonly trend: boolean;
  /** Cells a line of whole text has (the describe view's fields, Help's texts); infinite when unsaid. */
  readonly textWidth: number;
  /** The reader's language (Help wraps the words shown). */
  readonly lang: Lang;
  /** When this screen's list was last read, on screen or not; null the first time. */
  readonly lastRead: number | null;
}

/**
 * When a screen's list is read again on a full tick: when `everyMs` has passed (0: every tick), or at once when `on`
 * gives other values than at the last read. A new route, window, registry or a refresh always reads it.
 */
export type RefreshPolicy<H> = Readonly<{ everyMs: number; on?: (input: LoadInput, head: H) => readonly unknown[] }>;

export interface BodyProps<H, L> {
  readonly head: H;
  readonly data: L;
  /** The list as the operator filtered and sorted it, with its cursor, and its table. */
  readonly view: ListView | null;
  readonly pane: ReactNode;
  /** The line above the list, with `text` as its title. */
  readonly title: (text: string, extra?: string) => ReactNode;
  readonly state: ConsoleState;
  readonly width: number;
  readonly rows: number;
  /** The time relative times are drawn at (`Snapshot.listAt`). */
  readonly listAt: number;
  readonly quiet: Quiet;
  /** What the hub said it cannot tell (`StreamInfo.notReported`). */
  readonly notReported: readonly string[];
}

export interface ScreenDef<R extends Route = Route, H = null, L extends Loaded = Loaded> {
  /** Cheap figures read on every full tick, whatever the policy (the Overview's totals). */
  readonly head?: (route: R, input: LoadInput) => H;
  /** The list and what goes with it, pure over the input; `previous` is the last read's. */
  readonly load: (route: R, input: LoadInput, head: H, previous: L | undefined) => L | Gone;
  readonly refresh: RefreshPolicy<H>;
  readonly tableRows: (body: number, head: H, data: L) => number;
  readonly Body: (props: BodyProps<H, L>) => ReactNode;
}

export const EACH_TICK: RefreshPolicy<unknown> = { everyMs: 0 };
