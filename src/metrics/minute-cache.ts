import type Database from 'better-sqlite3';
import { OPEN_MINUTES } from '../store/hour-compaction.js';
import type { RollupColumn } from '../store/rollup-columns.js';

/** One closed minute over every agency: each column's sum, and the agencies with any count. */
interface NationalMinute {
  readonly sums: Float64Array;
  readonly active: Int32Array;
}

/** Closed minutes kept, behind the newest one: the longest window read from minutes, and slack. */
const KEEP_MINUTES = 180;

/** National sums of a window of minutes. */
export interface NationalSums {
  /** In the order of the columns asked for. */
  readonly sums: number[];
  /** Agencies with any of those columns above zero in the window. */
  readonly agenciesActive: number;
}

/**
 * National sums of short windows (the Overview's, read every two seconds), with each closed
 * minute summed once and kept: only the open minutes are read again. An hour's window is
 * ~10,000 minute rows of up to 12,000 agencies; summing them all on every refresh was most of
 * a live console's reads. Kept minutes are dropped when the writer reports a late event in a
 * closed minute (`late_minute_rows`, see OPEN_MINUTES) or retention removes minutes.
 */
export class MinuteCache {
  /** Column list → minute → its national figures. */
  private readonly byColumns = new Map<string, Map<number, NationalMinute>>();
  private version = '';
  /** Per agency id, the call that last counted it active (no set built per call). */
  private seen = new Uint32Array(0);
  private stamp = 0;
  private readonly newest;
  private readonly late;
  private readonly oldest;

  constructor(private readonly db: Database.Database) {
    this.newest = db.prepare("SELECT value FROM meta WHERE key = 'newest_minute'").pluck();
    this.late = db.prepare("SELECT n FROM counters WHERE name = 'late_minute_rows'").pluck();
    this.oldest = db.prepare('SELECT min(minute) FROM rollup_minute').pluck();
  }

  /** `columns` summed over every agency for the minutes m1..m2 (inclusive). */
  national(columns: readonly RollupColumn[], m1: number, m2: number): NationalSums {
    const late = this.late.get() as number | undefined;
    const oldest = this.oldest.get() as number | null;
    const version = `${late ?? 0}/${oldest ?? ''}`;
    if (version !== this.version) {
      this.byColumns.clear();
      this.version = version;
    }
    const newestValue = this.newest.get() as string | undefined;
    // Nothing is closed before the writer has recorded a newest minute.
    const closedUntil = newestValue === undefined ? m1 - 1 : Number(newestValue) - OPEN_MINUTES;
    const key = columns.join(',');
    let minutes = this.byColumns.get(key);
    if (!minutes) this.byColumns.set(key, (minutes = new Map()));

    const lastClosed = Math.min(m2, closedUntil);
    this.fill(minutes, columns, m1, lastClosed);
    const stamp = this.nextStamp();
    const sums = new Array<number>(columns.length).fill(0);
    let agenciesActive = 0;
    for (let m = m1; m <= lastClosed; m++) {
      const minute = minutes.get(m)!;
      for (let c = 0; c < sums.length; c++) sums[c]! += minute.sums[c]!;
      agenciesActive += this.mark(minute.active, stamp);
    }
    if (lastClosed < m2) {
      const open = this.read(columns, Math.max(m1, lastClosed + 1), m2);
      open.forEach((minute) => {
        for (let c = 0; c < sums.length; c++) sums[c]! += minute.sums[c]!;
        agenciesActive += this.mark(minute.active, stamp);
      });
    }
    for (const m of minutes.keys()) if (m < closedUntil - KEEP_MINUTES) minutes.delete(m);
    return { sums, agenciesActive };
  }

  /** Reads the closed minutes of m1..m2 not kept yet (minutes without rows are kept empty). */
  private fill(minutes: Map<number, NationalMinute>, columns: readonly RollupColumn[], m1: number, m2: number): void {
    let from = m1;
    while (from <= m2 && minutes.has(from)) from++;
    let to = m2;
    while (to >= from && minutes.has(to)) to--;
    if (from > to) return;
    this.read(columns, from, to).forEach((minute, m) => minutes.set(m, minute));
  }

  /** Each minute of m1..m2 (empty ones too), summed over every agency. */
  private read(columns: readonly RollupColumn[], m1: number, m2: number): Map<number, NationalMinute> {
    const rows = this.statement(columns).all(m1, m2) as number[][];
    const out = new Map<number, NationalMinute>();
    const n = columns.length;
    let i = 0;
    for (let m = m1; m <= m2; m++) {
      const sums = new Float64Array(n);
      const active: number[] = [];
      for (; i < rows.length && rows[i]![0] === m; i++) {
        const row = rows[i]!;
        let any = false;
        for (let c = 0; c < n; c++) {
          const v = row[c + 2]!;
          sums[c]! += v;
          if (v > 0) any = true;
        }
        if (any) active.push(row[1]!);
      }
      out.set(m, { sums, active: Int32Array.from(active) });
    }
    return out;
  }

  private readonly statements = new Map<string, Database.Statement>();

  private statement(columns: readonly RollupColumn[]): Database.Statement {
    const key = columns.join(',');
    let s = this.statements.get(key);
    if (!s) {
      s = this.db
        .prepare(
          `SELECT minute, agency, ${columns.join(', ')} FROM rollup_minute WHERE minute BETWEEN ? AND ? ORDER BY minute`,
        )
        .raw();
      this.statements.set(key, s);
    }
    return s;
  }

  private nextStamp(): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }

  /** Marks the agencies as seen in this call; returns how many were not seen before. */
  private mark(active: Int32Array, stamp: number): number {
    let fresh = 0;
    for (let i = 0; i < active.length; i++) {
      const id = active[i]!;
      if (id >= this.seen.length) {
        const grown = new Uint32Array(Math.max(id + 1, this.seen.length * 2, 1024));
        grown.set(this.seen);
        this.seen = grown;
      }
      if (this.seen[id] !== stamp) {
        this.seen[id] = stamp;
        fresh++;
      }
    }
    return fresh;
  }
}
