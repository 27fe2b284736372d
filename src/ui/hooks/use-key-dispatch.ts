/**
 * The console's single input handler: keys come one at a time from `useKeyQueue`, a key becomes an action through the
 * bindings table of the view on screen, and the action becomes reducer actions here. No other component reads keys.
 */
import { useApp } from 'ink';
import { useCallback, useRef } from 'react';
import type { ConsoleSources } from '../data/sources.js';
import { useUi } from '../context.js';
import { resolveKey, type KeyContext } from '../keys/resolve.js';
import { type KeyAction } from '../keys/actions.js';
import { type KeyPress } from '../keys/key-presses.js';
import type { Route, ScreenId } from '../state/routes.js';
import { SCREENS, listKey } from '../state/routes.js';
import { currentRoute, type ConsoleAction, type ConsoleState } from '../state/state.js';
import { nextSort } from '../view/list-view.js';
import { move } from '../view/viewport.js';
import type { AlertView } from '../data/sources.js';
import type { ListView } from './use-list-view.js';
import type { LaidOutColumn } from '../view/columns.js';
import { describeSelected } from '../view/describe-model.js';
import { parseReplayTime } from '../view/replay-time.js';
import { useKeyQueue } from './use-key-queue.js';
import { openTarget } from '../view/open-target.js';

export function keyContext(route: Route, editingFilter: boolean): KeyContext {
  if (editingFilter) return 'filter';
  if (route.kind === 'help') return 'help';
  if (route.kind === 'detail') return 'detail';
  if (route.kind === 'folded' || route.kind === 'affected' || route.kind === 'describe') return 'list';
  if (route.screen === 'agencies') return 'agencies';
  if (route.screen === 'alerts') return 'alerts';
  return route.screen === 'overview' ? 'overview' : 'list';
}

interface DispatchDeps {
  readonly state: ConsoleState;
  readonly dispatch: (a: ConsoleAction) => void;
  readonly view: ListView | null;
  readonly columns: readonly LaidOutColumn[];
  readonly sources: ConsoleSources;
  readonly now: number;
  readonly refresh: () => void;
}

