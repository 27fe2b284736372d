import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/index.js';
import { LiveRollups } from '../../src/metrics/live-rollups.js';
import { SqliteRollups } from '../../src/metrics/rollup-rows.js';
import { openCache } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrations.js';
import { CORE_MIGRATIONS } from '../../src/store/schema.js';
import { A, docId, tempDir } from '../support/telemetry.js';
import { byAgency, DAY, fixtureCache, HOUR, MIN } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 3, 0);
const iso = (t: number) => new Date(t).toISOString();
const sent = (
  n: number,
  at: number,
  replyBy: number | null,
  recipients: string[] = [A.ngheAn],
): [number, 'document.sent', unknown] => [
  at,
  'document.sent',
  {
    docId: docId(A.vpcp, n),
    sender: A.vpcp,
    recipients,
    attachments: 0,
    sizeBytes: 1,
    subject: `Văn bản ${n}`,
    ...(replyBy !== null && { replyBy: iso(replyBy) }),
  },
];
const replied = (n: number, at: number, agency: string = A.ngheAn): [number, 'document.replied', unknown] => [
  at,
  'document.replied',
  { docId: docId(A.vpcp, n), agency, replyDocId: docId(agency, 900 + n) },
];

describe('reply deadlines', () => {
  function scenario() {
    fx = fixtureCache(NOW);
    fx.write(
      sent(1, NOW - 10 * DAY, NOW - 2 * HOUR, [A.ngheAn, A.caoBang]), // overdue by 2 h for both
      sent(2, NOW - 2 * DAY, NOW + 3 * HOUR), // due within 24 h
      sent(3, NOW - 1 * DAY, NOW + 48 * HOUR), // open, not yet due
      sent(4, NOW - 20 * DAY, NOW - 5 * DAY), // answered on time
      sent(5, NOW - 20 * DAY, NOW - 3 * DAY), // answered late
      sent(6, NOW - 30 * DAY, NOW - 9 * DAY, [A.caoBang]), // overdue by 9 days
      sent(7, NOW - DAY, null), // no deadline
      replied(4, NOW - 6 * DAY),
      replied(5, NOW - 1 * DAY),
      replied(7, NOW - HOUR), // a reply to a document without deadline changes nothing
    );
    return fx;
  }

  it('gives the appendix columns per recipient agency, and zeros for one without any', () => {
    const rows = byAgency(scenario().metrics.deadlines(NOW));
    expect(rows[A.ngheAn]).toEqual({
      agencyId: A.ngheAn,
      open: 3,
      dueWithin24h: 1,
      overdue: 1,
      oldestOverdueMs: 2 * HOUR,
      answeredOnTime: 1,
      answeredLate: 1,
    });
    expect(rows[A.caoBang]).toEqual({
      agencyId: A.caoBang,
      open: 2,
      dueWithin24h: 0,
      overdue: 2,
      oldestOverdueMs: 9 * DAY,
      answeredOnTime: 0,
      answeredLate: 0,
    });
    expect(rows[A.quiet]).toEqual({
      agencyId: A.quiet,
      open: 0,
      dueWithin24h: 0,
      overdue: 0,
      oldestOverdueMs: null,
      answeredOnTime: 0,
      answeredLate: 0,
    });
  });

  it('moves the oldest overdue to the next one when the oldest is answered', () => {
    const f = scenario();
    f.write(replied(6, NOW - HOUR, A.caoBang));
    expect(byAgency(f.metrics.deadlines(NOW))[A.caoBang]).toEqual({
      agencyId: A.caoBang,
      open: 1,
      dueWithin24h: 0,
      overdue: 1,
      oldestOverdueMs: 2 * HOUR,
      answeredOnTime: 0,
      answeredLate: 1,
    });
    expect(f.metrics.deadlines(NOW, { agencyIds: [A.caoBang] })).toHaveLength(1);
  });

  it('lists overdue documents, most overdue first, nationally and for one agency', () => {
    const m = scenario().metrics;
    expect(m.overdueDocuments(NOW).map((d) => [d.docId, d.recipient, d.overdueMs])).toEqual([
      [docId(A.vpcp, 6), A.caoBang, 9 * DAY],
      // Same deadline: in the order the recipients were registered (Cao Bằng before Nghệ An).
      [docId(A.vpcp, 1), A.caoBang, 2 * HOUR],
      [docId(A.vpcp, 1), A.ngheAn, 2 * HOUR],
    ]);
    expect(m.overdueDocuments(NOW, { agencyIds: [A.ngheAn] })).toEqual([
      {
        docId: docId(A.vpcp, 1),
        sender: A.vpcp,
        recipient: A.ngheAn,
        replyBy: NOW - 2 * HOUR,
        overdueMs: 2 * HOUR,
        subject: 'Văn bản 1',
      },
    ]);
    expect(m.overdueDocuments(NOW, undefined, 1)).toHaveLength(1);
  });

  it('after a first read, sees what later batches changed, as a fresh reader does', () => {
    const f = scenario();
    expect(byAgency(f.metrics.deadlines(NOW))[A.caoBang]?.overdue).toBe(2);
    // An answer for one recipient, and a first deadline for an agency that owed none.
    f.write(replied(6, NOW - HOUR, A.caoBang), sent(8, NOW - HOUR, NOW + 2 * HOUR, [A.quiet]));
    const rows = byAgency(f.metrics.deadlines(NOW));
    expect(rows[A.caoBang]).toMatchObject({ open: 1, overdue: 1, oldestOverdueMs: 2 * HOUR, answeredLate: 1 });
    expect(rows[A.quiet]).toMatchObject({ open: 1, dueWithin24h: 1, overdue: 0 });
    expect(f.metrics.deadlines(NOW)).toEqual(createMetrics(f.cache).deadlines(NOW));
  });

  it('moves the not-yet-due deadlines along with the clock and the writes, as a fresh reader sees them', () => {
    const f = scenario();
    const fresh = (t: number) => createMetrics(f.cache).deadlines(t);
    const at = (t: number) => {
      const rows = f.metrics.deadlines(t);
      expect(rows, `at NOW + ${(t - NOW) / HOUR} h`).toEqual(fresh(t));
      expect(f.metrics.totals(t, '1h')).toMatchObject({
        overdueReplies: rows.reduce((n, r) => n + r.overdue, 0),
        dueWithin24h: rows.reduce((n, r) => n + r.dueWithin24h, 0),
      });
      return byAgency(rows);
    };
    expect(at(NOW)[A.ngheAn]).toMatchObject({ open: 3, dueWithin24h: 1, overdue: 1 });
    // Document 2 falls due (NOW + 3 h); document 3 (NOW + 48 h) is not yet within 24 hours.
    expect(at(NOW + 4 * HOUR)[A.ngheAn]).toMatchObject({ open: 3, dueWithin24h: 0, overdue: 2 });
    // Document 3 comes within 24 hours.
    expect(at(NOW + 30 * HOUR)[A.ngheAn]).toMatchObject({ open: 3, dueWithin24h: 1, overdue: 2 });
    // Written meanwhile: an answer to document 3 and a new deadline for Cao Bằng, due in 2 hours;
    // Nghệ An's deadlines are unchanged otherwise, and time moves on a little.
    f.write(replied(3, NOW + 30 * HOUR), sent(9, NOW + 30 * HOUR, NOW + 32 * HOUR, [A.caoBang]));
    const later = at(NOW + 31 * HOUR);
    expect(later[A.ngheAn]).toMatchObject({ open: 2, dueWithin24h: 0, overdue: 2, answeredOnTime: 2 });
    expect(later[A.caoBang]).toMatchObject({ open: 3, dueWithin24h: 1, overdue: 2 });
    // Past every deadline, then an earlier instant again (a paused or replayed clock).
    expect(at(NOW + 60 * DAY)[A.caoBang]).toMatchObject({ open: 3, dueWithin24h: 0, overdue: 3 });
    expect(at(NOW)[A.ngheAn]).toMatchObject({ open: 2, dueWithin24h: 1, overdue: 1 });
  });

  /** A live model of the scenario's cache, told of its writes, and a fresh read of the same. */
  function live(f: ReturnType<typeof scenario>, fullReadAbove?: number) {
    const rows = new LiveRollups(f.cache.db, f.cache.agencyIds, fullReadAbove);
    f.cache.onWrite((c) => rows.changed(c));
    return { rows, fresh: (t: number) => new SqliteRollups(f.cache.db, f.cache.agencyIds).deadlinesAhead(t) };
  }

  it('starts over after a read that failed partway', () => {
    const f = scenario();
    const { rows, fresh } = live(f);
    expect(rows.deadlinesAhead(NOW)).toEqual(fresh(NOW));
    f.write(sent(9, NOW + HOUR, NOW + 5 * HOUR, [A.caoBang]));
    // The changed recipient's read fails after the deadlines that fell due were taken out.
    const sqlite = (rows as unknown as { sqlite: { deadlinesAheadOf: () => unknown } }).sqlite;
    const of = sqlite.deadlinesAheadOf;
    sqlite.deadlinesAheadOf = () => {
      throw new Error('database is locked');
    };
    expect(() => rows.deadlinesAhead(NOW + 4 * HOUR)).toThrow('database is locked');
    sqlite.deadlinesAheadOf = of;
    expect(rows.deadlinesAhead(NOW + 4 * HOUR)).toEqual(fresh(NOW + 4 * HOUR));
    expect(rows.deadlinesAhead(NOW + 4 * HOUR).get(f.cache.agencyIds.find(A.caoBang)!)).toEqual([1, 1]);
  });

  it('reads everything again past many changed recipients, and stays right', () => {
    const f = scenario();
    // With no changed recipient allowed, the batch below (an answer from Cao Bằng, a new deadline
    // for Nghệ An) makes the next read a full one.
    const { rows: ahead, fresh } = live(f, 0);
    const { rows: moved } = live(f);
    const first = ahead.deadlinesAhead(NOW);
    expect(first).toEqual(fresh(NOW));
    const kept = moved.deadlinesAhead(NOW);
    f.write(replied(1, NOW + HOUR, A.caoBang), sent(10, NOW + HOUR, NOW + 30 * HOUR, [A.ngheAn]));
    const later = NOW + 2 * HOUR + 50 * MIN;
    expect(ahead.deadlinesAhead(later)).toEqual(fresh(later));
    // A full read builds its counts anew; moving them along keeps the same map.
    expect(ahead.deadlinesAhead(later)).not.toBe(first);
    expect(moved.deadlinesAhead(later)).toBe(kept);
    expect(moved.deadlinesAhead(later)).toEqual(fresh(later));
    // Nghệ An: documents 2 (due in 10 min), 3 (in 45 h) and 10 (in 27 h) not yet due; one within 24 h.
    expect(ahead.deadlinesAhead(later).get(f.cache.agencyIds.find(A.ngheAn)!)).toEqual([3, 1]);
  });

  it('tells a live model the recipients a batch changed, and only those', () => {
    const f = scenario();
    const told: number[][] = [];
    f.cache.onWrite((c) => told.push([...c.recipients]));
    f.write(replied(6, NOW - HOUR, A.caoBang));
    expect(told).toEqual([[f.cache.agencyIds.find(A.caoBang)!]]);
  });

  it('reads the counts of a file from before the revs, through the steps that added and dropped them', () => {
    const tmp = tempDir('hubmon-deadlines-');
    try {
      const path = join(tmp.dir, 'old.sqlite');
      const old = new Database(path);
      migrate(old, CORE_MIGRATIONS.slice(0, 5), [], NOW);
      old.prepare('INSERT INTO agencies (id, code) VALUES (1, ?)').run(A.ngheAn);
      old
        .prepare('INSERT INTO deadline_counts (agency, on_time, late, open, oldest_open) VALUES (1, 4, 2, 3, ?)')
        .run(NOW - DAY);
      old.close();
      const cache = openCache({ path, now: () => NOW });
      try {
        const columns = cache.db.prepare("SELECT name FROM pragma_table_info('deadline_counts')").pluck().all();
        expect(columns).not.toContain('rev');
        const row = createMetrics(cache).deadlines(NOW, { agencyIds: [A.ngheAn] })[0];
        expect(row).toEqual({
          agencyId: A.ngheAn,
          open: 3,
          dueWithin24h: 0,
          overdue: 3,
          oldestOverdueMs: DAY,
          answeredOnTime: 4,
          answeredLate: 2,
        });
      } finally {
        cache.close();
      }
    } finally {
      tmp.cleanup();
    }
  });

  it('counts them in the national totals', () => {
    expect(scenario().metrics.totals(NOW, '1h')).toMatchObject({ overdueReplies: 3, dueWithin24h: 1 });
  });
});
