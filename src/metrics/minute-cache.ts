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

/** A stretch's national sums, made elsewhere (see `HourCache.national`). */
export interface NationalPart {
  /** In the order of the columns asked for. */
  readonly sums: readonly number[];
  /** Agencies with any of those columns above zero in the stretch, each once. */
  readonly active: ArrayLike<number>;
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
 * Rows of closed minutes kept, least recently used dropped first: ~10 MB at most. A national
 * minute holds 100–200 rows at a working day's peak, so this keeps well over the minutes the
 * windows on screen read — the last two hours, the start of a 24-hour window and the same
 * stretches a week earlier — which slide on by a minute or two between refreshes.
 */
const KEPT_ROWS = 100_000;
/**
 * The longest stretch served minute by minute, ending at the window's end: a window's minutes
 * at either edge (up to an hour, or two before the writer folds them into hours). Anything
 * longer (a young cache with no hours folded yet) is summed by SQLite before it.
 */
const SPAN_MINUTES = 180;
/** A kept minute's share of KEPT_ROWS: its rows, and one for itself (a quiet minute has none). */
const weight = (m: MinuteRows): number => m.agencies.length + 1;
/** Reads of stretches before the minutes served kept (a young cache's long windows). */
const CLOSED_KEPT = 32;

/**
 * The minute rollups as this process last read them. Every refresh of a live console reads
 * them again (national totals every two seconds, the per-agency lists and alert rules every
 * minute): an hour is ~10,000 rows of up to 12,000 agencies, which SQLite had to group by agency
 * each time, and a window's edges a day or a week back came from pages the disk may no longer
 * cache. Closed minutes are read once and kept, the least recently used dropped beyond a
 * budget of rows; the open ones (see OPEN_MINUTES) are read on every call. Kept minutes are
 * dropped when the writer reports a late event in a closed minute (`late_minute_rows`) or
 * retention removes minutes.
 */
export class MinuteCache {
  /** Closed minutes, least recently used first. */
  private readonly kept = new Map<number, MinuteRows>();
  private keptRows = 0;
  private version = '';
  /** The agencies a call has counted active. */
  private readonly active = new IdMarks();
  private readonly newest;
  private readonly late;
  private readonly oldest;
  private readonly read;

  /** `keptRowsMax`: the rows of closed minutes kept at most (see KEPT_ROWS). */
  constructor(
    private readonly db: Database.Database,
    private readonly keptRowsMax = KEPT_ROWS,
  ) {
    this.newest = db.prepare("SELECT value FROM meta WHERE key = 'newest_minute'").pluck();
    this.late = db.prepare("SELECT n FROM counters WHERE name = 'late_minute_rows'").pluck();
    this.oldest = db.prepare('SELECT min(minute) FROM rollup_minute').pluck();
    // As one JSON text: a row handed over value by value cost ~7 µs (27 values), and the
    // first frame reads ~17,000 of them; parsed at once, less than half.
    this.read = db
      .prepare<[number, number], string>(
        `SELECT coalesce(json_group_array(json_array(minute, agency, ${ROLLUP_COLUMNS.join(', ')})
           ORDER BY minute, agency), '[]')
         FROM rollup_minute WHERE minute BETWEEN ? AND ?`,
      )
      .pluck();
  }

  /**
   * The rows of each minute of m1..m2 (inclusive) this cache serves, oldest first, empty ones
   * too: those from `from` on (the last SPAN_MINUTES of the range, and every minute not yet
   * closed). Minutes m1..from−1 are closed, the caller's to sum from SQLite (see `older`),
   * which keeps the sums: a minute still open there (a clock hours ahead of the newest event,
   * after an outage, while the hub replays the backlog in order) would keep a sum too low.
   * Do not modify the rows.
   */
  minutes(m1: number, m2: number): { readonly from: number; readonly minutes: MinuteRows[] } {
    this.checkVersion();
    const newest = this.newest.get() as string | undefined;
    // Nothing is closed before the writer has recorded a newest minute.
    const closedUntil = newest === undefined ? m1 - 1 : Number(newest) - OPEN_MINUTES;
    const from = Math.min(Math.max(m1, Math.min(m2 - SPAN_MINUTES + 1, closedUntil + 1)), m2 + 1);
    const lastClosed = Math.min(m2, closedUntil);
    const out: MinuteRows[] = [];
    let m = from;
    while (m <= lastClosed) {
      const kept = this.kept.get(m);
      if (kept) {
        // Most recently used: last in the map's order.
        this.kept.delete(m);
        this.kept.set(m, kept);
        out.push(kept);
        m++;
        continue;
      }
      // A run of minutes not kept, read in one range.
      let to = m;
      while (to < lastClosed && !this.kept.has(to + 1)) to++;
      const fresh = this.readRange(m, to);
      for (let i = 0; i < fresh.length; i++) {
        this.kept.set(m + i, fresh[i]!);
        this.keptRows += weight(fresh[i]!);
        out.push(fresh[i]!);
      }
      m = to + 1;
    }
    // The open minutes: read on every call.
    if (m <= m2) {
      const open = this.readRange(m, m2);
      for (let i = 0; i < open.length; i++) out.push(open[i]!);
    }
    this.trim();
    return { from, minutes: out };
  }

