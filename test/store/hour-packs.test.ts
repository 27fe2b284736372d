import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstColumn, packRows, unpackWords } from '../../src/store/hour-packs.js';
import { openCache } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrations.js';
import { ROLLUP_COLUMNS } from '../../src/store/rollup-columns.js';
import { CORE_MIGRATIONS } from '../../src/store/schema.js';
import { fixtureCache, HOUR, MIN } from '../metrics/fixture.js';
import { A, hello, msg, tempDir } from '../support/telemetry.js';

const WIDTH = ROLLUP_COLUMNS.length;

/** A pack's rows back as [agency, ...every column's count], ascending by agency. */
function unpack(words: Int32Array): number[][] {
  const rows = new Map<number, number[]>();
  // The hour's agencies first, each with a row (of zeros until its counts come).
  for (let j = 1; j < firstColumn(words); j++) rows.set(words[j]!, [words[j]!, ...new Array<number>(WIDTH).fill(0)]);
  for (let i = firstColumn(words); i < words.length; i += 2 + 2 * words[i + 1]!) {
    const c = words[i]!;
    for (let j = 0; j < words[i + 1]!; j++) {
      const agency = words[i + 2 + 2 * j]!;
      let row = rows.get(agency);
      if (!row) rows.set(agency, (row = [agency, ...new Array<number>(WIDTH).fill(0)]));
      row[c + 1] = words[i + 3 + 2 * j]!;
    }
  }
  return [...rows.values()].sort((x, y) => x[0]! - y[0]!);
}

const row = (agency: number, counts: Record<number, number>): number[] => {
  const r = [agency, ...new Array<number>(WIDTH).fill(0)];
  for (const [c, n] of Object.entries(counts)) r[Number(c) + 1] = n;
  return r;
};

/** Every hour's packed rows, and the same hours' rows of rollup_hour without all-zero rows. */
function packedAndTable(db: Database.Database): {
  packed: Record<number, number[][]>;
  table: Record<number, number[][]>;
} {
  const packed: Record<number, number[][]> = {};
  for (const [hour, rows] of db.prepare('SELECT hour, rows FROM hour_packs ORDER BY hour').raw().all() as [
    number,
    Buffer,
  ][])
    packed[hour] = unpack(unpackWords(rows));
  const table: Record<number, number[][]> = {};
  const until = Number(db.prepare("SELECT value FROM meta WHERE key = 'hours_compacted_until'").pluck().get());
  const all = db
    .prepare(`SELECT hour, agency, ${ROLLUP_COLUMNS.join(', ')} FROM rollup_hour WHERE hour < ? ORDER BY hour, agency`)
    .raw()
    .all(until) as number[][];
  for (const [hour, ...r] of all) if (r.slice(1).some((n) => n !== 0)) (table[hour!] ??= []).push(r);
  return { packed, table };
}

