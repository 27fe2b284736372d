import { afterEach, describe, expect, it } from 'vitest';
import { minuteWindow } from '../../src/metrics/window.js';
import type { WindowKey } from '../../src/metrics/types.js';
import { A } from '../support/telemetry.js';
import { byAgency, fixtureCache, HOUR, MIN, sentEvent, sigEvent as sig } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 20, 30, 30);
const sent = (at: number, sender: string) => sentEvent(at, sender, A.caoBang);

/** Thirty hours of traffic from three agencies, every seven minutes, with signature checks. */
function thirtyHours(): void {
  const agencies = [A.ngheAn, A.vpcp, A.ngheAnDept];
  const results = ['valid', 'invalid', 'valid', 'expired_certificate'];
  const events = [];
  for (let i = 0; i < (30 * 60) / 7; i++) {
    const at = NOW - i * 7 * MIN;
    events.push(sent(at, agencies[i % 3]!));
    if (i % 2 === 0) events.push(sig(at + 1000, agencies[(i + 1) % 3]!, results[i % 4]!));
  }
  fx!.write(...events);
}

/**
 * What the minute rows hold for an agency over a window: the ground truth a scoped read must
 * give, whether it came from minutes, folded hours or both.
 */
function fromMinuteRows(agency: string, at: number, window: WindowKey) {
  const w = minuteWindow(at, window);
  const row = fx!.cache.db
    .prepare(
      `SELECT coalesce(sum(sent), 0), coalesce(sum(received), 0), coalesce(sum(sig_valid), 0),
              coalesce(sum(sig_invalid + sig_expired_certificate), 0)
       FROM rollup_minute WHERE agency = (SELECT id FROM agencies WHERE code = ?) AND minute BETWEEN ? AND ?`,
    )
    .raw()
    .get(agency, w.startMin, w.endMin) as number[];
  return { sent: row[0], received: row[1], verified: row[2]! + row[3]!, failed: row[3] };
}

/**
 * A scoped read (a province's units on its detail, one agency for an alert) walks the rows the
 * process keeps for the whole country and keeps the scope's. It must give each agency of the
 * scope exactly its own figures, and no agency outside it, however the window is made up.
 */
describe('scoped sums', () => {
  // Two agencies of three with traffic, one named twice, one the cache has never heard of.
  const scope = { agencyIds: [A.ngheAn, A.vpcp, A.ngheAn, '000.00.99.Z99'] };

  const check = (at: number) => {
    for (const window of ['5m', '1h', '24h'] as const) {
      const traffic = fx!.metrics.throughput(at, window, scope);
      const bare = fx!.metrics.throughput(at, window, scope, 0);
      const signatures = fx!.metrics.signatures(at, window, scope);
      expect(traffic.map((r) => r.agencyId)).toEqual(['000.00.99.Z99', A.vpcp, A.ngheAn].sort());
      for (const agency of [A.ngheAn, A.vpcp]) {
        const truth = fromMinuteRows(agency, at, window);
        const t = byAgency(traffic)[agency]!;
        const s = byAgency(signatures)[agency]!;
        expect({ window, agency, sent: t.sent, received: t.received }).toEqual({
          window,
          agency,
          sent: truth.sent,
          received: truth.received,
        });
        // The sparkline spreads the same traffic over its buckets.
        expect(t.spark.reduce((a, b) => a + b, 0)).toBeCloseTo(truth.sent! + truth.received!, 9);
        expect(byAgency(bare)[agency]).toEqual({ ...t, spark: [] });
        expect({ verified: s.verified, failed: s.failed }).toEqual({ verified: truth.verified, failed: truth.failed });
      }
      expect(byAgency(traffic)['000.00.99.Z99']).toMatchObject({ sent: 0, received: 0 });
    }
  };

  it('gives the scope its own figures from folded hours and the minutes at the edges', () => {
    fx = fixtureCache(NOW);
    thirtyHours();
    expect(fx.cache.db.prepare('SELECT count(*) FROM hour_packs').pluck().get()).toBeGreaterThan(20);
    // Read nationally first, so the kept rows hold every agency's, not the scope's alone.
    fx.metrics.throughput(NOW, '24h');
    fx.metrics.signatures(NOW, '24h');
    for (const shift of [0, 7, 45, 90]) check(NOW - shift * MIN);
  });

  it('gives the scope its own figures before any hour is folded (a day of minutes)', () => {
    fx = fixtureCache(NOW);
    thirtyHours();
    // A cache whose writer has folded nothing yet: a day's window is read minute by minute,
    // its start from SQLite (for the scope alone), its last hours from the minute cache.
    fx.cache.db.prepare("DELETE FROM meta WHERE key = 'hours_compacted_until'").run();
    check(NOW);
    check(NOW - 2 * HOUR);
  });
});
