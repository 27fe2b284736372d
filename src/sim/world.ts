/** The registry as the simulator uses it: agencies by index, profiles, servers, weighted pickers. */
import type { Registry } from '../registry/index.js';
import type { Rng } from '../registry/rng.js';

/** Picks an index with probability proportional to its weight (binary search on the sums). */
class WeightedPicker {
  private readonly sums: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    let sum = 0;
    this.sums = Float64Array.from(weights, (w) => (sum += Math.max(0, w)));
    this.total = sum;
  }

  pick(rng: Rng): number {
    const target = rng() * this.total;
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sums[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export type SimWorld = ReturnType<typeof worldFromRegistry>;

export function worldFromRegistry(registry: Registry) {
  const { agencies, securityServers } = registry;
  const serverIndex = new Map(securityServers.map((s, i) => [s.id, i]));
  // The registry gives every agency a profile (lower levels scaled from their parent's).
  const profiles = agencies.map((a) => registry.profiles.get(a.id)!);
  const serverOf = new Int32Array(agencies.length);
  const agenciesBehind: number[][] = securityServers.map(() => []);
  agencies.forEach((a, i) => {
    const s = serverIndex.get(a.securityServer);
    if (s === undefined) throw new Error(`agency ${a.id} uses unknown security server ${a.securityServer}`);
    serverOf[i] = s;
    agenciesBehind[s]?.push(i);
  });
  return {
    agencies,
    securityServers,
    profiles,
    /** Index into `securityServers` of the server agency i sits behind. */
    serverOf,
    agenciesBehind,
    /** Short unit code used in document numbers, e.g. `BTC`, `UBND`. */
    unitCode: agencies.map((a) => unitCodeOf(a.name)),
    senders: new WeightedPicker(profiles.map((p) => p.sentPerYear)),
    recipients: new WeightedPicker(profiles.map((p) => p.receivedPerYear)),
    indexOf: new Map(agencies.map((a, i) => [a.id, i])),
  };
}

const CONNECTORS = new Set(['và', 'của', 'các', 'về', 'tại', 'cho', '-', '–']);

/** The code after a document's number: the name's initials ("Bộ Tài chính" → BTC); provinces sign as UBND. */
function unitCodeOf(name: string): string {
  if (name.startsWith('UBND')) return 'UBND';
  const initials = name
    .split(/\s+/)
    .filter((w) => w.length > 0 && !CONNECTORS.has(w))
    .map((w) => (/^[A-ZĐ]{2,}$/u.test(w) ? w : (w[0] ?? '').toUpperCase()))
    .join('')
    .replace(/[^\p{L}\d]/gu, '');
  return initials.slice(0, 10) || 'VP';
}
