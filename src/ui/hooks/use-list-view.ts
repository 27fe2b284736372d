/**
 * The list on screen, ready to draw and to act on: filtered, sorted, with its cursor and the
 * slice of rows that fits. The key dispatcher and the screens read the same object.
 */
import { useMemo } from 'react';
import type { ConsoleState } from '../state/state.js';
import { listOf } from '../state/state.js';
import type { AgencyModel } from '../view/agency-model.js';
import { filterAgencies } from '../view/agency-filter.js';
import { agenciesSpec } from '../view/agencies-spec.js';
import type { ListSpec } from '../view/list-spec.js';
import { filterModels, sortModels, type SortState } from '../view/list-view.js';
import type { ListData } from '../view/screen-data.js';
import { settle, type Viewport } from '../view/viewport.js';

export interface ListView {
  readonly key: string;
  readonly spec: ListSpec<unknown>;
  readonly rows: readonly unknown[];
  /** Rows before the text filter, for "3 of 95". */
  readonly total: number;
  readonly sort: SortState;
  readonly query: string;
  readonly viewport: Viewport;
  /** Rows the table has room for. */
  readonly height: number;
}

export function useListView(list: ListData | null, key: string, state: ConsoleState, height: number): ListView | null {
  const ls = listOf(state, key);
  const isAgencies = key === 'agencies';
  const level = isAgencies ? state.agencyLevel : 0;
  const problem = isAgencies ? state.agencyProblem : 'all';
  const sort = ls.sort ?? list?.spec.defaultSort ?? { column: '', desc: false };
  const { rows, total } = useMemo(() => {
    if (!list) return { rows: [], total: 0 };
    const base =
      list.spec === (agenciesSpec as unknown) && isAgencies
        ? (filterAgencies(list.models as AgencyModel[], level, problem) as unknown[])
        : list.models;
    return { rows: sortModels(filterModels(base, list.spec, ls.query), list.spec, sort), total: base.length };
  }, [list, ls.query, sort.column, sort.desc, level, problem, isAgencies]);
  if (!list) return null;
  // Follow the selected row when refreshes reorder the list.
  let cursor = ls.cursor;
  if (ls.cursorKey !== null) {
    const at = rows.findIndex((m) => list.spec.key(m) === ls.cursorKey);
    if (at >= 0) cursor = at;
  }
  return {
    key,
    spec: list.spec,
    rows,
    total,
    sort,
    query: ls.query,
    viewport: settle(cursor, ls.offset, rows.length, height),
    height,
  };
}
