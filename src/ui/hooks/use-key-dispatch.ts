/**
 * The console's single input handler: keys come one at a time from `useKeyQueue`, a key becomes an action through the
 * bindings table of the view on screen, and the action becomes reducer actions here. No other component reads keys.
 */
import { useApp } from 'ink';
import type { AlertView, ConsoleSources, ReplaySource } from '../data/sources.js';
import { useUi } from '../context.js';
import { resolveKey, type KeyContext, type KeyAction } from '../keys/bindings.js';
import type { KeyPress } from '../keys/key-presses.js';
import { type Route, SCREENS, listKey } from '../state/routes.js';
import { currentRoute, listOf, type ConsoleAction, type ConsoleState, type Flash } from '../state/state.js';
import { nextSort } from '../view/list-view.js';
import { move, type Viewport } from '../view/viewport.js';
import type { ListView } from './use-list-view.js';
import type { LaidOutColumn } from '../view/columns.js';
import { describeSelected } from '../view/describe-model.js';
import { parseReplayTime } from '../view/replay-time.js';
import { useKeyQueue } from './use-key-queue.js';
import { openTarget } from '../view/open-target.js';

export function keyContext(route: Route, editingFilter: boolean): KeyContext {
  if (editingFilter) return 'filter';
  if (route.kind === 'detail') return 'detail';
  return route.kind === 'screen' && (route.screen === 'agencies' || route.screen === 'alerts') ? route.screen : 'list';
}

/** Keys that are one reducer action whatever the list on screen; `at` is the time of the key. */
const PLAIN: Partial<Record<KeyAction, (at: number) => ConsoleAction>> = {
  ...Object.fromEntries(SCREENS.map((screen, i) => [`screen${i + 1}`, () => ({ type: 'showScreen', screen })])),
  help: () => ({ type: 'toggleHelp' }),
  back: () => ({ type: 'back' }),
  nextScreen: () => ({ type: 'stepScreen', step: 1 }),
  prevScreen: () => ({ type: 'stepScreen', step: -1 }),
  pause: (at) => ({ type: 'togglePause', at }),
  window: (at) => ({ type: 'cycleWindow', at }),
  level: () => ({ type: 'cycleLevel' }),
  problem: () => ({ type: 'cycleProblem' }),
  nextSection: () => ({ type: 'stepSection', step: 1 }),
  prevSection: () => ({ type: 'stepSection', step: -1 }),
};

/** Cursor moves in rows, given the table's height; Infinity goes to an end. */
const MOVES: Partial<Record<KeyAction, (height: number) => number>> = {
  up: () => -1,
  down: () => 1,
  pageUp: (height) => -height,
  pageDown: (height) => height,
  top: () => -Infinity,
  bottom: () => Infinity,
};

/** The replay's time controls, each a call on its controls. */
const REPLAY_STEPS: Partial<Record<KeyAction, (replay: ReplaySource) => void>> = {
  replayPause: (r) => r.togglePause(),
  replayStep: (r) => r.step(),
  replayFaster: (r) => r.faster(),
  replaySlower: (r) => r.slower(),
  replayForward: (r) => r.forward(),
  replayBack: (r) => r.back(),
  replayStart: (r) => r.toStart(),
  replayEnd: (r) => r.toEnd(),
};

interface DispatchDeps {
  readonly state: ConsoleState;
  readonly dispatch: (a: ConsoleAction) => void;
  readonly view: ListView | null;
  readonly columns: readonly LaidOutColumn[];
  readonly sources: ConsoleSources;
  readonly refresh: () => void;
  /** The screen drawn is the one the state is on (its rows read): keys wait for it. */
  readonly settled: boolean;
}

