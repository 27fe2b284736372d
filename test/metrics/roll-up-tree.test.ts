import { describe, expect, it } from 'vitest';
import { rollUpTree } from '../../src/metrics/index.js';
import { subtreeOf } from '../../src/metrics/roll-up-tree.js';
import type { FeedbackRow, SignatureRow, ThroughputRow } from '../../src/metrics/index.js';
import { A } from '../support/telemetry.js';
import { AGENCIES } from './fixture.js';

const tp = (
  agencyId: string,
  sent: number,
  received: number,
  spark: number[],
  weekAgo: number | null = null,
): ThroughputRow => ({
  agencyId,
  sent,
  received,
  sentPerMin: sent / 5,
  receivedPerMin: received / 5,
  sentWeekAgo: weekAgo,
  receivedWeekAgo: weekAgo,
  spark,
});

describe('rollUpTree', () => {
  it('sums a commune into its department and province, leaving other branches alone', () => {
    const rows = [
      tp(A.ngheAn, 1, 2, [1, 2]),
      tp(A.ngheAnDept, 10, 0, [5, 5], 3),
      tp(A.ngheAnCommune, 100, 1, [50, 51], 4),
      tp(A.vpcp, 7, 7, [7, 7]),
    ];
    const byId = Object.fromEntries(rollUpTree(rows, AGENCIES).map((r) => [r.agencyId, r]));
    // Per-minute rates add up too (0.2 + 2 + 20 in floating point, hence closeTo).
    const close = (r: ThroughputRow) => ({
      ...r,
      sentPerMin: expect.closeTo(r.sentPerMin, 12),
      receivedPerMin: expect.closeTo(r.receivedPerMin, 12),
    });
    expect(byId[A.ngheAn]).toEqual(close(tp(A.ngheAn, 111, 3, [56, 58], 7)));
    expect(byId[A.ngheAnDept]).toEqual(close(tp(A.ngheAnDept, 110, 1, [55, 56], 7)));
    expect(byId[A.ngheAnCommune]).toEqual(rows[2]);
    expect(byId[A.vpcp]).toEqual(rows[3]);
    expect(rows[0]).toEqual(tp(A.ngheAn, 1, 2, [1, 2]));
  });

  it('recomputes rates and takes medians and the worst wait instead of adding them', () => {
    const sig = (agencyId: string, verified: number, failed: number): SignatureRow => ({
      agencyId,
      verified,
      failed,
      failureRate: verified ? failed / verified : null,
      byReason: {
        missing: failed,
        invalid: 0,
        expired_certificate: 0,
        revoked_certificate: 0,
        untrusted_issuer: 0,
        incomplete_info: 0,
      },
    });
    const [province] = rollUpTree(
      [sig(A.ngheAn, 0, 0), sig(A.ngheAnDept, 10, 1), sig(A.ngheAnCommune, 30, 9)],
      AGENCIES,
    );
    expect(province).toMatchObject({ verified: 40, failed: 10, failureRate: 0.25, byReason: { missing: 10 } });

    const fb = (
      agencyId: string,
      codes: FeedbackRow['codesReported'],
      median: number | null,
      withoutStatus: number,
    ): FeedbackRow => ({
      agencyId,
      codesReported: codes,
      arrivalToAcceptMedianMs: median,
      withoutStatus,
      funnel: { '01': 1, '02': 0, '03': 0, '04': 0, '05': 0, '06': 0, '13': 0, '15': 0, '16': 0 },
    });
    const tree = rollUpTree(
      [fb(A.ngheAn, ['01'], 100, 1), fb(A.ngheAnDept, ['03', '01'], null, 2), fb(A.ngheAnCommune, ['06'], 300, 0)],
      AGENCIES,
    );
    expect(tree.find((r) => r.agencyId === A.ngheAn)).toMatchObject({
      codesReported: ['01', '03', '06'],
      arrivalToAcceptMedianMs: 200,
      withoutStatus: 3,
      funnel: { '01': 3 },
    });
    expect(tree.find((r) => r.agencyId === A.ngheAnDept)).toMatchObject({ arrivalToAcceptMedianMs: 300 });

    const worst = rollUpTree(
      [
        { agencyId: A.ngheAnDept, overdue: 1, oldestOverdueMs: 5 },
        { agencyId: A.ngheAnCommune, overdue: 2, oldestOverdueMs: 9 },
        { agencyId: A.ngheAn, overdue: 0, oldestOverdueMs: null },
      ],
      AGENCIES,
    );
    expect(worst.find((r) => r.agencyId === A.ngheAn)).toEqual({ agencyId: A.ngheAn, overdue: 3, oldestOverdueMs: 9 });
  });

  it('keeps an agency the registry does not know as its own root', () => {
    expect(rollUpTree([tp('999.99.99.Z99', 1, 1, [1])], AGENCIES)).toEqual([tp('999.99.99.Z99', 1, 1, [1])]);
  });
});

describe('subtreeOf', () => {
  const node = (id: string, parent: string | null) => ({ id, parent });
  it('gives an agency and every unit under it, in registry order', () => {
    expect(subtreeOf(AGENCIES, A.ngheAn).map((a) => a.id)).toEqual([A.ngheAn, A.ngheAnDept, A.ngheAnCommune]);
    expect(subtreeOf(AGENCIES, A.ngheAnDept).map((a) => a.id)).toEqual([A.ngheAnDept, A.ngheAnCommune]);
    expect(subtreeOf(AGENCIES, A.quiet).map((a) => a.id)).toEqual([A.quiet]);
    expect(subtreeOf(AGENCIES, 'no-such-agency')).toEqual([]);
  });

  it('stops at a cycle and at a parent the registry does not know', () => {
    const nodes = [node('a', 'c'), node('b', 'a'), node('c', 'b'), node('d', 'a'), node('e', 'x'), node('f', 'e')];
    // The cycle a → c → b → a is cut where the walk from the first node closes it.
    const ofA = subtreeOf(nodes, 'a').map((n) => n.id);
    expect(ofA).toContain('d');
    expect(ofA).not.toContain('e');
    expect(subtreeOf(nodes, 'e').map((n) => n.id)).toEqual(['e', 'f']);
  });
});
