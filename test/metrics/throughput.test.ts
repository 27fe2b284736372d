import { afterEach, describe, expect, it } from 'vitest';
import { WITH_DATA } from '../../src/metrics/types.js';
import { A, docId } from '../support/telemetry.js';
import { byAgency, DAY, fixtureCache, MIN } from './fixture.js';

const sent = (n: number) => ({
  docId: docId(A.vpcp, n),
  sender: A.vpcp,
  recipients: [A.ngheAn],
  attachments: 0,
  sizeBytes: 10,
});
const delivered = (n: number) => ({ docId: docId(A.vpcp, n), recipient: A.ngheAn });

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

describe('throughput', () => {
  // 00:02:30 on 23 Nov in Vietnam (UTC+7) is 17:02:30 UTC on the 22nd: the 5-minute window
  // is the minutes 16:58 … 17:02 UTC and straddles the operators' midnight.
  const nowIct = Date.UTC(2026, 10, 22, 17, 2, 30);
  // 00:01 UTC on the 23rd: the window 23:57 … 00:01 straddles midnight UTC.
  const nowUtc = Date.UTC(2026, 10, 23, 0, 1, 0);

  it.each([
    {
      name: 'across midnight UTC+7',
      now: nowIct,
      sends: [
        Date.UTC(2026, 10, 22, 16, 57, 59),
        Date.UTC(2026, 10, 22, 16, 58),
        Date.UTC(2026, 10, 22, 17, 0),
        Date.UTC(2026, 10, 22, 17, 2, 29),
      ],
      deliveries: [Date.UTC(2026, 10, 22, 16, 59, 10), Date.UTC(2026, 10, 22, 17, 1)],
      sent5m: 3,
      received5m: 2,
      sentSpark: [1, 1, 1, 1, 1].map((_, i) => [1, 0, 1, 0, 1][i]! + [0, 1, 0, 1, 0][i]!),
      sent1h: 4,
    },
    {
      name: 'across midnight UTC',
      now: nowUtc,
      sends: [Date.UTC(2026, 10, 22, 23, 56, 59), Date.UTC(2026, 10, 22, 23, 57), Date.UTC(2026, 10, 23, 0, 0, 30)],
      deliveries: [Date.UTC(2026, 10, 23, 0, 1, 5)],
      sent5m: 2,
      received5m: 1,
      sentSpark: [1, 0, 0, 1, 1],
      sent1h: 3,
    },
  ])('counts per agency $name', ({ now, sends, deliveries, sent5m, received5m, sentSpark, sent1h }) => {
    fx = fixtureCache(now);
    fx.write(...sends.map((t, i) => [t, 'document.sent', sent(i)] as [number, 'document.sent', unknown]));
    fx.write(
      ...deliveries.map((t, i) => [t, 'document.delivered', delivered(i)] as [number, 'document.delivered', unknown]),
    );
    const rows5 = byAgency(fx.metrics.throughput(now, '5m'));
    expect(rows5[A.vpcp]).toMatchObject({ sent: sent5m, received: 0, sentPerMin: sent5m / 5, sentWeekAgo: null });
    expect(rows5[A.ngheAn]).toMatchObject({ sent: 0, received: received5m, receivedPerMin: received5m / 5 });
    const combined = rows5[A.vpcp]!.spark.map((v, i) => v + rows5[A.ngheAn]!.spark[i]!);
    expect(combined).toEqual(sentSpark);
    expect(rows5[A.quiet]).toEqual({
      agencyId: A.quiet,
      sent: 0,
      received: 0,
      sentPerMin: 0,
      receivedPerMin: 0,
      sentWeekAgo: null,
      receivedWeekAgo: null,
      spark: [0, 0, 0, 0, 0],
    });
    expect(byAgency(fx.metrics.throughput(now, '1h'))[A.vpcp]!.sent).toBe(sent1h);
  });

  it('compares with the same window a week earlier once the cache reaches back', () => {
    fx = fixtureCache(nowIct);
    fx.write(
      [nowIct - 7 * DAY - 2 * MIN, 'document.sent', sent(100)],
      [nowIct - 7 * DAY - 1 * MIN, 'document.sent', sent(101)],
      [nowIct - 7 * DAY - 10 * MIN, 'document.sent', sent(102)],
      [nowIct - MIN, 'document.sent', sent(1)],
    );
    const rows = byAgency(fx.metrics.throughput(nowIct, '5m'));
    expect(rows[A.vpcp]).toMatchObject({ sent: 1, sentWeekAgo: 2, receivedWeekAgo: 0 });
    expect(rows[A.quiet]).toMatchObject({ sentWeekAgo: 0 });
  });

  it('lists with data the agencies with traffic now or a week earlier, each row as the full list has it', () => {
    fx = fixtureCache(nowIct);
    fx.write(
      // Nghệ An, a week ago only.
      [nowIct - 7 * DAY - 2 * MIN, 'document.sent', { ...sent(100), docId: docId(A.ngheAn, 1), sender: A.ngheAn }],
      [nowIct - 7 * DAY - 10 * MIN, 'document.sent', sent(101)], // before both windows: the cache reaches back
      [nowIct - MIN, 'document.sent', sent(1)], // VPCP, now only
    );
    const all = fx.metrics.throughput(nowIct, '5m');
    const some = fx.metrics.throughput(nowIct, '5m', WITH_DATA);
    expect(some.map((r) => r.agencyId)).toEqual([A.vpcp, A.ngheAn].sort());
    expect(some).toEqual(all.filter((r) => r.agencyId === A.vpcp || r.agencyId === A.ngheAn));
    // Every other agency has nothing now and nothing a week ago.
    const listed = new Set(some.map((r) => r.agencyId));
    for (const r of all.filter((r) => !listed.has(r.agencyId)))
      expect([r.sent, r.received, r.sentWeekAgo, r.receivedWeekAgo]).toEqual([0, 0, 0, 0]);
  });

  it('reads a 24 h window from hour rows in the middle and minute rows at the edges', () => {
    const now = nowIct;
    fx = fixtureCache(now);
    fx.write(
      [Date.UTC(2026, 10, 21, 17, 2, 59), 'document.sent', sent(1)], // one minute too early
      [Date.UTC(2026, 10, 21, 17, 3), 'document.sent', sent(2)], // first minute of the window: bucket 0
      [Date.UTC(2026, 10, 22, 12, 30), 'document.sent', sent(3)], // inside a folded hour
      [Date.UTC(2026, 10, 22, 16, 30), 'document.sent', sent(4)], // recent minutes: bucket 23
    );
    const hourRows = fx.cache.db.prepare('SELECT count(*) FROM rollup_hour').pluck().get() as number;
    expect(hourRows).toBeGreaterThan(0);
    const row = byAgency(fx.metrics.throughput(now, '24h'))[A.vpcp]!;
    expect(row.sent).toBe(3);
    expect(row.sentPerMin).toBeCloseTo(3 / 1440, 12);
    // The window starts at 17:03, so the 12:00 hour's first 3 minutes fall in bucket 18 and
    // the other 57 in bucket 19: the hour's count is spread in that proportion.
    const expected = new Array(24).fill(0);
    expected[0] = 1;
    expected[18] = 3 / 60;
    expected[19] = 57 / 60;
    expected[23] = 1;
    row.spark.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
    // The same figures through minutes alone (a window the caller sizes itself).
    expect(fx.metrics.throughputOver(now, DAY, { agencyIds: [A.vpcp] })[0]!.sent).toBe(3);
  });

  it('limits rows to a scope, with zeros for an agency without traffic', () => {
    fx = fixtureCache(nowIct);
    fx.write([nowIct - MIN, 'document.sent', sent(1)]);
    const rows = fx.metrics.throughput(nowIct, '1h', { agencyIds: [A.quiet, A.vpcp] }, 4);
    expect(rows.map((r) => [r.agencyId, r.sent, r.spark])).toEqual([
      [A.vpcp, 1, [0, 0, 0, 1]],
      [A.quiet, 0, [0, 0, 0, 0]],
    ]);
  });

  it("spreads folded hours into every agency's sparkline, however many agencies there are", () => {
    const now = Date.UTC(2026, 10, 22, 20, 30);
    fx = fixtureCache(now);
    // 1,200 senders ten hours ago (a folded hour), and none since: past the 1,024 agencies a
    // per-agency tally first holds, so it grows while the hour is spread.
    const sends: [number, string, unknown][] = [];
    for (let i = 0; i < 1_200; i++) {
      const at = now - 10 * 3_600_000 + (i % 50) * 1_000;
      const sender = `000.00.${String(i % 100).padStart(2, '0')}.X${i}`;
      sends.push([
        at,
        'document.sent',
        { docId: `${sender},2026/11/22,${i}/VB`, sender, recipients: [A.vpcp], attachments: 1, sizeBytes: 1 },
      ]);
    }
    fx.write(...sends);
    fx.write([now - 5 * MIN, 'document.sent', sent(1)]);
    const rows = fx.metrics.throughput(now, '24h');
    expect(rows.filter((r) => r.sent > 0).length).toBe(1_201);
    for (const r of rows) expect(r.spark.reduce((a, b) => a + b, 0)).toBeCloseTo(r.sent + r.received, 9);
  });
});

describe('rates over the covered part of a window', () => {
  it('divides by the minutes the cache holds when it is younger than the window', () => {
    const now = Date.UTC(2026, 10, 23, 3, 0, 30);
    fx = fixtureCache(now);
    // The cache's first figures: 60 sends in its one hour, from 02:01 to 03:00.
    fx.write(
      ...Array.from(
        { length: 60 },
        (_, i) => [now - 59 * MIN - 30_000 + i * MIN, 'document.sent', sent(i)] as [number, 'document.sent', unknown],
      ),
    );
    const day = byAgency(fx.metrics.throughput(now, '24h'));
    expect(day[A.vpcp]).toMatchObject({ sent: 60, sentPerMin: 1 });
    const totals = fx.metrics.totals(now, '24h');
    expect(totals).toMatchObject({ sent: 60, sentPerMin: 1, coveredMinutes: 60 });
    expect(fx.metrics.totals(now, '5m')).toMatchObject({ sent: 5, sentPerMin: 1, coveredMinutes: 5 });
  });
});
