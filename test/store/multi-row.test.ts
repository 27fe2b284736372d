import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MultiRow } from '../../src/store/multi-row.js';
import { tempDir } from '../support/telemetry.js';

describe('MultiRow', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    tmp = tempDir();
    db = new Database(join(tmp.dir, 'rows.sqlite'));
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT, n INTEGER NOT NULL DEFAULT 0)');
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const upsert = (d: Database.Database) =>
    new MultiRow(
      d,
      3,
      (rows) =>
        `INSERT INTO t (k, v, n) VALUES ${MultiRow.placeholders(3, rows)} ON CONFLICT (k) DO UPDATE SET n = n + excluded.n`,
    );

  it.each([0, 1, 2, 31, 32, 33, 63, 100, 1_000])('writes %i queued rows, each once and in order', (count) => {
    const rows = upsert(db);
    for (let i = 0; i < count; i++) rows.add([i, `v${i}`, i % 7]);
    expect(db.transaction(() => rows.flush())()).toBe(count);
    // The queue was emptied: a second flush writes nothing.
    expect(db.transaction(() => rows.flush())()).toBe(0);
    const stored = db.prepare('SELECT k, v, n FROM t ORDER BY k').all() as { k: number; v: string; n: number }[];
    expect(stored).toEqual(Array.from({ length: count }, (_, i) => ({ k: i, v: `v${i}`, n: i % 7 })));
  });

  it('reuses its statements: flushing again adds to the same rows', () => {
    const rows = upsert(db);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 40; i++) rows.add([i, 'x', 1]);
      rows.flush();
    }
    expect(db.prepare('SELECT count(*) AS c, sum(n) AS s FROM t').get()).toEqual({ c: 40, s: 120 });
  });

  it('a failing row undoes its whole statement within the transaction, and clear() forgets the queue', () => {
    db.exec('CREATE TABLE u (k INTEGER PRIMARY KEY)');
    const rows = new MultiRow(db, 1, (n) => `INSERT INTO u (k) VALUES ${MultiRow.placeholders(1, n)}`);
    for (const k of [1, 2, 3, 2]) rows.add([k]);
    expect(() => db.transaction(() => rows.flush())()).toThrow(/UNIQUE/);
    rows.clear();
    expect(db.transaction(() => rows.flush())()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM u').pluck().get()).toBe(0);
  });
});
