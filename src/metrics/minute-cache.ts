import type Database from 'better-sqlite3';
import { OPEN_MINUTES } from '../store/hour-compaction.js';
import { ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';

/** One minute's rollup rows: every column of ROLLUP_COLUMNS, per agency. */
export interface MinuteRows {
  /** Agency ids, ascending. */
  readonly agencies: Int32Array;
  /** Row after row, ROLLUP_COLUMNS.length counts each. */
  readonly counts: Int32Array;
}

/** National sums of a window of minutes. */
export interface NationalSums {
  /** In the order of the columns asked for. */
  readonly sums: number[];
  /** Agencies with any of those columns above zero in the window. */
  readonly agenciesActive: number;
}

const WIDTH = ROLLUP_COLUMNS.length;
const COLUMN_AT = new Map<string, number>(ROLLUP_COLUMNS.map((c, i) => [c, i]));

/** Where each column sits in a row of `counts`. */
export function columnOffsets(columns: readonly RollupColumn[]): number[] {
  return columns.map((c) => COLUMN_AT.get(c)!);
}

/**
 * Closed minutes kept, behind the newest: the longest stretch a window reads from minutes (two
 * hours, see rangeParts) and some slack. Older minutes (a week-ago comparison) are read, not kept.
 */
const KEEP_MINUTES = 130;

/**
 * The minute rollups of the last two hours as this process last read them. Every refresh of a
 * live console reads them again (national totals every two seconds, the per-agency lists and
 * alert rules every minute): an hour is ~10,000 rows of up to 12,000 agencies, which SQLite had
 * to group by agency each time. Closed minutes are read once and kept; the open ones (see
 * OPEN_MINUTES) are read on every call. Kept minutes are dropped when the writer reports a late
 * event in a closed minute (`late_minute_rows`) or retention removes minutes.
 */
export class MinuteCache {
  private readonly kept = new Map<number, MinuteRows>();
  private version = '';
  /** Per agency id, the call that last counted it active (no set built per call). */
  private seen = new Uint32Array(0);
  private stamp = 0;
  private readonly newest;
  private readonly late;
  private readonly oldest;
  private readonly read;

  constructor(db: Database.Database) {
    this.newest = db.prepare("SELECT value FROM meta WHERE key = 'newest_minute'").pluck();
    this.late = db.prepare("SELECT n FROM counters WHERE name = 'late_minute_rows'").pluck();
    this.oldest = db.prepare('SELECT min(minute) FROM rollup_minute').pluck();
    this.read = db
      .prepare(
        `SELECT minute, agency, ${ROLLUP_COLUMNS.join(', ')} FROM rollup_minute
         WHERE minute BETWEEN ? AND ? ORDER BY minute, agency`,
      )
      .raw();
  }

  /** Each minute of m1..m2 (inclusive), oldest first; empty minutes too. Do not modify. */
  minutes(m1: number, m2: number): MinuteRows[] {
    if (m1 > m2) return [];
    const version = `${String(this.late.get() ?? 0)}/${String(this.oldest.get() ?? '')}`;
    if (version !== this.version) {
      this.kept.clear();
      this.version = version;
    }
    const newest = this.newest.get() as string | undefined;
    // Nothing is closed before the writer has recorded a newest minute.
    const closedUntil = newest === undefined ? m1 - 1 : Number(newest) - OPEN_MINUTES;
    const keepFrom = closedUntil - KEEP_MINUTES;
    const out: MinuteRows[] = [];
    // Before the kept stretch, and the open minutes after it: read, not kept.
    let m = m1;
    if (m < keepFrom) {
      const to = Math.min(m2, keepFrom - 1);
      append(out, this.readRange(m, to));
      m = to + 1;
    }
    const lastClosed = Math.min(m2, closedUntil);
    if (m <= lastClosed) {
      let missingFrom = m;
      while (missingFrom <= lastClosed && this.kept.has(missingFrom)) missingFrom++;
      let missingTo = lastClosed;
      while (missingTo >= missingFrom && this.kept.has(missingTo)) missingTo--;
      if (missingFrom <= missingTo) {
        const fresh = this.readRange(missingFrom, missingTo);
        for (let i = 0; i < fresh.length; i++) this.kept.set(missingFrom + i, fresh[i]!);
      }
      for (; m <= lastClosed; m++) out.push(this.kept.get(m)!);
    }
    if (m <= m2) append(out, this.readRange(m, m2));
    for (const k of this.kept.keys()) if (k < keepFrom) this.kept.delete(k);
    return out;
  }

  /** `columns` summed over every agency for the minutes m1..m2 (inclusive). */
  national(columns: readonly RollupColumn[], m1: number, m2: number): NationalSums {
    const at = columnOffsets(columns);
    const sums = new Array<number>(columns.length).fill(0);
    const stamp = this.nextStamp();
    let agenciesActive = 0;
    for (const { agencies, counts } of this.minutes(m1, m2)) {
      for (let r = 0; r < agencies.length; r++) {
        const base = r * WIDTH;
        let any = false;
        for (let c = 0; c < at.length; c++) {
          const v = counts[base + at[c]!]!;
          if (v !== 0) {
            sums[c]! += v;
            any = true;
          }
        }
        if (any && this.mark(agencies[r]!, stamp)) agenciesActive++;
      }
    }
    return { sums, agenciesActive };
  }

  private readRange(m1: number, m2: number): MinuteRows[] {
    const rows = this.read.all(m1, m2) as number[][];
    const out: MinuteRows[] = [];
    let i = 0;
    for (let m = m1; m <= m2; m++) {
      let end = i;
      while (end < rows.length && rows[end]![0] === m) end++;
      const agencies = new Int32Array(end - i);
      const counts = new Int32Array((end - i) * WIDTH);
      for (let r = 0; r < agencies.length; r++) {
        const row = rows[i + r]!;
        agencies[r] = row[1]!;
        for (let c = 0; c < WIDTH; c++) counts[r * WIDTH + c] = row[c + 2]!;
      }
      out.push({ agencies, counts });
      i = end;
    }
    return out;
  }

  private nextStamp(): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }

  /** Marks an agency as seen in this call; true if it was not yet. */
  private mark(id: number, stamp: number): boolean {
    if (id >= this.seen.length) {
      const grown = new Uint32Array(Math.max(id + 1, this.seen.length * 2, 1024));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.seen[id] === stamp) return false;
    this.seen[id] = stamp;
    return true;
  }
}

/** Appends in a loop: a long window (months of minutes on a young cache) is too many arguments for push(...). */
function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]!);
}
