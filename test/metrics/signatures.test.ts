import { afterEach, describe, expect, it } from 'vitest';
import { WITH_DATA } from '../../src/metrics/types.js';
import type { SignatureResult } from '../../src/protocol/index.js';
import { A, docId } from '../support/telemetry.js';
import { byAgency, fixtureCache, MIN } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 17, 3, 0); // 00:03 in Vietnam
const check = (
  at: number,
  agency: string,
  result: SignatureResult,
  n: number,
): [number, 'signature.verified', unknown] => [at, 'signature.verified', { docId: docId(agency, n), agency, result }];

describe('signatures', () => {
  it.each([
    // window, verified, failed, rate, invalid, expired
    { window: '5m' as const, verified: 3, failed: 1, invalid: 1, expired: 0 },
    { window: '1h' as const, verified: 5, failed: 2, invalid: 1, expired: 1 },
    { window: '24h' as const, verified: 6, failed: 3, invalid: 1, expired: 2 },
  ])('counts verified and failed by reason over $window', ({ window, verified, failed, invalid, expired }) => {
    fx = fixtureCache(NOW);
    fx.write(
      check(NOW - 2 * MIN, A.vpcp, 'valid', 1),
      check(NOW - 3 * MIN, A.vpcp, 'valid', 2),
      check(NOW - 4 * MIN, A.vpcp, 'invalid', 3), // 16:59, inside 5 min
      check(NOW - 20 * MIN, A.vpcp, 'expired_certificate', 4),
      check(NOW - 50 * MIN, A.vpcp, 'valid', 5),
      check(NOW - 5 * 60 * MIN, A.vpcp, 'expired_certificate', 6),
      check(NOW - 25 * 60 * MIN, A.vpcp, 'missing', 7), // outside every window
      check(NOW - MIN, A.caoBang, 'valid', 8),
    );
    const rows = byAgency(fx.metrics.signatures(NOW, window));
    expect(rows[A.vpcp]).toEqual({
      agencyId: A.vpcp,
      verified,
      failed,
      failureRate: failed / verified,
      byReason: {
        missing: 0,
        invalid,
        expired_certificate: expired,
        revoked_certificate: 0,
        untrusted_issuer: 0,
        incomplete_info: 0,
      },
    });
    expect(rows[A.caoBang]).toMatchObject({ verified: 1, failed: 0, failureRate: 0 });
    expect(rows[A.quiet]).toMatchObject({ verified: 0, failed: 0, failureRate: null });
  });

  it('lists only the agencies with checks in the window when asked (withData), rows unchanged', () => {
    fx = fixtureCache(NOW);
    fx.write(check(NOW - 2 * MIN, A.vpcp, 'invalid', 1), check(NOW - 3 * 60 * MIN, A.caoBang, 'valid', 2));
    const all = fx.metrics.signatures(NOW, '1h');
    const some = fx.metrics.signatures(NOW, '1h', WITH_DATA);
    expect(some.map((r) => r.agencyId)).toEqual([A.vpcp]);
    expect(some).toEqual(all.filter((r) => r.verified > 0));
    expect(fx.metrics.signatures(NOW, '24h', WITH_DATA).map((r) => r.agencyId)).toEqual([A.caoBang, A.vpcp].sort());
    // Quiet agencies share one frozen record of zeros.
    const quiet = all.filter((r) => r.verified === 0);
    expect(quiet.length).toBeGreaterThan(1);
    expect(quiet[0]!.byReason).toBe(quiet[1]!.byReason);
    expect(Object.isFrozen(quiet[0]!.byReason)).toBe(true);
  });

  it('answers any window a rule asks for', () => {
    fx = fixtureCache(NOW);
    fx.write(check(NOW - 14 * MIN, A.vpcp, 'invalid', 1), check(NOW - 16 * MIN, A.vpcp, 'invalid', 2));
    expect(fx.metrics.signaturesOver(NOW, 15 * MIN, { agencyIds: [A.vpcp] })).toMatchObject([
      { verified: 1, failed: 1 },
    ]);
  });
});
