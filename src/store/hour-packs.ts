import type Database from 'better-sqlite3';
import { AGENCY_ID_LIMIT } from './agency-ids.js';
import { Prepared } from './multi-row.js';
import type { RollupAccumulator } from './rollup-accumulator.js';
import { ROLLUP_COLUMNS } from './rollup-columns.js';
import type { ChangeSet } from './write-changes.js';

const WIDTH = ROLLUP_COLUMNS.length;

/** Hours packed per read of `rollup_hour` when many are packed at once (a schema step). */
const HOURS_PER_READ = 24;

/*
 * A folded hour's rollup rows, every agency's, packed in one row of `hour_packs (hour, rows)`: a 24-hour window of
 * 12,000 agencies is 22 blobs, not tens of thousands of rows for SQLite to hand over one value at a time. `rollup_hour`
 * stays the table of record; its writer packs an hour whenever its rows change (folded, or a late event lands in it).
 *
 * Layout: 32-bit words in the platform's byte order (little-endian on every platform Node supports but s390x). First
 * the hour's agencies: their number n, then n ids ascending (every agency with a row in the hour: a list of agencies
 * with data names them). Then for each column with any non-zero count (ascending position c in ROLLUP_COLUMNS): c, the
 * number k of agencies with a count there, then k pairs (agency, count) ascending by agency. Zeros are left out (most
 * rows have one or two non-zero counts); a reader skips the columns it does not want whole.
 */