  /**
   * `columns` summed over every agency for the minutes of `ranges` (each m1..m2, inclusive;
   * an empty one has m1 > m2), plus `part`, a stretch summed elsewhere (the folded hours of a
   * long window): an agency counts as active once, whichever of them it has counts in.
   */
  national(
    columns: readonly RollupColumn[],
    ranges: readonly (readonly [number, number])[],
    part?: NationalPart,
  ): NationalSums {
    const sums = new Array<number>(columns.length).fill(0);
    this.active.begin();
    let agenciesActive = 0;
    if (part) {
      for (let c = 0; c < columns.length; c++) sums[c]! += part.sums[c]!;
      for (let i = 0; i < part.active.length; i++) if (this.active.mark(part.active[i]!)) agenciesActive++;
    }
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
    const at = columnOffsets(columns);
    const inRow = columns.map((_, i) => i + 1);
    for (const [m1, m2] of ranges) {
      if (m1 > m2) continue;
      const { from, minutes } = this.minutes(m1, m2);
      if (from > m1) {
        const rows = this.older(columns, m1, from - 1);
        for (let i = 0; i < rows.length; i++) add(rows[i]![0]!, rows[i]!, 0, inRow);
      }
      for (let k = 0; k < minutes.length; k++) {
        const { agencies, counts } = minutes[k]!;
        for (let r = 0; r < agencies.length; r++) add(agencies[r]!, counts, r * WIDTH, at);
      }
    }
    return { sums, agenciesActive };
  }

  private readonly olderStatements = new Map<string, Database.Statement>();
  /** Reads of minutes before those served (a young cache's long windows), last made. */
  private readonly closedReads = new Map<string, unknown>();

  /**
   * For minutes before those `minutes` serves, which are closed: per agency, `columns` summed
   * by SQLite over m1..m2, as rows [agency, ...sums]; every agency's (kept, see `closed`), or
   * given `scope` (JSON ids) those of the scope alone, read for them. Do not modify the rows.
   */
  older(columns: readonly RollupColumn[], m1: number, m2: number, scope: string | null = null): number[][] {
    const key = columns.join(',');
    if (scope !== null) return this.olderStatement(key, columns, true).all(m1, m2, scope) as number[][];
    return this.closed(
      `sums ${key} ${m1} ${m2}`,
      () => this.olderStatement(key, columns, false).all(m1, m2) as number[][],
    );
  }

  /**
   * A caller's read of closed minutes only (before those `minutes` serves), kept by `key`
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

  private olderStatement(key: string, columns: readonly RollupColumn[], scoped: boolean): Database.Statement {
    const name = `${scoped ? 'scoped ' : ''}${key}`;
    let s = this.olderStatements.get(name);
    if (!s) {
      s = this.db
        .prepare(
          `SELECT agency, ${columns.map((c) => `sum(${c})`).join(', ')} FROM rollup_minute
           WHERE minute BETWEEN ? AND ?${scoped ? ' AND agency IN (SELECT value FROM json_each(?))' : ''} GROUP BY agency`,
        )
        .raw();
      this.olderStatements.set(name, s);
    }
    return s;
  }

  /** Drops the least recently used minutes beyond the rows kept at most. */
  private trim(): void {
    for (const [minute, rows] of this.kept) {
      if (this.keptRows <= this.keptRowsMax) break;
      this.kept.delete(minute);
      this.keptRows -= weight(rows);
    }
  }

  /** Drops what was kept when closed minutes changed (a late event) or retention removed some. */
  private checkVersion(): void {
    const version = `${String(this.late.get() ?? 0)}/${String(this.oldest.get() ?? '')}`;
    if (version === this.version) return;
    this.kept.clear();
    this.keptRows = 0;
    this.closedReads.clear();
    this.version = version;
  }

  private readRange(m1: number, m2: number): MinuteRows[] {
    const rows = JSON.parse(this.read.get(m1, m2)!) as number[][];
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
        // The counts copied by the typed array itself: a loop over each column ran unoptimised
        // on the first frame, a quarter of it.
        row.shift();
        row.shift();
        counts.set(row, r * WIDTH);
      }
      out.push({ agencies, counts });
      i = end;
    }
    return out;
  }
}
