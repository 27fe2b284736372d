import type Database from 'better-sqlite3';
import type { RollupColumn } from '../store/rollup-columns.js';

/** One folded hour's sent and received per agency, for the sparklines. */
export interface HourTraffic {
  readonly hour: number;
  /** Agency ids, ascending. */
  readonly agencies: Int32Array;
  readonly sent: Float64Array;
  readonly received: Float64Array;
}

/** Results kept: a few metrics, each with its window and the same window a week earlier. */
const ENTRIES = 16;

/**
 * What this process last read from the folded hours, by the hours it covers. A 24-hour window
 * spans ~22 folded hours of up to 12,000 agencies; summing them in SQL and handing thousands of
 * rows to JavaScript on every refresh costs tens of milliseconds, yet the answer only changes
 * when the window moves to the next hour or the rows change. A folded hour's rows change in
 * two ways: rows added or removed (counted per hour, from the primary key alone) and a late
 * event added to a row the writer had already folded (counted by the writer in
 * `late_hour_rows`). Each lookup compares both with what they were when the result was read.
 */
export class HourCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();
  private readonly rowCounts;
  private readonly late;

  constructor(private readonly db: Database.Database) {
    this.rowCounts = db
      .prepare(
        'SELECT group_concat(n) FROM (SELECT count(*) n FROM rollup_hour WHERE hour BETWEEN ? AND ? GROUP BY hour)',
      )
      .pluck();
    this.late = db.prepare("SELECT n FROM counters WHERE name = 'late_hour_rows'").pluck();
  }

  /** Per agency, the sums of `columns` over the hours h1..h2 (inclusive); do not modify. */
  sums(h1: number, h2: number, columns: readonly RollupColumn[]): ReadonlyMap<number, readonly number[]> {
    return this.cached(`sums ${h1} ${h2} ${columns.join(',')}`, h1, h2, () => {
      const rows = this.db
        .prepare(
          `SELECT agency, ${columns.map((c) => `sum(${c})`).join(', ')} FROM rollup_hour
           WHERE hour BETWEEN ? AND ? GROUP BY agency`,
        )
        .raw()
        .all(h1, h2) as number[][];
      return new Map(rows.map((r) => [r[0]!, r.slice(1)]));
    });
  }

  /** Each hour of h1..h2 that holds rows, oldest first: sent and received per agency. */
  traffic(h1: number, h2: number): readonly HourTraffic[] {
    return this.cached(`traffic ${h1} ${h2}`, h1, h2, () => {
      const rows = this.db
        .prepare(
          'SELECT hour, agency, sent, received FROM rollup_hour WHERE hour BETWEEN ? AND ? ORDER BY hour, agency',
        )
        .raw()
        .all(h1, h2) as number[][];
      const out: HourTraffic[] = [];
      for (let start = 0; start < rows.length;) {
        const hour = rows[start]![0]!;
        let end = start;
        while (end < rows.length && rows[end]![0] === hour) end++;
        const n = end - start;
        const t = { hour, agencies: new Int32Array(n), sent: new Float64Array(n), received: new Float64Array(n) };
        for (let i = 0; i < n; i++) {
          const r = rows[start + i]!;
          t.agencies[i] = r[1]!;
          t.sent[i] = r[2]!;
          t.received[i] = r[3]!;
        }
        out.push(t);
        start = end;
      }
      return out;
    });
  }

  private cached<T>(key: string, h1: number, h2: number, read: () => T): T {
    const version = `${String(this.rowCounts.get(h1, h2))}/${String(this.late.get() ?? 0)}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = read();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
