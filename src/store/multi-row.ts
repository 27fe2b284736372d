import type Database from 'better-sqlite3';

/** A class over one connection: its fields prepare their statements from `this.db`, once, as it is built. */
export abstract class Prepared {
  constructor(protected readonly db: Database.Database) {}
}

/** Most rows one execution carries; 32 rows of 11 columns stay far below SQLite's 32,766 parameters. */
const MAX_ROWS = 32;

/**
 * One statement run over many rows, up to 32 per execution (`VALUES (…), (…), …`): an execution
 * costs about as much as writing a small row, so at 32 rows per call an event row costs ~3 µs
 * instead of ~5.5 µs. `sql(rows)` builds the statement for a power-of-two number of rows.
 */
export class MultiRow {
  private readonly values: unknown[] = [];
  private readonly sized = new Map<number, { statement: Database.Statement; params: unknown[] }>();

  constructor(
    private readonly db: Database.Database,
    /** Values per row. */
    private readonly width: number,
    private readonly sql: (rows: number) => string,
  ) {}

  /** The `(?, ?, …), (?, ?, …)` list of a statement of `rows` rows of `width` values. */
  static placeholders(width: number, rows: number): string {
    const one = `(${new Array<string>(width).fill('?').join(', ')})`;
    return new Array<string>(rows).fill(one).join(', ');
  }

  /** Queues one row; `row` must hold exactly `width` values. */
  add(row: ArrayLike<unknown>): void {
    for (let i = 0; i < this.width; i++) this.values.push(row[i]);
  }

  /** Runs the queued rows (inside the caller's transaction); returns the rows changed. The queue is emptied even if a row fails. */
  flush(): number {
    const rows = this.values.length / this.width;
    let changes = 0;
    let done = 0;
    try {
      while (done < rows) {
        let size = MAX_ROWS;
        while (size > rows - done) size >>= 1;
        let s = this.sized.get(size);
        if (!s) {
          s = { statement: this.db.prepare(this.sql(size)), params: new Array<unknown>(size * this.width) };
          this.sized.set(size, s);
        }
        const from = done * this.width;
        for (let i = 0; i < s.params.length; i++) s.params[i] = this.values[from + i];
        changes += s.statement.run(s.params).changes;
        done += size;
      }
    } finally {
      this.values.length = 0;
    }
    return changes;
  }

  /** Forgets queued rows (after a rollback). */
  clear(): void {
    this.values.length = 0;
  }
}
