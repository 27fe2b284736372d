import { describe, expect, it } from 'vitest';
import type { AgencyModel } from '../../src/ui/view/agency-model.js';
import type { AgencyFigures } from '../../src/ui/view/agency-figures.js';
import { CONCERNS, worstAgencies, type WorstModel } from '../../src/ui/view/overview-model.js';
import { levelRank, signatureRank, type Level } from '../../src/ui/status/judge.js';

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LEVELS: Level[] = ['ok', 'warn', 'critical'];

function randomModel(r: () => number, i: number): AgencyModel {
  const pick = (n: number) => Math.floor(r() * n);
  const sent = pick(4) === 0 ? 0 : pick(50);
  const weekAgo = pick(3) === 0 ? null : pick(60);
  const verified = pick(30);
  const own: AgencyFigures = {
    sent,
    received: pick(3) === 0 ? 0 : pick(50),
    sentPerMin: 0,
    receivedPerMin: 0,
    weekAgo,
    spark: [],
    sigVerified: verified,
    sigFailed: verified === 0 ? 0 : pick(verified + 1),
    // Few distinct values, so ties are common and the order by id is tested.
    overdue: pick(4),
    dueWithin24h: 0,
    oldestOverdueAt: null,
    serverDown: 0,
  };
  const serverState = (['connected', 'degraded', 'disconnected', 'unknown'] as const)[pick(4)]!;
  return {
    id: `A${String(pick(1000)).padStart(4, '0')}.${i}`,
    name: `agency ${i}`,
    fullName: `agency ${i}`,
    level: (1 + pick(4)) as AgencyModel['level'],
    parent: null,
    connection: 'direct',
    serverId: `S${pick(20)}`,
    serverState,
    serverSince: serverState === 'disconnected' ? pick(3) * 60_000 : null,
    childCount: pick(3) === 0 ? pick(5) : 0,
    own,
    total: own,
    sigRate: null,
    drop: null,
    status: {
      server: LEVELS[pick(3)]!,
      signature: LEVELS[pick(3)]!,
      overdue: LEVELS[pick(3)]!,
      drop: LEVELS[pick(3)]!,
      overall: LEVELS[pick(3)]!,
    },
    incidents: [],
  };
}

/** A place's badness, worked out again from the agency it names (two of the concerns). */
function badnessOf(w: WorstModel): number {
  const own = w.agency.own;
  if (w.concern === 'overdue') return own.overdue;
  if (w.concern === 'signature') return signatureRank(own.sigFailed, own.sigVerified);
  return w.badness;
}

/** The ranking as a sort of every qualifying agency would give it. */
function bySorting(models: readonly AgencyModel[], perConcern: number): WorstModel[] {
  const everyOne = CONCERNS.flatMap((concern) =>
    worstAgencies(models, models.length).filter((w) => w.concern === concern),
  );
  const out: WorstModel[] = [];
  for (const concern of CONCERNS) {
    const bad = everyOne.filter((w) => w.concern === concern);
    bad.sort(
      (a, b) =>
        levelRank(b.level) - levelRank(a.level) || b.badness - a.badness || (a.agency.id < b.agency.id ? -1 : 1),
    );
    out.push(...bad.slice(0, perConcern));
  }
  return out;
}

describe('the Overview ranking', () => {
  it('keeps, per concern, the same worst agencies a full sort would', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const models = Array.from({ length: 300 }, (_, i) => randomModel(r, i));
      for (const perConcern of [1, 5, 17]) {
        const got = worstAgencies(models, perConcern).map((w) => `${w.concern} ${w.agency.id} ${w.level}`);
        const want = bySorting(models, perConcern).map((w) => `${w.concern} ${w.agency.id} ${w.level}`);
        expect(got, `seed ${seed}, ${perConcern} per concern`).toEqual(want);
        // Each place names the agency whose figures earned it.
        for (const w of worstAgencies(models, perConcern)) expect(w.badness).toBe(badnessOf(w));
      }
    }
  });

  it('ranks by level, then badness, then id, and lists nothing for a concern no one suffers', () => {
    const r = rng(7);
    const base = randomModel(r, 0);
    const quiet = { ...base.status, overall: 'ok' as Level };
    const agency = (id: string, overdue: number): AgencyModel => ({
      ...base,
      id,
      childCount: 0,
      serverState: 'connected',
      serverSince: null,
      own: { ...base.own, overdue, sent: 0, received: 0, weekAgo: null, sigVerified: 0, sigFailed: 0 },
      status: { ...quiet, overall: overdue > 0 ? 'warn' : 'ok' },
    });
    const models = [agency('C', 3), agency('B', 9), agency('A', 3), agency('D', 0)];
    const got = worstAgencies(models, 2).map((w) => `${w.concern} ${w.agency.id}`);
    expect(got).toEqual(['overdue B', 'overdue A']);
    expect(worstAgencies(models, 0)).toEqual([]);
  });
});
