/** Filter and sort a list of records by its spec: the rows a list screen shows, in order. */
import type { ListSpec } from './list-spec.js';
import { matchesQuery } from './search.js';

export interface SortState {
  readonly column: string;
  readonly desc: boolean;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Stable sort by one column, ties broken by the key so the order never flickers. */
export function sortModels<M>(models: readonly M[], spec: ListSpec<M>, sort: SortState): M[] {
  const keyed = models.map((m) => ({ m, v: spec.sortValue(m, sort.column), k: spec.key(m) }));
  keyed.sort((x, y) => {
    const c = compareValues(x.v, y.v);
    if (c !== 0) return sort.desc ? -c : c;
    return x.k < y.k ? -1 : x.k > y.k ? 1 : 0;
  });
  return keyed.map((x) => x.m);
}

export function filterModels<M>(models: readonly M[], spec: ListSpec<M>, query: string): M[] {
  if (query.trim() === '') return [...models];
  return models.filter((m) => matchesQuery(spec.searchText(m), query));
}

/** The next column to sort by with `s`, starting in its natural direction. */
export function nextSort(spec: ListSpec<unknown>, visibleColumns: readonly string[], current: SortState): SortState {
  const ids = visibleColumns.length > 0 ? visibleColumns : spec.columns.map((c) => c.id);
  const at = ids.indexOf(current.column);
  const column = ids[(at + 1) % ids.length] ?? current.column;
  const desc = spec.columns.find((c) => c.id === column)?.descFirst ?? false;
  return { column, desc };
}
