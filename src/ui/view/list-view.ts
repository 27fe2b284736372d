/** Filter and sort a list of records by its spec: the rows a list screen shows, in order. */
import type { ListSpec } from './list-spec.js';
import { matchesQuery, searchKey } from './search.js';

export interface SortState {
  readonly column: string;
  readonly desc: boolean;
}

/**
 * Text sorts on its folded form ("Đồng Nai" as "dong nai"), compared by code unit: the order a
 * Vietnamese reader expects for names, and some ten times faster than a collator on 12,000 rows.
 */
const folded = new Map<string, string>();
function sortKey(text: string): string {
  let k = folded.get(text);
  if (k === undefined) {
    if (folded.size > 100_000) folded.clear();
    k = searchKey(text);
    folded.set(text, k);
  }
  return k;
}

export function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = typeof a === 'string' ? sortKey(a) : String(a);
  const y = typeof b === 'string' ? sortKey(b) : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Stable sort by one column, ties broken by the key so the order never flickers. */
export function sortModels<M>(models: readonly M[], spec: ListSpec<M>, sort: SortState): M[] {
  const keyed = models.map((m) => {
    const raw = spec.sortValue(m, sort.column);
    return { m, v: typeof raw === 'string' ? sortKey(raw) : raw, k: spec.key(m) };
  });
  keyed.sort((x, y) => {
    const c = typeof x.v === 'number' && typeof y.v === 'number' ? x.v - y.v : x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
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
