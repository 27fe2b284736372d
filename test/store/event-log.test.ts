import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_AT_SQL, BLOCK_EVENTS, EventLog, readEvents, type StoredEvent } from '../../src/store/event-log.js';
import { migrate } from '../../src/store/migrations.js';
import { CORE_MIGRATIONS } from '../../src/store/schema.js';
import { openCache } from '../../src/store/index.js';
import { tempDir } from '../support/telemetry.js';

const T0 = Date.UTC(2026, 10, 20, 8);

describe('EventLog', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    tmp = tempDir();
    db = new Database(join(tmp.dir, 'log.sqlite'));
    migrate(db, CORE_MIGRATIONS, [], T0);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const blocks = () =>
    db.prepare('SELECT stream, first_seq, last_seq, last_ts FROM event_blocks ORDER BY stream, first_seq').raw().all();
  const event = (seq: number, ts = T0 + seq * 1000): StoredEvent => [seq, ts, 'signature.verified', { n: seq }];
  const appendAll = (log: EventLog, stream: number, events: StoredEvent[], agency: number | null = 7) => {
    for (const [seq, ts, type, data] of events) log.append(stream, seq, ts, type, data, agency);
  };

  it('cuts blocks at 16 events, at a hole in the seqs and at another stream', () => {
    const log = new EventLog(db);
    const run = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));
    db.transaction(() => {
      appendAll(log, 1, run(1, 34)); // 16 + 16 + 2
      appendAll(log, 1, run(40, 41)); // after a hole
      appendAll(log, 2, run(42, 43)); // same seqs continue, other stream
      log.flush();
    })();
    expect(BLOCK_EVENTS).toBe(16);
    expect(blocks()).toEqual([
      [1, 1, 16, T0 + 16_000],
      [1, 17, 32, T0 + 32_000],
      [1, 33, 34, T0 + 34_000],
      [1, 40, 41, T0 + 41_000],
      [2, 42, 43, T0 + 43_000],
    ]);
    // The view shows every event once, as appended.
    const rows = db.prepare('SELECT stream, seq, ts, type, data FROM events ORDER BY stream, seq').raw().all();
    expect(rows).toHaveLength(38);
    expect(rows[0]).toEqual([1, 1, T0 + 1000, 'signature.verified', '{"n":1}']);
    expect(rows.at(-1)).toEqual([2, 43, T0 + 43_000, 'signature.verified', '{"n":43}']);
    expect(db.prepare('SELECT count(*) FROM event_agencies WHERE agency = 7').pluck().get()).toBe(38);
  });

  it('files each event under its agency once, events without one under none', () => {
    const log = new EventLog(db);
    const agencyOf = (seq: number) => (seq % 4 === 0 ? null : 10 - (seq % 4));
    db.transaction(() => {
      for (let seq = 1; seq <= 200; seq++) log.append(1, seq, T0 + (seq % 7) * 1000, 'x', null, agencyOf(seq));
      log.flush();
    })();
    const expected = [];
    for (let seq = 1; seq <= 200; seq++)
      if (agencyOf(seq) !== null) expected.push([agencyOf(seq), T0 + (seq % 7) * 1000, 1, seq]);
    expect(db.prepare('SELECT agency, ts, stream, seq FROM event_agencies ORDER BY seq').raw().all()).toEqual(expected);
  });

  it('keeps the newest time of a block whose events are out of time order', () => {
    const log = new EventLog(db);
    db.transaction(() => {
      appendAll(log, 1, [event(1, T0 + 5000), event(2, T0 + 9000), event(3, T0 + 7000)]);
      log.flush();
    })();
    expect(blocks()).toEqual([[1, 1, 3, T0 + 9000]]);
  });

  it('finds stored and queued events, and nothing in a hole or past the end', () => {
    const log = new EventLog(db);
    db.transaction(() => {
      appendAll(log, 1, [event(1), event(2), event(3)]);
      log.flush();
      appendAll(log, 1, [event(10), event(11)]);
      expect(log.find(1, 2)).toEqual(event(2));
      expect(log.find(1, 11)).toEqual(event(11)); // queued: written by the lookup
      expect(log.find(1, 5)).toBeUndefined();
      expect(log.find(1, 12)).toBeUndefined();
      expect(log.find(2, 2)).toBeUndefined();
    })();
  });

  it('forgets queued events on clear', () => {
    const log = new EventLog(db);
    db.transaction(() => {
      appendAll(log, 1, [event(1), event(2)]);
      log.clear();
      log.flush();
    })();
    expect(blocks()).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM event_agencies').pluck().get()).toBe(0);
  });

  it('reads events by reference across blocks, in the order asked, skipping those not stored', () => {
    const log = new EventLog(db);
    db.transaction(() => {
      appendAll(
        log,
        1,
        Array.from({ length: 100 }, (_, i) => event(i + 1)),
      );
      log.flush();
    })();
    const refs = [90, 3, 16, 17, 500, 1, 64, 65].map((seq) => ({ stream: 1, seq }));
    expect(readEvents(db.prepare(BLOCK_AT_SQL), refs).map((e) => e[0])).toEqual([90, 3, 16, 17, 1, 64, 65]);
  });
});

describe('schema step store/3', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('moves the events of a version-2 file into blocks, each once, cut at holes, with their agencies', () => {
    const path = join(tmp.dir, 'old.sqlite');
    const old = new Database(path);
    migrate(old, CORE_MIGRATIONS.slice(0, 2), [], T0);
    old.exec("INSERT INTO streams (id, hub_id, epoch, first_seen) VALUES (1, 'hub', 'e1', 0), (2, 'hub', 'e2', 0)");
    const insert = old.prepare('INSERT INTO events (stream, seq, ts, type, agency, data) VALUES (?, ?, ?, ?, ?, ?)');
    const rows: [number, number, number, string, number | null, string][] = [];
    for (let seq = 1; seq <= 150; seq++) {
      if (seq >= 70 && seq < 80) continue; // a hole
      rows.push([
        1,
        seq,
        T0 + seq,
        seq % 2 ? 'document.sent' : 'server.heartbeat',
        seq % 2 ? seq % 5 : null,
        `{"i":${seq},"s":"Sở Nội vụ"}`,
      ]);
    }
    rows.push([2, 1, T0, 'agency.removed', 3, '{"id":"x"}']);
    for (const r of rows) insert.run(...r);
    old.close();

    const cache = openCache({ path });
    const db = cache.db;
    expect(
      db.prepare('SELECT stream, first_seq, last_seq FROM event_blocks ORDER BY stream, first_seq').raw().all(),
    ).toEqual([
      [1, 1, 16],
      [1, 17, 32],
      [1, 33, 48],
      [1, 49, 64],
      [1, 65, 69], // rows 65–80 are seqs 65–69 and 80–90
      [1, 80, 90],
      [1, 91, 106],
      [1, 107, 122],
      [1, 123, 138],
      [1, 139, 150],
      [2, 1, 1],
    ]);
    expect(db.prepare('SELECT stream, seq, ts, type, data FROM events ORDER BY stream, seq').raw().all()).toEqual(
      [...rows].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([s, q, ts, type, , data]) => [s, q, ts, type, data]),
    );
    const agencies = rows.filter((r) => r[4] !== null).map((r) => [r[4], r[2], r[0], r[1]]);
    expect(db.prepare('SELECT agency, ts, stream, seq FROM event_agencies ORDER BY stream, seq').raw().all()).toEqual(
      [...agencies].sort((a, b) => a[2]! - b[2]! || a[3]! - b[3]!),
    );
    cache.close();
  });
});