/** Keys act on what this render drew: the key queue calls the handler of the latest render. */
export function useKeyDispatch({ state, dispatch, view, columns, sources, refresh, settled }: DispatchDeps): void {
  const { exit } = useApp();
  const { t, lang } = useUi();
  const route = currentRoute(state);
  const run = (action: KeyAction): void => {
    const at = sources.now();
    /** The cursor at `viewport`, on `model`'s row wherever refreshes move it. */
    const place = (v: ListView, viewport: Viewport, model: unknown): void =>
      dispatch({
        type: 'setViewport',
        list: v.key,
        ...viewport,
        cursorKey: model === undefined ? null : v.spec.key(model),
      });
    const moveBy = (delta: number): void => {
      if (!view) return;
      const next = move(view.viewport, delta, view.rows.length, view.height);
      place(view, next, view.rows[next.cursor]);
    };
    const selected = view ? view.rows[view.viewport.cursor] : undefined;
    const describe = (): void => {
      if (!view || selected === undefined) return;
      const d = describeSelected(view.spec, selected, { lang, t, now: at }, sources.metrics);
      if (d) dispatch({ type: 'open', route: { kind: 'describe', ...d } });
    };
    const flash = (f: Omit<Flash, 'at'>): void => dispatch({ type: 'flash', flash: { ...f, at } });
    const replay = sources.replay;
    const plain = PLAIN[action];
    if (plain) return dispatch(plain(at));
    const rows = MOVES[action];
    if (rows) return moveBy(rows(view?.height ?? 1));
    const replayStep = REPLAY_STEPS[action];
    if (replayStep) {
      if (!replay) return;
      replayStep(replay);
      // The clock moved or its speed changed: show it now, not at the next tick.
      return refresh();
    }
    switch (action) {
      case 'quit':
        return exit();
      case 'open': {
        const target = openTarget(route, selected, view?.spec ?? null, sources.metrics);
        if (target) dispatch({ type: 'open', route: target });
        // A document has no page of its own: Enter describes it.
        else if (view && selected !== undefined && view.spec.documentId?.(selected)) describe();
        return;
      }
      case 'mark':
        if (!selected || !sources.alerts.toggleMark) return;
        sources.alerts.toggleMark((selected as AlertView).id);
        moveBy(1);
        return refresh();
      case 'describe':
        return describe();
      case 'filter':
        return view ? dispatch({ type: 'startFilter' }) : undefined;
      case 'sort': {
        if (!view) return;
        const ids = columns.map((c) => c.spec.id);
        const sort = nextSort(view.spec, ids, view.sort);
        dispatch({ type: 'setSort', list: view.key, sort });
        const col = columns.find((c) => c.spec.id === sort.column)?.title ?? sort.column;
        const dir = t(sort.desc ? 'dir.desc' : 'dir.asc');
        return flash({ key: 'flash.sort', params: { col, dir }, kind: 'info' });
      }
      case 'sortReverse':
        if (view) dispatch({ type: 'setSort', list: view.key, sort: { ...view.sort, desc: !view.sort.desc } });
        return;
      case 'ack': {
        // The marked incidents, or the one under the cursor.
        const rows = (view?.rows ?? []) as readonly AlertView[];
        const marked = rows.filter((r) => r.marked);
        const chosen = marked.length > 0 ? marked : selected ? [selected as AlertView] : [];
        if (chosen.length === 0) return flash({ key: 'flash.ackNothing', kind: 'info' });
        const open = chosen.filter((a) => a.state !== 'acknowledged');
        let saved = 0;
        for (const a of open) if (sources.alerts.acknowledge(a.id, at)) saved++;
        // The cursor goes on to the next incident still open, whatever the sort, so `a` again
        // acknowledges that one; with none left it keeps its place.
        if (saved > 0 && view) {
          const done = new Set(open.map((a) => a.id));
          const cursor = view.viewport.cursor;
          const after = [...rows.slice(cursor + 1), ...rows.slice(0, cursor + 1)];
          const next = after.find((r) => !done.has(r.id) && r.state !== 'acknowledged');
          place(view, view.viewport, next);
        }
        flash(
          open.length === 0
            ? { key: 'flash.ackAlready', kind: 'info' }
            : saved < open.length
              ? { key: 'flash.ackNotSaved', kind: 'error' }
              : open.length === 1
                ? { key: 'flash.acknowledged', params: { text: open[0]!.summary }, kind: 'info' }
                : { key: 'flash.acknowledgedMany', params: { n: open.length }, kind: 'info' },
        );
        return refresh();
      }
      case 'filterAccept': {
        if (state.timeEntry === null) return dispatch({ type: 'endFilter', keep: true });
        const target = parseReplayTime(state.timeEntry, replay?.status().now ?? at);
        dispatch({ type: 'timeEntry', text: null });
        if (target === null || !replay)
          return flash({ key: 'flash.timeBad', params: { text: state.timeEntry }, kind: 'error' });
        replay.jumpTo(target);
        return refresh();
      }
      case 'filterCancel':
        return dispatch(
          state.timeEntry !== null ? { type: 'timeEntry', text: null } : { type: 'endFilter', keep: false },
        );
      case 'filterErase':
        if (state.timeEntry !== null)
          return dispatch({ type: 'timeEntry', text: [...state.timeEntry].slice(0, -1).join('') });
        return dispatch({ type: 'filterText', text: [...listOf(state, listKey(route)).query].slice(0, -1).join('') });
      case 'replayGoto':
        return replay ? dispatch({ type: 'timeEntry', text: '' }) : undefined;
    }
  };

  useKeyQueue((waiting: readonly KeyPress[]): number => {
    const first = waiting[0];
    if (!first) return 0;
    const replay = sources.replay !== undefined;
    const context = keyContext(route, state.editingFilter || state.timeEntry !== null);
    const action = resolveKey(context, first.name, replay);
    if (action) {
      run(action);
      return 1;
    }
    if (context !== 'filter' || first.text === null) return 1;
    // Text typed or pasted in one go changes the filter once.
    const stop = waiting.findIndex((k) => k.text === null || resolveKey(context, k.name, replay) !== null);
    const used = stop < 0 ? waiting.length : stop;
    const typed = waiting.slice(0, used).reduce((s, k) => s + (k.text ?? ''), '');
    if (state.timeEntry !== null) dispatch({ type: 'timeEntry', text: (state.timeEntry + typed).slice(0, 20) });
    else
      dispatch({
        type: 'filterText',
        text: (listOf(state, listKey(route)).query + typed).normalize('NFC').slice(0, 80),
      });
    return used;
  }, settled);
}
