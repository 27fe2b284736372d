import type Database from 'better-sqlite3';
import { OPEN_MINUTES } from '../store/hour-compaction.js';
import { ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import { IdMarks } from './tally.js';

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
 * hours, see rangeParts) and some slack. Windows further back (the start of a 24-hour window, a
 * week-ago comparison, a paused console's) are the caller's to read from SQLite.
 */
const KEEP_MINUTES = 130;
/** Reads of older minutes kept: each metric's two edges, now and a week earlier. */
const CLOSED_KEPT = 32;

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
  /** The agencies a call has counted active. */
  private readonly active = new IdMarks();
  private readonly newest;
  private readonly late;
  private readonly oldest;
  private readonly read;

  constructor(private readonly db: Database.Database) {
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

  /**
   * The minutes of m1..m2 (inclusive) this cache serves, oldest first, empty ones too: those
   * from `from` on (the last two hours, open minutes included). Minutes m1..from−1 are older:
   * the caller reads them from SQLite, for the columns it needs. Do not modify the rows.
   */
  recent(m1: number, m2: number): { readonly from: number; readonly minutes: MinuteRows[] } {
    this.checkVersion();
    const newest = this.newest.get() as string | undefined;
    // Nothing is closed before the writer has recorded a newest minute.
    const closedUntil = newest === undefined ? m2 : Number(newest) - OPEN_MINUTES;
    const keepFrom = newest === undefined ? m2 + 1 : closedUntil - KEEP_MINUTES;
    for (const k of this.kept.keys()) if (k < keepFrom) this.kept.delete(k);
    const from = Math.min(Math.max(m1, keepFrom), m2 + 1);
    const minutes: MinuteRows[] = [];
    const lastClosed = Math.min(m2, closedUntil);
    let m = from;
    if (m <= lastClosed) {
      let missingFrom = m;
      while (missingFrom <= lastClosed && this.kept.has(missingFrom)) missingFrom++;
      let missingTo = lastClosed;
      while (missingTo >= missingFrom && this.kept.has(missingTo)) missingTo--;
      if (missingFrom <= missingTo) {
        const fresh = this.readRange(missingFrom, missingTo);
        for (let i = 0; i < fresh.length; i++) this.kept.set(missingFrom + i, fresh[i]!);
      }
      for (; m <= lastClosed; m++) minutes.push(this.kept.get(m)!);
    }
    // The open minutes: read on every call.
    if (m <= m2) {
      const open = this.readRange(m, m2);
      for (let i = 0; i < open.length; i++) minutes.push(open[i]!);
    }
    return { from, minutes };
  }

  /** `columns` summed over every agency for the minutes m1..m2 (inclusive). */
  national(columns: readonly RollupColumn[], m1: number, m2: number): NationalSums {
    const sums = new Array<number>(columns.length).fill(0);
    this.active.begin();
    let agenciesActive = 0;
    /** Adds one agency's row; counts the agency if it has any count and was not counted yet. */
    const add = (agency: number, values: ArrayLike<number>, base: number, at: readonly number[]): void => {
      let any = false;
      for (let c = 0; c < at.length; c++) {
        const v = values[base + at[c]!]!;
        if (v !== 0) {
          sums[c]! += v;
          any = true;
        }
      }
      if (any && this.active.mark(agency)) agenciesActive++;
    };
    const { from, minutes } = this.recent(m1, m2);
    if (from > m1) {
      const rows = this.older(columns, m1, from - 1);
      const inRow = columns.map((_, i) => i + 1);
      for (let i = 0; i < rows.length; i++) add(rows[i]![0]!, rows[i]!, 0, inRow);
    }
    const at = columnOffsets(columns);
    for (const { agencies, counts } of minutes)
      for (let r = 0; r < agencies.length; r++) add(agencies[r]!, counts, r * WIDTH, at);
    return { sums, agenciesActive };
  }

  private readonly olderStatements = new Map<string, Database.Statement>();
  /** Reads of older minutes last made (the edges of a day's window, or a paused console's). */
  private readonly closedReads = new Map<string, unknown>();

  /**
   * For minutes older than the kept ones (see `recent`): per agency, `columns` summed by SQLite
   * over m1..m2, as rows [agency, ...sums]. Do not modify the rows.
   */
  older(columns: readonly RollupColumn[], m1: number, m2: number): number[][] {
    const key = columns.join(',');
    return this.closed(`sums ${key} ${m1} ${m2}`, () => this.olderStatement(key, columns).all(m1, m2) as number[][]);
  }

  /**
   * A caller's read of closed minutes only (older than those `recent` serves), kept by `key`
   * until the writer reports a late event or retention removes minutes. Do not modify it.
   */
  closed<T>(key: string, read: () => T): T {
    this.checkVersion();
    if (this.closedReads.has(key)) return this.closedReads.get(key) as T;
    const value = read();
    this.closedReads.set(key, value);
    if (this.closedReads.size > CLOSED_KEPT) this.closedReads.delete(this.closedReads.keys().next().value!);
    return value;
  }

  /** Drops what was kept when closed minutes changed (a late event) or retention removed some. */
  private checkVersion(): void {
    const version = `${String(this.late.get() ?? 0)}/${String(this.oldest.get() ?? '')}`;
    if (version === this.version) return;
    this.kept.clear();
    this.closedReads.clear();
    this.version = version;
  }

  private olderStatement(key: string, columns: readonly RollupColumn[]): Database.Statement {
    let s = this.olderStatements.get(key);
    if (!s) {
      s = this.db
        .prepare(
          `SELECT agency, ${columns.map((c) => `sum(${c})`).join(', ')} FROM rollup_minute
           WHERE minute BETWEEN ? AND ? GROUP BY agency`,
        )
        .raw();
      this.olderStatements.set(key, s);
    }
    return s;
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
}
