/**
 * The list on screen, filtered, sorted, with its cursor and the rows that fit; the key dispatcher and the screens read
 * the same object. Each stage is memoised on its own inputs: a cursor move neither filters nor sorts.
 */
import { useMemo } from 'react';
import { type ConsoleState, listOf } from '../state/state.js';
import type { AgencyModel } from '../view/agency-model.js';
import { filterAgencies } from '../view/agency-filter.js';
import { agenciesSpec } from '../view/agencies-spec.js';
import { filterModels, sortModels } from '../view/list-view.js';
import type { ListData } from '../screens/screen-def.js';
import { settle } from '../view/viewport.js';

/** The list on screen as `useListView` gives it. */
export type ListView = NonNullable<ReturnType<typeof useListView>>;

const EMPTY: readonly unknown[] = [];

export function useListView(list: ListData | null, key: string, state: ConsoleState, height: number) {
  const ls = listOf(state, key);
  const isAgencies = key === 'agencies' && list?.spec === (agenciesSpec as unknown);
  const level = isAgencies ? state.agencyLevel : 0;
  const problem = isAgencies ? state.agencyProblem : 'all';
  const column = ls.sort?.column ?? list?.spec.defaultSort.column ?? '';
  const desc = ls.sort?.desc ?? list?.spec.defaultSort.desc ?? false;
  const sort = useMemo(() => ({ column, desc }), [column, desc]);
  const models = list?.models ?? EMPTY;
  const base = useMemo(
    () => (isAgencies ? filterAgencies(models as AgencyModel[], level, problem) : models),
    [models, isAgencies, level, problem],
  );
  const filtered = useMemo(() => (list ? filterModels(base, list.spec, ls.query) : EMPTY), [list, base, ls.query]);
  const rows = useMemo(() => (list ? sortModels(filtered, list.spec, sort) : EMPTY), [list, filtered, sort]);
  // The same object while nothing in it moves: what is drawn from it is not drawn again.
  return useMemo(() => {
    if (!list) return null;
    // Follow the selected row when refreshes reorder the list; the cursor row is checked first.
    let cursor = ls.cursor;
    if (ls.cursorKey !== null) {
      const here = rows[cursor];
      if (here === undefined || list.spec.key(here) !== ls.cursorKey) {
        const at = rows.findIndex((m) => list.spec.key(m) === ls.cursorKey);
        if (at >= 0) cursor = at;
      }
    }
    return {
      key,
      spec: list.spec,
      rows,
      /** Rows before the text filter, for "3 of 95". */
      total: base.length,
      sort,
      query: ls.query,
      viewport: settle(cursor, ls.offset, rows.length, height),
      /** Rows the table has room for. */
      height,
    };
  }, [list, key, rows, base.length, sort, ls.query, ls.cursor, ls.cursorKey, ls.offset, height]);
}
