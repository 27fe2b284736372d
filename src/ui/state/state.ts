/** The console's one state owner: a reducer over typed actions. Everything a key changes lives here, no figures. */
import { WINDOWS, type WindowKey } from '../../metrics/types.js';
import type { MessageKey, Params } from '../i18n/translate.js';
import { cycle, LEVEL_FILTERS, PROBLEM_FILTERS, type LevelFilter, type ProblemFilter } from '../view/agency-filter.js';
import type { SortState } from '../view/list-view.js';
import { DETAIL_SECTIONS, listKey, SCREENS, type Route, type ScreenId } from './routes.js';

/** Cursor, scroll, sort and filter of one list; `cursorKey`, the row under the cursor, keeps it selected as rows move. */
const emptyList = { cursor: 0, offset: 0, cursorKey: null as string | null, sort: null as SortState | null, query: '' };
type ListState = Readonly<typeof emptyList>;

export type Flash = Readonly<{ key: MessageKey; params?: Params; kind: 'info' | 'error'; at: number }>;

export type ConsoleAction =
  | { type: 'showScreen'; screen: ScreenId }
  | { type: 'stepScreen'; step: 1 | -1 }
  /** A drill-down (an agency's detail, an incident's or server's agencies, a row described), built by the caller. */
  | { type: 'open'; route: Route }
  | { type: 'timeEntry'; text: string | null }
  | { type: 'back' }
  | { type: 'toggleHelp' }
  | { type: 'setViewport'; list: string; cursor: number; offset: number; cursorKey: string | null }
  | { type: 'startFilter' }
  | { type: 'filterText'; text: string }
  | { type: 'endFilter'; keep: boolean }
  | { type: 'setSort'; list: string; sort: SortState }
  | { type: 'togglePause'; at: number }
  | { type: 'cycleWindow'; at: number }
  | { type: 'cycleLevel' }
  | { type: 'cycleProblem' }
  | { type: 'stepSection'; step: 1 | -1 }
  | { type: 'flash'; flash: Flash };

export const initialState = (screen: ScreenId = 'overview', window: WindowKey = '1h') => ({
  /** Never empty; the last route is on screen, Esc goes back one. */
  stack: [{ kind: 'screen', screen }] as readonly Route[],
  /** Screens left by 1–6 or Tab, most recent last: Esc on a screen goes back to them. */
  visited: [] as readonly ScreenId[],
  lists: {} as Readonly<Record<string, ListState>>,
  editingFilter: false,
  /** A replay time being typed after `:`. */
  timeEntry: null as string | null,
  paused: false,
  window,
  agencyLevel: 1 as LevelFilter,
  agencyProblem: 'all' as ProblemFilter,
  flash: null as Flash | null,
});
export type ConsoleState = Readonly<ReturnType<typeof initialState>>;

export const currentRoute = (s: ConsoleState): Route => s.stack[s.stack.length - 1]!;
export const listOf = (s: ConsoleState, key: string): ListState => s.lists[key] ?? emptyList;

const patchList = (s: ConsoleState, key: string, patch: Partial<ListState>): ConsoleState => ({
  ...s,
  lists: { ...s.lists, [key]: { ...listOf(s, key), ...patch } },
});
const push = (s: ConsoleState, route: Route): ConsoleState => ({
  ...s,
  stack: [...s.stack, route],
  editingFilter: false,
});
const TOP = { cursor: 0, offset: 0, cursorKey: null } as const;
const info = (key: MessageKey, at: number): Flash => ({ key, kind: 'info', at });

/** The screen under any detail/help pages: where Tab and 1–6 start from. */
export const baseScreen = (s: ConsoleState): ScreenId =>
  s.stack[0]?.kind === 'screen' ? s.stack[0].screen : 'overview';

/** Screens Esc can go back through. */
const VISITED_KEPT = 20;

/** A top-level screen, the one left remembered for Esc (unless it is the same screen). */
function goTo(s: ConsoleState, screen: ScreenId): ConsoleState {
  const from = baseScreen(s);
  const visited = from === screen ? s.visited : [...s.visited, from].slice(-VISITED_KEPT);
  return { ...s, stack: [{ kind: 'screen', screen }], visited, editingFilter: false };
}

export function reduce(s: ConsoleState, a: ConsoleAction): ConsoleState {
  switch (a.type) {
    case 'showScreen':
      return goTo(s, a.screen);
    case 'stepScreen':
      return goTo(s, cycle(SCREENS, baseScreen(s), a.step));
    case 'open':
      // What is already on screen (Enter on the agency's own row) is not stacked again: one Esc leaves it.
      return listKey(a.route) === listKey(currentRoute(s)) ? s : push(s, a.route);
    case 'timeEntry':
      return { ...s, timeEntry: a.text };
    case 'back': {
      const key = listKey(currentRoute(s));
      if (listOf(s, key).query !== '') return patchList(s, key, { query: '', cursor: 0, offset: 0 });
      if (s.stack.length > 1) return { ...s, stack: s.stack.slice(0, -1) };
      const previous = s.visited[s.visited.length - 1];
      if (previous === undefined) return s;
      return { ...s, stack: [{ kind: 'screen', screen: previous }], visited: s.visited.slice(0, -1) };
    }
    case 'toggleHelp':
      if (currentRoute(s).kind === 'help') return { ...s, stack: s.stack.slice(0, -1) };
      return push(s, { kind: 'help' });
    case 'setViewport':
      return patchList(s, a.list, { cursor: a.cursor, offset: a.offset, cursorKey: a.cursorKey });
    case 'startFilter':
      return { ...s, editingFilter: true };
    case 'filterText':
      return patchList(s, listKey(currentRoute(s)), { ...TOP, query: a.text });
    case 'endFilter': {
      const ended = { ...s, editingFilter: false };
      return a.keep ? ended : patchList(ended, listKey(currentRoute(s)), { query: '', cursor: 0, offset: 0 });
    }
    case 'setSort':
      return patchList(s, a.list, { sort: a.sort });
    case 'togglePause':
      return { ...s, paused: !s.paused, flash: info(s.paused ? 'flash.resumed' : 'flash.paused', a.at) };
    case 'cycleWindow': {
      const window = cycle(WINDOWS, s.window);
      return { ...s, window, flash: info(`flash.window.${window}`, a.at) };
    }
    case 'cycleLevel':
      return { ...patchList(s, 'agencies', TOP), agencyLevel: cycle(LEVEL_FILTERS, s.agencyLevel) };
    case 'cycleProblem':
      return { ...patchList(s, 'agencies', TOP), agencyProblem: cycle(PROBLEM_FILTERS, s.agencyProblem) };
    case 'stepSection': {
      const route = currentRoute(s);
      if (route.kind !== 'detail') return s;
      const section = cycle(DETAIL_SECTIONS, route.section, a.step);
      return { ...s, stack: [...s.stack.slice(0, -1), { ...route, section }] };
    }
    case 'flash':
      return { ...s, flash: a.flash };
  }
}
