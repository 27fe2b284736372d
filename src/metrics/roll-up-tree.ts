import type { Agency } from '../protocol/index.js';

/**
 * How rows of one agency's own numbers are combined into a subtree's: numbers add (per-minute
 * rates too); number arrays (sparklines) add element by element; records of numbers add per
 * key; string arrays (status codes) are united and sorted; `null` is "unknown" and yields to a
 * number. Three kinds of field do not add, and are treated by name:
 * - `failureRate` is recomputed as failed / verified from the summed counts;
 * - `oldest…` fields (how long the worst one has waited) take the largest;
 * - `…MedianMs` fields take the median of the members' medians (a true subtree median would
 *   need every sample; this keeps one slow unit visible without rescanning).
 */
type Row = { readonly agencyId: string } & Record<string, unknown>;

function addValues(key: string, a: unknown, b: unknown): unknown {
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  if (typeof a === 'number' && typeof b === 'number') return key.startsWith('oldest') ? Math.max(a, b) : a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every((x) => typeof x === 'number') && b.every((x) => typeof x === 'number')) {
      const n = Math.max(a.length, b.length);
      return Array.from({ length: n }, (_, i) => ((a[i] as number | undefined) ?? 0) + ((b[i] as number | undefined) ?? 0));
    }
    return [...new Set([...a, ...b].map(String))].sort();
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = addValues(k, out[k], v);
    return out;
  }
  return a;
}

function medianOf(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((x, y) => x - y);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * Sums every agency's row into each of its ancestors, for the four-level drill-down
 * (ministry/province → departments/districts → divisions/wards → communes). Returns one row per
 * agency that has a row or a descendant with one, holding its whole subtree; agencies outside
 * the registry keep their own row. Pure: the inputs are not changed.
 */
export function rollUpTree<T extends Row>(rows: readonly T[], agencies: readonly Agency[]): T[] {
  const parentOf = new Map(agencies.map((a) => [a.id, a.parent]));
  const sums = new Map<string, Record<string, unknown>>();
  const medians = new Map<string, Map<string, number[]>>();
  const medianKeys = new Set<string>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (let id: string | null | undefined = row.agencyId; id && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      const prev = sums.get(id);
      const next: Record<string, unknown> = prev ? { ...prev } : { agencyId: id };
      for (const [key, value] of Object.entries(row)) {
        if (key === 'agencyId') continue;
        if (key.endsWith('MedianMs')) {
          medianKeys.add(key);
          let perKey = medians.get(id);
          if (!perKey) medians.set(id, (perKey = new Map()));
          if (typeof value === 'number') perKey.set(key, [...(perKey.get(key) ?? []), value]);
          continue;
        }
        next[key] = prev ? addValues(key, prev[key], value) : value;
      }
      sums.set(id, next);
    }
  }
  const out: T[] = [];
  for (const [id, sum] of sums) {
    for (const key of medianKeys) sum[key] = medianOf(medians.get(id)?.get(key) ?? []);
    if ('failureRate' in sum && typeof sum.failed === 'number' && typeof sum.verified === 'number') {
      sum.failureRate = sum.verified > 0 ? sum.failed / sum.verified : null;
    }
    out.push(sum as T);
  }
  return out.sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0));
}
