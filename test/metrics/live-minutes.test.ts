import { afterEach, describe, expect, it } from 'vitest';
import { A } from '../support/telemetry.js';
import { createMetrics, type Metrics } from '../../src/metrics/index.js';
import { fixtureCache, HOUR, MIN, sentEvent as sent, sigEvent as sig } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 20, 30, 30);

/**
 * The console's live model keeps the minutes its windows read between refreshes. It must
 * follow the rows as the writer changes them: events in the newest minutes, a late event in an
 * older minute, minutes removed by retention.
 */
describe('minutes in the live model', () => {
  it('follows new events in the newest minute and keeps the others', () => {
    fx = fixtureCache(NOW);
    fx.write(sent(NOW - 40 * MIN, A.ngheAn), sent(NOW - 40 * MIN, A.caoBang), sent(NOW - 10 * MIN, A.ngheAn));
    fx.write(sent(NOW, A.vpcp));
    const read = () => {
      const t = fx!.metrics.totals(NOW, '1h');
      return { sent: t.sent, active: t.agenciesActive };
    };
    // Nghệ An twice and Cao Bằng once in closed minutes, the ministry in the open one (a send
    // counts for its sender only: the recipient's count waits for the delivery).
    expect(read()).toEqual({ sent: 4, active: 3 });
    expect(read()).toEqual({ sent: 4, active: 3 });
    // More in the open minute, by an agency already active in a closed one.
    fx.write(sent(NOW + 1_000, A.ngheAn));
    expect(read()).toEqual({ sent: 5, active: 3 });
  });

  it('reads minutes again after a late event, in an existing row and a new one', () => {
    fx = fixtureCache(NOW);
    fx.write(sent(NOW - 30 * MIN, A.ngheAn));
    fx.write(sent(NOW, A.vpcp));
    expect(fx.metrics.totals(NOW, '1h').sent).toBe(2);
    fx.write(sent(NOW - 30 * MIN + 1_000, A.ngheAn));
    expect(fx.metrics.totals(NOW, '1h')).toMatchObject({ sent: 3, agenciesActive: 2 });
    fx.write(sig(NOW - 20 * MIN, A.caoBang, 'invalid'));
    expect(fx.metrics.totals(NOW, '1h')).toMatchObject({
      sent: 3,
      agenciesActive: 3,
      signaturesVerified: 1,
      signaturesFailed: 1,
    });
  });

  it('follows events written minute after minute backwards', () => {
    fx = fixtureCache(NOW);
    fx.write(sent(NOW, A.vpcp));
    expect(fx.metrics.totals(NOW, '5m').sent).toBe(1);
    fx.write(sent(NOW - MIN, A.ngheAn));
    expect(fx.metrics.totals(NOW, '5m').sent).toBe(2);
    fx.write(sent(NOW - 2 * MIN, A.ngheAn));
    expect(fx.metrics.totals(NOW, '5m').sent).toBe(3);
  });

  it('follows minutes removed by retention', () => {
    // Minute rollups kept four hours (once their hours are folded).
    fx = fixtureCache(NOW, { minuteRollupDays: 4 / 24 });
    fx.write(sent(NOW - 250 * MIN, A.ngheAn), sent(NOW - 230 * MIN, A.caoBang));
    fx.write(sent(NOW, A.vpcp));
    // A paused console's window, three and a half hours back.
    const paused = NOW - 210 * MIN;
    expect(fx.metrics.totals(paused, '1h')).toMatchObject({ sent: 2, agenciesActive: 2 });
    expect(fx.cache.prune(NOW).minuteRows).toBe(1);
    expect(fx.metrics.totals(paused, '1h')).toMatchObject({ sent: 1, agenciesActive: 1 });
  });

  it('gives the figures of a console that never cached, as the window slides', () => {
    fx = fixtureCache(NOW);
    const events = [];
    for (let i = 0; i < 150; i++) events.push(sent(NOW - i * MIN, i % 3 === 0 ? A.ngheAn : A.caoBang));
    fx.write(...events);
    for (let shift = 45; shift >= 0; shift -= 5) {
      const at = NOW - shift * MIN;
      for (const window of ['5m', '1h'] as const)
        expect(fx.metrics.totals(at, window)).toEqual(createMetrics(fx.cache).totals(at, window));
    }
    expect(fx.metrics.totals(NOW, '1h')).toMatchObject({ sent: 60, agenciesActive: 2 });
  });

  it('gives every per-agency list the figures SQLite sums, through late events and a sliding window', () => {
    fx = fixtureCache(NOW);
    const agencies = [A.ngheAn, A.caoBang, A.vpcp];
    const results = ['valid', 'valid', 'invalid', 'expired_certificate'];
    const events = [];
    for (let i = 0; i < 300; i++) {
      events.push(sent(NOW - i * MIN, agencies[i % 3]!));
      if (i % 2 === 0) events.push(sig(NOW - i * MIN + 500, agencies[(i + 1) % 3]!, results[i % 4]!));
    }
    fx.write(...events);
    const lists = (at: number, m: Metrics) =>
      (['5m', '1h', '24h'] as const).map((w) => ({
        throughput: m.throughput(at, w),
        signatures: m.signatures(at, w),
        delivery: m.delivery(at, w),
        feedback: m.feedback(at, w),
      }));
    const scoped = (at: number) =>
      (['5m', '1h', '24h'] as const).map((w) => ({
        throughput: fx!.metrics.throughput(at, w, { agencyIds: agencies }),
        signatures: fx!.metrics.signatures(at, w, { agencyIds: agencies }),
      }));
    // Windows ending now and up to four hours back: the last two hours, across their start,
    // and before it (a paused console's).
    for (const shift of [240, 190, 140, 131, 125, 70, 30, 24, 18, 12, 6, 0]) {
      const at = NOW - shift * MIN;
      const cached = lists(at, fx.metrics);
      expect(cached).toEqual(lists(at, createMetrics(fx.cache)));
      // The scoped lists: the same agencies, the same figures (scoped-sums.test checks them against the rows).
      const pick = <T extends { agencyId: string }>(rows: readonly T[]) =>
        rows.filter((r) => (agencies as readonly string[]).includes(r.agencyId));
      expect(cached.map((c) => ({ throughput: pick(c.throughput), signatures: pick(c.signatures) }))).toEqual(
        scoped(at),
      );
      const m = Math.floor(at / MIN);
      const [sentSum, active] = fx.cache.db
        .prepare(
          `SELECT sum(sent), count(DISTINCT CASE WHEN sent + sig_valid + sig_invalid + sig_expired_certificate > 0
             THEN agency END) FROM rollup_minute WHERE minute BETWEEN ? AND ?`,
        )
        .raw()
        .get(m - 59, m) as [number, number];
      expect(fx.metrics.totals(at, '1h')).toMatchObject({ sent: sentSum, agenciesActive: active });
    }
    // A late event in a closed minute: the cached lists follow.
    const before = fx.metrics.signatures(NOW, '1h').find((r) => r.agencyId === A.caoBang)!.failed;
    fx.write(sig(NOW - 20 * MIN, A.caoBang, 'revoked_certificate'));
    expect(fx.metrics.signatures(NOW, '1h').find((r) => r.agencyId === A.caoBang)!.failed).toBe(before + 1);
    expect(lists(NOW, fx.metrics)).toEqual(lists(NOW, createMetrics(fx.cache)));
    // And one in a minute older than the kept two hours, whose sums a paused console keeps.
    const paused = NOW - 240 * MIN;
    const old = lists(paused, fx.metrics);
    fx.write(sig(paused - 2 * MIN, A.caoBang, 'revoked_certificate'));
    const now = lists(paused, fx.metrics);
    expect(now).not.toEqual(old);
    expect(now).toEqual(lists(paused, createMetrics(fx.cache)));
  });

  it('gives a paused console the throughput of older minutes again after a late event there', () => {
    fx = fixtureCache(NOW);
    fx.write(sent(NOW - 5 * HOUR, A.ngheAn));
    fx.write(sent(NOW - MIN, A.vpcp));
    // An hour entirely older than the kept two hours, read per bucket and kept.
    const paused = NOW - 4 * HOUR;
    const ngheAn = () => fx!.metrics.throughput(paused, '1h').find((r) => r.agencyId === A.ngheAn)!;
    expect(ngheAn().sent).toBe(0);
    fx.write(sent(paused - 10 * MIN, A.ngheAn));
    expect(ngheAn().sent).toBe(1);
    expect(fx.metrics.throughput(paused, '1h')).toEqual(createMetrics(fx.cache).throughput(paused, '1h'));
  });

  it('answers a window of months on a young cache (no folded hours yet: minutes all the way)', () => {
    fx = fixtureCache(NOW);
    fx.write(sig(NOW - 5 * MIN, A.ngheAn, 'valid'), sig(NOW - 4 * MIN, A.ngheAn, 'invalid'));
    const row = fx.metrics.signaturesOver(NOW, 200 * 86_400_000).find((r) => r.agencyId === A.ngheAn)!;
    expect({ verified: row.verified, failed: row.failed }).toEqual({ verified: 2, failed: 1 });
  });

  it('follows the hub replaying what was missed while the clock is hours ahead of the newest event', () => {
    fx = fixtureCache(NOW);
    // Traffic until 4 h before NOW, then the link drops: the newest minute stays there.
    const events = [];
    for (let i = 240; i < 400; i++) events.push(sent(NOW - i * MIN, A.ngheAn));
    fx.write(...events);
    expect(fx.metrics.totals(NOW, '24h').sent).toBe(160);
    // The link comes back and the hub replays what was missed, in order: nothing is late.
    fx.write(sent(NOW - 235 * MIN, A.caoBang), sent(NOW - 220 * MIN, A.caoBang));
    expect(fx.metrics.totals(NOW, '24h').sent).toBe(162);
    const caoBang = (m: Metrics) => m.throughput(NOW, '24h').find((r) => r.agencyId === A.caoBang)!.sent;
    expect(caoBang(fx.metrics)).toBe(2);
    expect(fx.metrics.signatures(NOW, '24h')).toEqual(createMetrics(fx.cache).signatures(NOW, '24h'));
  });
});
