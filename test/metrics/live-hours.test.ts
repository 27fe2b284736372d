import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/index.js';
import { A } from '../support/telemetry.js';
import { byAgency, fixtureCache, HOUR, MIN, sentEvent as sent, sigEvent as sig } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 20, 30);

/**
 * The 24-hour figures read folded hours, which the console's live model keeps: they must
 * follow the rows as they change, whether a new hour is folded, a late event lands in a folded
 * hour (a new row or a row that already exists), or retention removes hours.
 */
describe('folded hours in the live model', () => {
  it('follows late events into folded hours, new rows and existing ones', () => {
    fx = fixtureCache(NOW);
    // Ten hours ago (folded once the stream reaches now), then the present, which folds it.
    fx.write(sig(NOW - 10 * HOUR, A.ngheAn, 'valid'), sent(NOW - 10 * HOUR, A.ngheAn));
    fx.write(sig(NOW - 5 * MIN, A.vpcp, 'valid'), sent(NOW - 5 * MIN, A.vpcp));
    const read = () => {
      const s = byAgency(fx!.metrics.signatures(NOW, '24h'));
      const t = byAgency(fx!.metrics.throughput(NOW, '24h'));
      const totals = fx!.metrics.totals(NOW, '24h');
      return {
        ngheAn: s[A.ngheAn]!.verified,
        caoBang: s[A.caoBang]!.verified,
        sentNA: t[A.ngheAn]!.sent,
        totals: totals.sent,
      };
    };
    expect(read()).toEqual({ ngheAn: 1, caoBang: 0, sentNA: 1, totals: 2 });
    expect(read()).toEqual({ ngheAn: 1, caoBang: 0, sentNA: 1, totals: 2 });

    // Late: the same folded hour, an existing row (Nghệ An) and a new one (Cao Bằng).
    fx.write(sig(NOW - 10 * HOUR + MIN, A.ngheAn, 'expired_certificate'), sent(NOW - 10 * HOUR + MIN, A.ngheAn));
    expect(read()).toEqual({ ngheAn: 2, caoBang: 0, sentNA: 2, totals: 3 });
    fx.write(sig(NOW - 9 * HOUR, A.caoBang, 'valid'));
    expect(read()).toEqual({ ngheAn: 2, caoBang: 1, sentNA: 2, totals: 3 });
  });

  it("sums a day's totals and its traffic without sparklines from the folded hours and the minutes at its edges", () => {
    fx = fixtureCache(NOW);
    // The 24-hour window starts at 20:31 the day before: 20:40 is among its first minutes.
    fx.write(
      sent(NOW - 24 * HOUR + 10 * MIN, A.ngheAn),
      // Folded hours: two sends, and a failed signature alone for the Government Office.
      sent(NOW - 10 * HOUR, A.caoBang),
      sent(NOW - 10 * HOUR + MIN, A.caoBang),
      sig(NOW - 9 * HOUR, A.vpcp, 'expired_certificate'),
    );
    // The minutes at the window's end; writing them folds the hours before, the first one too
    // (the window reads that one's minutes, not the hour).
    fx.write(sent(NOW - 5 * MIN, A.ngheAnDept), sig(NOW - 4 * MIN, A.ngheAnDept, 'valid'));
    expect(fx.cache.db.prepare('SELECT count(*) FROM hour_packs').pluck().get()).toBe(3);
    const totals = fx.metrics.totals(NOW, '24h');
    // Active: Nghệ An, Cao Bằng, the Office (its failure, and what it received), Nghệ An's department.
    expect(totals).toMatchObject({ sent: 4, signaturesVerified: 2, signaturesFailed: 1, agenciesActive: 4 });
    // Again, from the kept hours: the same.
    expect(fx.metrics.totals(NOW, '24h')).toEqual(totals);

    const withSpark = fx.metrics.throughput(NOW, '24h');
    const bare = fx.metrics.throughput(NOW, '24h', undefined, 0);
    expect(bare.map((r) => r.agencyId)).toEqual(withSpark.map((r) => r.agencyId));
    expect(bare.map((r) => ({ ...r, spark: [] }))).toEqual(withSpark.map((r) => ({ ...r, spark: [] })));
    expect(bare.every((r) => r.spark.length === 0)).toBe(true);
    expect(byAgency(bare)[A.caoBang]!.sent).toBe(2);
  });

  it('follows hours removed by retention', () => {
    // Hour rollups kept 9½ hours: the hour of 10:30 goes, its minutes stay.
    const kept = { rawEventsDays: 400, minuteRollupDays: 400, hourlyRollupDays: 9.5 / 24, documentsDays: 400 };
    fx = fixtureCache(NOW, kept);
    fx.write(sent(NOW - 10 * HOUR, A.ngheAn));
    fx.write(sent(NOW - 5 * MIN, A.vpcp));
    expect(fx.metrics.totals(NOW, '24h').sent).toBe(2);
    expect(fx.cache.prune(NOW).hourRows).toBe(1);
    expect(fx.metrics.totals(NOW, '24h').sent).toBe(1);
  });

  it('keeps listing an agency whose data moved from minutes into a folded hour', () => {
    fx = fixtureCache(NOW);
    // An agency no registry lists, which sent once: every per-agency list names it while it has
    // data in the window, whatever the list counts, and the hour it sent in gets folded.
    fx.write(sent(NOW - 10 * HOUR, '000.00.77.X77'));
    const named = () => ({
      feedback: fx!.metrics.feedback(NOW, '24h').some((r) => r.agencyId === '000.00.77.X77'),
      signatures: fx!.metrics.signatures(NOW, '24h').some((r) => r.agencyId === '000.00.77.X77'),
      throughput: fx!.metrics.throughput(NOW, '24h').some((r) => r.agencyId === '000.00.77.X77'),
    });
    expect(named()).toEqual({ feedback: true, signatures: true, throughput: true });
    fx.write(sent(NOW - 5 * MIN, A.vpcp));
    expect(fx.cache.db.prepare('SELECT count(*) FROM hour_packs').pluck().get()).toBeGreaterThan(0);
    expect(named()).toEqual({ feedback: true, signatures: true, throughput: true });
  });

  it('reads a damaged pack without hanging or throwing', () => {
    fx = fixtureCache(NOW);
    fx.write(sent(NOW - 10 * HOUR, A.ngheAn));
    fx.write(sent(NOW - 5 * MIN, A.vpcp));
    // Counts that point far past the blob's end, and backwards.
    const damaged = Buffer.from(new Int32Array([1_000_000, 7, 0, 2_000_000_000, 5, -3, 1, 1]).buffer);
    fx.cache.db.prepare('UPDATE hour_packs SET rows = ?').run(damaged);
    const fresh = createMetrics(fx.cache);
    for (const w of ['24h', '1h'] as const) {
      expect(() => fresh.totals(NOW, w)).not.toThrow();
      expect(() => fresh.throughput(NOW, w)).not.toThrow();
      expect(() => fresh.signatures(NOW, w)).not.toThrow();
    }
  });
});