describe('hour packs', () => {
  it('pack the non-zero counts column by column, as (agency, count) pairs', () => {
    const rows = [row(3, { 0: 5, 1: 2 }), row(7, {}), row(12, { [WIDTH - 1]: 9, 0: 1 }), row(4_000_000, { 2: 70_000 })];
    const words = unpackWords(packRows(rows));
    // The three agencies with counts, then columns 0 (two agencies), 1, 2 and the last (one
    // each); the row of zeros leaves no trace.
    expect([...words]).toEqual([
      ...[3, 3, 12, 4_000_000],
      ...[0, 2, 3, 5, 12, 1],
      ...[1, 1, 3, 2],
      ...[2, 1, 4_000_000, 70_000],
      ...[WIDTH - 1, 1, 12, 9],
    ]);
    expect(unpack(words)).toEqual([rows[0], rows[2], rows[3]]);
    // Rows after the first field, as rollup_hour hands them over: [hour, agency, ...counts].
    expect(
      unpack(
        unpackWords(
          packRows(
            rows.map((r) => [99, ...r]),
            2,
            4,
            1,
          ),
        ),
      ),
    ).toEqual(rows.slice(2, 4));
  });

  it('read back from an unaligned blob', () => {
    const blob = packRows([row(1, { 0: 1 }), row(2, { 3: 4 })]);
    const shifted = Buffer.alloc(blob.length + 1);
    blob.copy(shifted, 1);
    expect(unpack(unpackWords(shifted.subarray(1)))).toEqual([row(1, { 0: 1 }), row(2, { 3: 4 })]);
  });

  it('follow rollup_hour as hours fold and late events land in folded hours', () => {
    const NOW = Date.UTC(2026, 10, 22, 20, 30);
    const fx = fixtureCache(NOW);
    try {
      const sent = (at: number, sender: string) =>
        [
          at,
          'document.sent',
          { docId: `${sender},2026/11/22,${at}/VB`, sender, recipients: [A.vpcp], attachments: 1, sizeBytes: 1 },
        ] as [number, string, unknown];
      const sig = (at: number, agency: string, result: string) =>
        [at, 'signature.verified', { docId: `${agency},x,${at}/VB`, agency, result }] as [number, string, unknown];
      for (let h = 12; h >= 2; h--)
        fx.write(sent(NOW - h * HOUR, A.ngheAn), sig(NOW - h * HOUR + MIN, A.caoBang, 'valid'));
      fx.write(sent(NOW - 5 * MIN, A.vpcp));
      const db = fx.cache.db;
      const first = packedAndTable(db);
      expect(Object.keys(first.packed).length).toBeGreaterThanOrEqual(10);
      expect(first.packed).toEqual(first.table);

      // The writer tells a live model the hours it packed anew.
      const told = new Set<number>();
      fx.cache.onWrite((c) => c.hours.forEach((h) => told.add(h)));
      // Late: an existing row, a new row and a new column in two folded hours.
      fx.write(
        sent(NOW - 10 * HOUR + 2 * MIN, A.ngheAn),
        sig(NOW - 10 * HOUR + 3 * MIN, A.ngheAn, 'expired_certificate'),
      );
      fx.write(sig(NOW - 7 * HOUR, A.quiet, 'missing'));
      const late = packedAndTable(db);
      expect(late.packed).toEqual(late.table);
      expect(late.packed).not.toEqual(first.packed);
      expect([...told].sort()).toEqual([Math.floor((NOW - 10 * HOUR) / HOUR), Math.floor((NOW - 7 * HOUR) / HOUR)]);
    } finally {
      fx.close();
    }
  });
});

describe('schema step store/5', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('packs the hours a version-4 file had folded, and no later hour', () => {
    const path = join(tmp.dir, 'old.sqlite');
    const old = new Database(path);
    migrate(old, CORE_MIGRATIONS.slice(0, 4), [], 0);
    const insert = old.prepare('INSERT INTO rollup_hour (hour, agency, sent, sig_valid, st_16) VALUES (?, ?, ?, ?, ?)');
    // Hours 100..140 (more than one read of 24 hours), two agencies in odd hours; 141 not folded.
    for (let h = 100; h <= 141; h++) {
      insert.run(h, 5, h, 0, 1);
      if (h % 2) insert.run(h, 2, 0, h % 7, 0);
    }
    old.prepare("INSERT INTO meta (key, value) VALUES ('hours_compacted_until', '141')").run();
    old.close();

    const cache = openCache({ path });
    const { packed, table } = packedAndTable(cache.db);
    expect(Object.keys(packed).map(Number)).toEqual(Array.from({ length: 41 }, (_, i) => 100 + i));
    expect(packed).toEqual(table);
    expect(packed[101]).toEqual([
      // Step store/7 takes the checks of a file that counted events as its checked documents.
      row(2, { [ROLLUP_COLUMNS.indexOf('sig_valid')]: 3, [ROLLUP_COLUMNS.indexOf('sig_checked')]: 3 }),
      row(5, { 0: 101, [ROLLUP_COLUMNS.indexOf('st_16')]: 1 }),
    ]);
    cache.close();
  });

  it('are packed anew when a cache holds packs written for other columns', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    const T = Date.UTC(2026, 10, 22, 20, 30);
    const send = (seq: number, at: number) =>
      msg(seq, at, 'document.sent', {
        docId: `${A.ngheAn},2026/11/22,${seq}/VB`,
        sender: A.ngheAn,
        recipients: [A.vpcp],
        attachments: 1,
        sizeBytes: 1,
      });
    const cache = openCache({ path, now: () => T });
    cache.applyBatch([hello(), send(1, T - 10 * HOUR), send(2, T - 9 * HOUR), send(3, T)]);
    const good = packedAndTable(cache.db);
    expect(Object.keys(good.packed).length).toBe(2);
    // As if an older build had packed them for another list of columns.
    cache.db.exec("DELETE FROM hour_packs; UPDATE meta SET value = 'sent,received' WHERE key = 'hour_packs_columns'");
    cache.close();

    const again = openCache({ path, now: () => T });
    expect(packedAndTable(again.db)).toEqual(good);
    again.close();
  });
});
