import type Database from 'better-sqlite3';

/** One recipient's kept deadline counts: answered on time, answered late, open, oldest open reply-by. */
export type DeadlineCount = readonly [onTime: number, late: number, open: number, oldestOpen: number | null];

/**
 * What this process last read of `deadline_counts`, by agency id. The writer stamps every row
 * it changes with a new `rev` (schema step store/6), so a read fetches only the rows written
 * since the last one: nothing when the hub is quiet, the few agencies of the last batches when
 * it is live, instead of all ~12,000 recipients of a national registry each time. Rows are
 * never deleted, so the map only grows and changes.
 */
export class DeadlineCounts {
  private readonly byId = new Map<number, DeadlineCount>();
  /** Highest rev read; the file's rows before the step have 0, so the first read takes all. */
  private rev = -1;
  private readonly every;
  private readonly since;

  constructor(db: Database.Database) {
    // Packed into one JSON text: thousands of rows cost far less parsed at once than handed over one by one.
    const rows = (where: string) =>
      db
        .prepare<[number], string>(
          `SELECT coalesce(json_group_array(json_array(agency, on_time, late, open, oldest_open, rev)), '[]')
           FROM deadline_counts ${where}`,
        )
        .pluck();
    // The first read takes the table in its own order; later ones the few rows past a rev.
    this.every = rows('WHERE rev > ?');
    this.since = rows('INDEXED BY deadline_counts_by_rev WHERE rev > ?');
  }

  /** Every agency's counts as the cache holds them now; do not modify. */
  read(): ReadonlyMap<number, DeadlineCount> {
    const read = this.rev < 0 ? this.every : this.since;
    const rows = JSON.parse(read.get(this.rev)!) as [number, number, number, number, number | null, number][];
    // By index: the first read runs once, unoptimised, and destructuring goes through an iterator.
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      this.byId.set(row[0], [row[1], row[2], row[3], row[4]]);
      if (row[5] > this.rev) this.rev = row[5];
    }
    return this.byId;
  }
}
