import type Database from 'better-sqlite3';
import { foldedUntil, HourPacker } from './hour-packs.js';
import { ROLLUP_COLUMNS } from './rollup-columns.js';
import type { RollupAccumulator } from './rollup-accumulator.js';
import type { ChangeSet } from './write-changes.js';
import { Prepared } from './prepared.js';

/**
 * Hourly rollups are folded from the minute rollups in one set-based statement once an hour is
 * over (with an hour's slack for stragglers): far cheaper than upserting hours per event. Every
 * hour before `until` is complete in `rollup_hour`, and a late event for one is added to its
 * row directly. Every folded hour is also packed (`hour-packs.ts`), again when a late event
 * changes it, and goes into the transaction's `changes`. `newest_minute` (meta) sets the hours due.
 */
export class HourCompaction extends Prepared {
  until: number | null = null;
  newestMinute: number | null = null;
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
    if (batchNewestMinute === null) return;
    if (this.newestMinute === null || batchNewestMinute > this.newestMinute) {
      this.newestMinute = batchNewestMinute;
      this.save.run('newest_minute', String(batchNewestMinute));
    }
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