export function useKeyDispatch(deps: DispatchDeps): void {
  const { exit } = useApp();
  const { t, lang } = useUi();
  const latest = useRef(deps);
  latest.current = deps;

  const run = useCallback(
    (action: KeyAction): void => {
      const { state, dispatch, view, columns, sources, refresh } = latest.current;
      const at = sources.now();
      const route = currentRoute(state);
      const moveBy = (delta: number): void => {
        if (!view) return;
        const next = move(view.viewport, delta, view.rows.length, view.height);
        const model = view.rows[next.cursor];
        dispatch({
          type: 'setViewport',
          list: view.key,
          cursor: next.cursor,
          offset: next.offset,
          cursorKey: model === undefined ? null : view.spec.key(model),
        });
      };
      const selected = view ? view.rows[view.viewport.cursor] : undefined;
      const describe = (): void => {
        if (!view || selected === undefined) return;
        const ctx = { lang, t, now: at };
        const d = describeSelected(view.spec, selected, ctx, sources.metrics, (c) => t(c.title));
        if (d) dispatch({ type: 'describe', title: d.title, fields: d.fields });
      };
      switch (action) {
        case 'quit':
          exit();
          return;
        case 'help':
          dispatch({ type: 'toggleHelp' });
          return;
        case 'back':
          dispatch({ type: 'back' });
          return;
        case 'nextScreen':
        case 'prevScreen':
          dispatch({ type: 'stepScreen', step: action === 'nextScreen' ? 1 : -1 });
          return;
        case 'pause':
          dispatch({ type: 'togglePause', at });
          return;
        case 'window':
          dispatch({ type: 'cycleWindow', at });
          return;
        case 'up':
          return moveBy(-1);
        case 'down':
          return moveBy(1);
        case 'pageUp':
          return moveBy(-(view?.height ?? 1));
        case 'pageDown':
          return moveBy(view?.height ?? 1);
        case 'top':
          return moveBy(-Infinity);
        case 'bottom':
          return moveBy(Infinity);
        case 'open': {
          const target = openTarget(route, selected, view?.spec ?? null, (id) => {
            // Only asked on an agency's server history: one look-up, not an index.
            return sources.metrics.agencies().find((a) => a.id === id)?.securityServer;
          });
          if (target) dispatch(target);
          // A document has no page of its own: Enter describes it.
          else if (view && selected !== undefined && view.spec.documentId?.(selected)) describe();
          return;
        }
        case 'mark': {
          const incident = selected as AlertView | undefined;
          if (!incident || !sources.alerts.toggleMark) return;
          sources.alerts.toggleMark(incident.id);
          moveBy(1);
          refresh();
          return;
        }
        case 'describe':
          describe();
          return;
        case 'filter':
          if (view) dispatch({ type: 'startFilter' });
          return;
        case 'sort': {
          if (!view) return;
          const sort = nextSort(
            view.spec,
            columns.map((c) => c.spec.id),
            view.sort,
          );
          dispatch({ type: 'setSort', list: view.key, sort });
          const col = columns.find((c) => c.spec.id === sort.column)?.title ?? sort.column;
          dispatch({
            type: 'flash',
            flash: { key: 'flash.sort', params: { col, dir: t(sort.desc ? 'dir.desc' : 'dir.asc') }, kind: 'info', at },
          });
          return;
        }
        case 'sortReverse':
          if (view) dispatch({ type: 'setSort', list: view.key, sort: { ...view.sort, desc: !view.sort.desc } });
          return;
        case 'level':
          dispatch({ type: 'cycleLevel', at });
          return;
        case 'problem':
          dispatch({ type: 'cycleProblem', at });
          return;
        case 'ack': {
          // The marked incidents, or the one under the cursor.
          const rows = (view?.rows ?? []) as readonly AlertView[];
          const marked = rows.filter((r) => r.marked);
          const chosen = marked.length > 0 ? marked : selected ? [selected as AlertView] : [];
          if (chosen.length === 0) {
            dispatch({ type: 'flash', flash: { key: 'flash.ackNothing', kind: 'info', at } });
            return;
          }
          const open = chosen.filter((a) => a.state !== 'acknowledged');
          let saved = 0;
          for (const a of open) if (sources.alerts.acknowledge(a.id, at)) saved++;
          // The cursor goes on to the next incident still open, whatever the sort, so `a` again
          // acknowledges that one; with none left it keeps its place.
          if (saved > 0 && view) {
            const done = new Set(open.map((a) => a.id));
            let next: AlertView | undefined;
            for (let i = 1; i <= rows.length && !next; i++) {
              const r = rows[(view.viewport.cursor + i) % rows.length];
              if (r && !done.has(r.id) && r.state !== 'acknowledged') next = r;
            }
            dispatch({
              type: 'setViewport',
              list: view.key,
              ...view.viewport,
              cursorKey: next ? view.spec.key(next) : null,
            });
          }
          dispatch({
            type: 'flash',
            flash:
              open.length === 0
                ? { key: 'flash.ackAlready', kind: 'info', at }
                : saved < open.length
                  ? { key: 'flash.ackNotSaved', kind: 'error', at }
                  : open.length === 1
                    ? { key: 'flash.acknowledged', params: { text: open[0]!.summary }, kind: 'info', at }
                    : { key: 'flash.acknowledgedMany', params: { n: open.length }, kind: 'info', at },
          });
          refresh();
          return;
        }
        case 'nextSection':
        case 'prevSection':
          dispatch({ type: 'stepSection', step: action === 'nextSection' ? 1 : -1 });
          return;
        case 'filterAccept':
          if (state.timeEntry !== null) {
            const replay = sources.replay;
            const clock = replay?.status().now ?? at;
            const target = parseReplayTime(state.timeEntry, clock);
            dispatch({ type: 'timeEntry', text: null });
            if (target === null || !replay) {
              dispatch({
                type: 'flash',
                flash: { key: 'flash.timeBad', params: { text: state.timeEntry }, kind: 'error', at },
              });
            } else {
              replay.jumpTo(target);
              refresh();
            }
            return;
          }
          dispatch({ type: 'endFilter', keep: true });
          return;
        case 'filterCancel':
          if (state.timeEntry !== null) dispatch({ type: 'timeEntry', text: null });
          else dispatch({ type: 'endFilter', keep: false });
          return;
        case 'replayGoto':
          if (sources.replay) dispatch({ type: 'timeEntry', text: '' });
          return;
        case 'replayPause':
        case 'replayStep':
        case 'replayFaster':
        case 'replaySlower':
        case 'replayForward':
        case 'replayBack':
        case 'replayStart':
        case 'replayEnd': {
          const replay = sources.replay;
          if (!replay) return;
          if (action === 'replayPause') replay.togglePause();
          else if (action === 'replayStep') replay.step();
          else if (action === 'replayFaster') replay.faster();
          else if (action === 'replaySlower') replay.slower();
          else if (action === 'replayForward') replay.forward();
          else if (action === 'replayBack') replay.back();
          else if (action === 'replayStart') replay.toStart();
          else replay.toEnd();
          // The clock moved or its speed changed: show it now, not at the next tick.
          refresh();
          return;
        }
        case 'filterErase': {
          if (state.timeEntry !== null) {
            dispatch({ type: 'timeEntry', text: [...state.timeEntry].slice(0, -1).join('') });
            return;
          }
          const query = state.lists[listKey(route)]?.query ?? '';
          dispatch({ type: 'filterText', text: [...query].slice(0, -1).join('') });
          return;
        }
        default: {
          const n = Number(action.slice('screen'.length));
          const screen: ScreenId | undefined = SCREENS[n - 1];
          if (screen) dispatch({ type: 'showScreen', screen });
        }
      }
    },
    [exit, t, lang],
  );

  const onKeys = useCallback(
    (waiting: readonly KeyPress[]): number => {
      const { state, dispatch, sources } = latest.current;
      const first = waiting[0];
      if (!first) return 0;
      const replay = sources.replay !== undefined;
      const route = currentRoute(state);
      const context = keyContext(route, state.editingFilter || state.timeEntry !== null);
      const action = resolveKey(context, first.name, replay);
      if (action) {
        run(action);
        return 1;
      }
      if (context !== 'filter' || first.text === null) return 1;
      // Text typed or pasted in one go changes the filter once.
      let used = 0;
      let typed = '';
      for (const k of waiting) {
        if (k.text === null || resolveKey(context, k.name, replay) !== null) break;
        typed += k.text;
        used++;
      }
      if (state.timeEntry !== null) {
        dispatch({ type: 'timeEntry', text: (state.timeEntry + typed).slice(0, 20) });
        return used;
      }
      const query = state.lists[listKey(route)]?.query ?? '';
      dispatch({ type: 'filterText', text: (query + typed).normalize('NFC').slice(0, 80) });
      return used;
    },
    [run],
  );
  useKeyQueue(onKeys);
}
