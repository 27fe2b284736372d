/** What exists under one top-level agency down to level 4, drawn in full per seed whatever size is asked for. */
import { intBetween, sample, type Rng } from './rng.js';

/** When a unit joins as the registry grows (1 departments, 2 communes, 3 offices, 4 level 4); above its parent's. */
type GrowthTier = 1 | 2 | 3 | 4;

/** One planned unit, before it is given an identifier. */
export interface PlanUnit {
  readonly name: string;
  readonly tier: GrowthTier;
  /** Position among siblings of the same tier; growth takes every parent's first, then second… */
  rank: number;
  /** Relative size among its siblings, for sharing out the parent's traffic. */
  readonly weight: number;
  /** True for a general department (tổng cục), which runs its own security server. */
  readonly dedicatedServer: boolean;
  readonly children: PlanUnit[];
}

/** Builds plan units with weights drawn from one stream. */
export class PlanBuilder {
  constructor(readonly rng: Rng) {}

  /** A unit whose size is `weight` give or take 40%. */
  unit(name: string, tier: GrowthTier, weight: number, children: PlanUnit[] = [], dedicatedServer = false): PlanUnit {
    ranked(children);
    return { name, tier, rank: 0, weight: weight * (0.6 + 0.8 * this.rng()), dedicatedServer, children };
  }

  /** Between `min` and `max` distinct items of a pool. */
  some<T>(pool: readonly T[], min: number, max: number): T[] {
    return sample(this.rng, pool, intBetween(this.rng, min, max));
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }
}

/** Numbers siblings within each tier so growth spreads evenly across parents. */
export function ranked(children: PlanUnit[]): PlanUnit[] {
  const next = new Map<GrowthTier, number>();
  for (const child of children) {
    const rank = next.get(child.tier) ?? 0;
    child.rank = rank;
    next.set(child.tier, rank + 1);
  }
  return children;
}

/** `Văn phòng`/`Thanh tra` read as part of their owner's name; other units name it after a comma. */
export const ownedName = (unit: string, owner: string): string =>
  unit === 'Văn phòng' || unit === 'Thanh tra' ? `${unit} ${owner}` : `${unit}, ${owner}`;
