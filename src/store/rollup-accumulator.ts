import type Database from 'better-sqlite3';
import { AGENCY_ID_LIMIT } from './agency-ids.js';
import { MultiRow } from './multi-row.js';
import { ROLLUP_COLUMNS } from './rollup-columns.js';

const WIDTH = ROLLUP_COLUMNS.length;

/**
 * Sums one batch's counts per (minute or hour, agency) in memory, then writes each touched row
 * once. Most rows carry one or two non-zero counters, so the upsert names only those columns:
 * rows are grouped by their set of columns, each group written many rows per statement.
 */
export class RollupAccumulator {
  private readonly rows = new Map<number, Float64Array>();
  private readonly groups = new Map<string, MultiRow>();

  constructor(
    private readonly db: Database.Database,
    private readonly unit: 'minute' | 'hour',
  ) {}

  add(unit: number, agency: number, column: number, n = 1): void {
    // The key packs (time unit, agency) into one safe integer.
    const key = unit * AGENCY_ID_LIMIT + agency;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = new Float64Array(WIDTH)));
    row[column] = row[column]! + n;
  }

  /** Adds another accumulator's row (minute counts into an hour), keyed by a new unit. */
  addRow(unit: number, agency: number, counts: Float64Array): void {
    for (let c = 0; c < WIDTH; c++) if (counts[c]) this.add(unit, agency, c, counts[c]);
  }

  /** Each pending row as (unit, agency, counts); for folding late minutes into hours. */
  *entries(): IterableIterator<[number, number, Float64Array]> {
    for (const [key, counts] of this.rows) yield [Math.floor(key / AGENCY_ID_LIMIT), key % AGENCY_ID_LIMIT, counts];
  }

  /** Writes every pending row (inside the caller's transaction) and empties the accumulator. */
  flush(): void {
    const cols: number[] = [];
    const row: number[] = [];
    const touched = new Set<MultiRow>();
    for (const [key, counts] of this.rows) {
      cols.length = 0;
      row.length = 0;
      row.push(Math.floor(key / AGENCY_ID_LIMIT), key % AGENCY_ID_LIMIT);
      for (let c = 0; c < WIDTH; c++) {
        if (counts[c]) {
          cols.push(c);
          row.push(counts[c]!);
        }
      }
      // A count moved to another minute and back (see DocCounts.tally) leaves nothing to write.
      if (cols.length === 0) continue;
      const group = this.group(cols);
      group.add(row);
      touched.add(group);
    }
    for (const group of touched) group.flush();
    this.rows.clear();
  }

  clear(): void {
    this.rows.clear();
  }

  private group(cols: readonly number[]): MultiRow {
    const key = cols.join(',');
    let group = this.groups.get(key);
    if (!group) {
      const names = cols.map((c) => ROLLUP_COLUMNS[c]!);
      const head = `INSERT INTO rollup_${this.unit} (${this.unit}, agency${names.map((n) => `, ${n}`).join('')}) VALUES `;
      const tail = ` ON CONFLICT (${this.unit}, agency) DO UPDATE SET ${names.map((n) => `${n} = ${n} + excluded.${n}`).join(', ')}`;
      const width = names.length + 2;
      group = new MultiRow(this.db, width, (rows) => head + MultiRow.placeholders(width, rows) + tail);
      this.groups.set(key, group);
    }
    return group;
  }
}