/** Packs rows[from..to−1], ascending by agency, each the agency at `at` then the counts in ROLLUP_COLUMNS order. */
export function packRows(rows: readonly (readonly number[])[], from = 0, to = rows.length, at = 0): Buffer {
  const present = new Array<number>(WIDTH).fill(0);
  const agencies: number[] = [];
  for (let i = from; i < to; i++) {
    const row = rows[i]!;
    let any = false;
    for (let c = 0; c < WIDTH; c++) {
      if (row[at + 1 + c] !== 0) {
        present[c]!++;
        any = true;
      }
    }
    if (any) agencies.push(row[at]!);
  }
  let words = 1 + agencies.length;
  for (let c = 0; c < WIDTH; c++) if (present[c]) words += 2 + 2 * present[c]!;
  const out = new Int32Array(words);
  out[0] = agencies.length;
  out.set(agencies, 1);
  let w = 1 + agencies.length;
  for (let c = 0; c < WIDTH; c++) {
    if (!present[c]) continue;
    out[w++] = c;
    out[w++] = present[c]!;
    for (let i = from; i < to; i++) {
      const v = rows[i]![at + 1 + c]!;
      if (v === 0) continue;
      out[w++] = rows[i]![at]!;
      out[w++] = v;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** Where a pack's first column starts, past its agencies. */
export const firstColumn = (words: Int32Array): number => 1 + (words[0] ?? 0);

/** Where the column starting at word i ends (the next one starts). */
export const columnEnd = (words: Int32Array, i: number): number => i + 2 + 2 * words[i + 1]!;

/**
 * A pack's words, copied onto an aligned buffer (SQLite hands blobs over at any offset); empty if
 * malformed (a damaged file), so readers never follow a count past its end or an id out of range.
 */
export function unpackWords(blob: Uint8Array): Int32Array {
  const words = new Int32Array(blob.byteLength >>> 2);
  new Uint8Array(words.buffer).set(blob.subarray(0, words.byteLength));
  return wellFormed(words) ? words : new Int32Array(0);
}

function wellFormed(words: Int32Array): boolean {
  if (words.length === 0) return true;
  const n = words[0]!;
  if (n < 0 || 1 + n > words.length) return false;
  const id = (v: number): boolean => v >= 0 && v < AGENCY_ID_LIMIT;
  for (let j = 1; j <= n; j++) if (!id(words[j]!)) return false;
  for (let i = 1 + n; i < words.length;) {
    const c = words[i]!;
    const k = words[i + 1];
    if (c < 0 || c >= WIDTH || k === undefined || k < 0 || i + 2 + 2 * k > words.length) return false;
    for (let j = i + 2; j < i + 2 + 2 * k; j += 2) if (!id(words[j]!)) return false;
    i += 2 + 2 * k;
  }
  return true;
}

/** Writes hour packs from `rollup_hour` (inside the caller's transaction). */
export class HourPacker extends Prepared {
  private readonly read = this.db
    .prepare(
      `SELECT hour, agency, ${ROLLUP_COLUMNS.join(', ')} FROM rollup_hour WHERE hour >= ? AND hour < ? ORDER BY hour, agency`,
    )
    .raw();
  private readonly put = this.db.prepare('INSERT OR REPLACE INTO hour_packs (hour, rows) VALUES (?, ?)');
  private readonly drop = this.db.prepare('DELETE FROM hour_packs WHERE hour >= ? AND hour < ?');

  /** Packs every hour of h1..h2−1 anew; an hour without rows has no pack. */
  pack(h1: number, h2: number): void {
    for (let a = h1; a < h2; a += HOURS_PER_READ) {
      const b = Math.min(h2, a + HOURS_PER_READ);
      const rows = this.read.all(a, b) as number[][];
      this.drop.run(a, b);
      for (let start = 0; start < rows.length;) {
        const hour = rows[start]![0]!;
        let end = start;
        while (end < rows.length && rows[end]![0] === hour) end++;
        this.put.run(hour, packRows(rows, start, end, 1));
        start = end;
      }
    }
  }
}

/** The layout and columns packs are written for: packs name columns by position, so a change packs anew. */
const PACK_COLUMNS = `layout 1: ${ROLLUP_COLUMNS.join(',')}`;

/** Hours before this are folded into `rollup_hour` (and packed); null before the first fold. */
export function foldedUntil(db: Database.Database): number | null {
  const v = db.prepare("SELECT value FROM meta WHERE key = 'hours_compacted_until'").pluck().get() as
    string | undefined;
  return v === undefined ? null : Number(v);
}

/** Packs every hour folded so far anew, for today's columns. */
export function packFoldedHours(db: Database.Database): void {
  db.prepare('DELETE FROM hour_packs').run();
  const until = foldedUntil(db);
  const first = db.prepare('SELECT min(hour) FROM rollup_hour').pluck().get() as number | null;
  if (until !== null && first !== null) new HourPacker(db).pack(first, until);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('hour_packs_columns', ?)").run(PACK_COLUMNS);
}

/** Whether the cache's packs were written for today's columns. */
export function packsCurrent(db: Database.Database): boolean {
  return db.prepare("SELECT value FROM meta WHERE key = 'hour_packs_columns'").pluck().get() === PACK_COLUMNS;
}

/**
 * Hourly rollups are folded from the minute rollups in one set-based statement once an hour is over (with an hour's
 * slack for stragglers): far cheaper than upserting hours per event. Every hour before `until` is complete in
 * `rollup_hour`, and a late event for one is added to its row directly. Every folded hour is also packed (above), again
 * when a late event changes it, and goes into the transaction's `changes`. `newest_minute` (meta) sets the hours due.
 */
export class HourCompaction extends Prepared {
  private until: number | null = null;
  private newestMinute: number | null = null;
  private readonly foldHours = this.db.prepare(
    `INSERT INTO rollup_hour (hour, agency, ${ROLLUP_COLUMNS.join(', ')})
     SELECT minute / 60, agency, ${ROLLUP_COLUMNS.map((c) => `sum(${c})`).join(', ')} FROM rollup_minute
       WHERE minute >= ? AND minute < ? GROUP BY minute / 60, agency
     ON CONFLICT (hour, agency) DO UPDATE SET ${ROLLUP_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  private readonly newest = this.db.prepare<[], string>("SELECT value FROM meta WHERE key = 'newest_minute'").pluck();
  private readonly save = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  private readonly packer = new HourPacker(this.db);
  /** Folded hours the batch's late events changed, packed again once they are written. */
  private readonly lateHours = new Set<number>();

  constructor(
    db: Database.Database,
    private readonly changes: ChangeSet,
  ) {
    super(db);
    this.reload();
  }

  /** Before the minutes are written: copies counts of already-folded hours into `hours`. */
  routeLate(minutes: RollupAccumulator, hours: RollupAccumulator): void {
    if (this.until === null) return;
    const boundary = this.until * 60;
    for (const [minute, agency, counts] of minutes.entries()) {
      if (minute < boundary) {
        const hour = Math.floor(minute / 60);
        hours.addRow(hour, agency, counts);
        this.lateHours.add(hour);
      }
    }
  }

  /** After the hours are written: packs again the folded hours late events changed. */
  packLate(): void {
    for (const hour of this.lateHours) {
      this.packer.pack(hour, hour + 1);
      this.changes.hours.add(hour);
    }
    this.lateHours.clear();
  }

  /** After the minutes are written: records the batch's newest minute, which sets the hours due. */
  noteNewest(batchNewestMinute: number | null): void {
    if (batchNewestMinute === null || (this.newestMinute !== null && batchNewestMinute <= this.newestMinute)) return;
    this.newestMinute = batchNewestMinute;
    this.save.run('newest_minute', String(batchNewestMinute));
  }

  /** Hours that are over (an hour's slack for stragglers) and not folded yet. */
  due(): number {
    if (this.newestMinute === null) return 0;
    const target = Math.floor(this.newestMinute / 60) - 1;
    if (this.until === null) {
      const oldest = this.db.prepare('SELECT min(minute) FROM rollup_minute').pluck().get() as number | null;
      if (oldest === null) return 0;
      this.until = Math.floor(oldest / 60);
    }
    return Math.max(0, target - this.until);
  }

  /** Folds up to `maxHours` of the hours due, oldest first (in the caller's transaction); returns how many stay due. */
  fold(maxHours: number): number {
    const due = this.due();
    if (due === 0) return 0;
    const from = this.until!;
    const to = from + Math.min(due, maxHours);
    this.foldHours.run(from * 60, to * 60);
    this.packer.pack(from, to);
    for (let h = from; h < to; h++) this.changes.hours.add(h);
    this.until = to;
    this.save.run('hours_compacted_until', String(to));
    return due - (to - from);
  }

  /** Re-reads the boundary after a rolled-back transaction. */
  reload(): void {
    this.lateHours.clear();
    this.until = foldedUntil(this.db);
    const newest = this.newest.get();
    this.newestMinute = newest === undefined ? null : Number(newest);
  }
}
