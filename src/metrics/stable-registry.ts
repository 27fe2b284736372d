/**
 * The registry with a stable identity. `Metrics.agencies()` hands out a fresh copy on every
 * call, so memos keyed on the array (indexes by id, the agency tree, the console's models, the
 * alert engine's server map) would rebuild for 12,000 agencies each time. This returns the
 * same array for as long as every entry is the same record in the same order — the cache
 * builds new records whenever the registry changes, so the check is exact and costs one pass
 * over references.
 */
import type { Agency } from '../protocol/index.js';
import type { Metrics } from './types.js';

const last = new WeakMap<Pick<Metrics, 'agencies'>, readonly Agency[]>();

export function stableAgencies(metrics: Pick<Metrics, 'agencies'>): readonly Agency[] {
  const fresh = metrics.agencies();
  const known = last.get(metrics);
  if (known && sameEntries(known, fresh)) return known;
  last.set(metrics, fresh);
  return fresh;
}

function sameEntries(a: readonly Agency[], b: readonly Agency[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
