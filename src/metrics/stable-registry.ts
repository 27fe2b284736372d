/**
 * The registry with a stable identity, so memos keyed on the array keep for 12,000 agencies: the
 * same array comes back while every entry is the same record (a registry read afresh from SQLite
 * builds new ones only when it changed).
 */
import type { Agency } from '../protocol/index.js';
import type { Metrics } from './types.js';

const last = new WeakMap<Pick<Metrics, 'agencies'>, readonly Agency[]>();

export function stableAgencies(metrics: Pick<Metrics, 'agencies'>): readonly Agency[] {
  const fresh = metrics.agencies();
  const known = last.get(metrics);
  if (known === fresh) return known;
  if (known && known.length === fresh.length && known.every((a, i) => a === fresh[i])) return known;
  last.set(metrics, fresh);
  return fresh;
}
