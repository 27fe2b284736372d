import type Database from 'better-sqlite3';
import { ROLLUP_COLUMNS } from '../store/rollup-columns.js';

/** Counters per row in a block: every rollup column, in `ROLLUP_COLUMNS` order. */
export const HOUR_WIDTH = ROLLUP_COLUMNS.length;

/** One folded hour of `rollup_hour`, every agency's row. */
export interface HourBlock {
  readonly hour: number;
  /** Agency ids, ascending. */
  readonly agencies: Int32Array;
  /** Row i's counters at [i·HOUR_WIDTH, (i+1)·HOUR_WIDTH). */
  readonly values: Float64Array;
  /** Row count and sum of every counter when read: what says the hour changed since. */
  readonly rows: number;
  readonly total: number;
}

/** Hours kept beyond those of the last call (a week-ago window and a day's worth of moves). */
const KEEP = 24 * 3;
const COLUMNS = ROLLUP_COLUMNS.join(', ');

/**
 * Folded hour rollups as this process last read them. A 24-hour window spans ~22 folded hours
 * of up to 12,000 agencies each; handing those rows from SQLite to JavaScript on every refresh
 * costs far more than summing them, and they almost never change once folded. So the rows are
 * read once and kept, and each call checks every hour with one grouped scan that sends only a
 * row count and a counter total per hour: a late event added to a folded hour raises the total,
 * retention removing it drops the count, and either makes the hour read again.
 */
export class HourCache {
  private readonly blocks = new Map<number, HourBlock>();
  private readonly fingerprint;
  private readonly rowsOf;

  constructor(db: Database.Database) {
    this.fingerprint = db
      .prepare(
        `SELECT hour, count(*), total(${ROLLUP_COLUMNS.join(' + ')}) FROM rollup_hour
         WHERE hour BETWEEN ? AND ? GROUP BY hour`,
      )
      .raw();
    this.rowsOf = db
      .prepare(`SELECT hour, agency, ${COLUMNS} FROM rollup_hour WHERE hour BETWEEN ? AND ? ORDER BY hour, agency`)
      .raw();
  }

  /** The hours h1..h2 (inclusive) that hold any row, oldest first, as they are now. */
  hours(h1: number, h2: number): HourBlock[] {
    const now = this.fingerprint.all(h1, h2) as [number, number, number][];
    let lo = Infinity;
    let hi = -Infinity;
    for (const [hour, rows, total] of now) {
      const b = this.blocks.get(hour);
      if (b && b.rows === rows && b.total === total) continue;
      lo = Math.min(lo, hour);
      hi = Math.max(hi, hour);
    }
    if (lo <= hi) this.read(lo, hi);
    const out: HourBlock[] = [];
    for (const [hour] of now) {
      const b = this.blocks.get(hour);
      if (b) out.push(b);
    }
    if (this.blocks.size > now.length + KEEP) {
      for (const hour of this.blocks.keys()) if (hour < h1 - KEEP || hour > h2 + KEEP) this.blocks.delete(hour);
    }
    return out;
  }

  private read(h1: number, h2: number): void {
    for (let h = h1; h <= h2; h++) this.blocks.delete(h);
    const rows = this.rowsOf.all(h1, h2) as number[][];
    let start = 0;
    while (start < rows.length) {
      const hour = rows[start]![0]!;
      let end = start;
      while (end < rows.length && rows[end]![0] === hour) end++;
      const n = end - start;
      const agencies = new Int32Array(n);
      const values = new Float64Array(n * HOUR_WIDTH);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const r = rows[start + i]!;
        agencies[i] = r[1]!;
        for (let c = 0; c < HOUR_WIDTH; c++) {
          const v = r[c + 2]!;
          values[i * HOUR_WIDTH + c] = v;
          total += v;
        }
      }
      this.blocks.set(hour, { hour, agencies, values, rows: n, total });
      start = end;
    }
  }
}
