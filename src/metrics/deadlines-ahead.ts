import type Database from 'better-sqlite3';

/** Per recipient: open deadlines not yet due, and how many of them fall due within 24 hours. */
export type Ahead = readonly [notYetDue: number, dueWithin24h: number];

const DAY = 86_400_000;
/** An open reply deadline: a delivery with a reply-by and no answer yet. */
export const OPEN = 'reply_by IS NOT NULL AND answered_at IS NULL';
/** Past this many changed recipients, one full read costs less than reading each again. */
const FULL_READ_ABOVE = 2_000;

type Triples = [number, number, number][];

/**
 * Open reply deadlines still in the future, per recipient, as of an instant: what separates
 * an agency's open deadlines (kept on ingest) from its overdue ones. A national cache holds
 * thousands of them; reading and grouping them all costs ~8 ms a call, on every refresh of
 * three screens. This keeps them in the process and moves them along:
 * - from the instant of the last read to this one, the deadlines that fell due leave the
 *   counts, and those that came within 24 hours join the soon-due ones: two reads of the
 *   due-date index over the time that passed;
 * - a recipient whose deadlines changed since (a new deadline document, an answer) is read
 *   again whole: the writer stamps its `deadline_counts` row with a new rev (store/6), and no
 *   open deadline changes without that row changing.
 * Everything is read in one snapshot. A read for an earlier instant than the last, or after
 * many changes, reads everything again.
 */
export class DeadlinesAhead {
  private byId = new Map<number, [number, number]>();
  private at: number | null = null;
  /** Highest `deadline_counts` rev seen. */
  private rev = -1;
  private readonly changed;
  private readonly newestRev;
  private readonly recipients;
  private readonly of;
  private readonly snapshot;

  constructor(
    db: Database.Database,
    /** Past this many changed recipients, read everything again. */
    private readonly fullReadAbove = FULL_READ_ABOVE,
  ) {
    this.changed = db
      .prepare<[number], [string, number | null]>(
        `SELECT coalesce(json_group_array(agency), '[]'), max(rev) FROM deadline_counts INDEXED BY deadline_counts_by_rev
         WHERE rev > ?`,
      )
      .raw();
    this.newestRev = db.prepare<[], number | null>('SELECT max(rev) FROM deadline_counts').pluck();
    // One recipient per deadline, counted here: grouping in SQL sorts them first, and costs
    // several times as much as handing the list over as one JSON text.
    this.recipients = db
      .prepare<{ from: number; to: number }, string>(
        `SELECT coalesce(json_group_array(recipient), '[]') FROM deliveries INDEXED BY deliveries_open_by_due
         WHERE ${OPEN} AND reply_by >= @from AND reply_by < @to`,
      )
      .pluck();
    this.of = db
      .prepare<{ now: number; soon: number; ids: string }, string>(
        `SELECT coalesce(json_group_array(json_array(recipient, n, soon)), '[]') FROM (
           SELECT recipient, count(*) n, sum(reply_by < @soon) soon FROM deliveries INDEXED BY deliveries_open_deadline
           WHERE recipient IN (SELECT value FROM json_each(@ids)) AND ${OPEN} AND reply_by >= @now GROUP BY recipient)`,
      )
      .pluck();
    this.snapshot = db.transaction((now: number) => this.update(now));
  }

  /** Per recipient id with any, [not yet due, due within 24 h] as of `now`; do not modify. */
  read(now: number): ReadonlyMap<number, Ahead> {
    try {
      this.snapshot(now);
    } catch (err) {
      // Moved partway (a busy or failing file): the next read starts over.
      this.at = null;
      this.byId = new Map();
      throw err;
    }
    return this.byId;
  }

  private update(now: number): void {
    if (this.at === null || now < this.at) return this.readAll(now, this.newestRev.get()!);
    const [ids, newest] = this.changed.get(this.rev)!;
    const changed = JSON.parse(ids) as number[];
    if (changed.length > this.fullReadAbove) return this.readAll(now, newest);
    if (now > this.at) {
      // Fell due since the last read: no longer ahead, nor soon.
      this.count(this.at, now, (a) => {
        a[0]--;
        a[1]--;
      });
      // Came within 24 hours since the last read.
      this.count(this.at + DAY, now + DAY, (a) => a[1]++);
    }
    if (changed.length > 0) {
      for (const agency of changed) this.byId.delete(agency);
      const rows = JSON.parse(this.of.get({ now, soon: now + DAY, ids })!) as Triples;
      for (let i = 0; i < rows.length; i++) this.byId.set(rows[i]![0], [rows[i]![1], rows[i]![2]]);
    }
    for (const [agency, a] of this.byId) if (a[0] <= 0) this.byId.delete(agency);
    this.at = now;
    if (newest !== null && newest > this.rev) this.rev = newest;
  }

  private readAll(now: number, newest: number | null): void {
    this.byId = new Map();
    const entry = (agency: number): [number, number] => {
      let a = this.byId.get(agency);
      if (!a) this.byId.set(agency, (a = [0, 0]));
      return a;
    };
    this.count(now, Number.MAX_SAFE_INTEGER, (a) => a[0]++, entry);
    this.count(now, now + DAY, (a) => a[1]++, entry);
    this.at = now;
    this.rev = newest ?? 0;
  }

  /**
   * Applies `f` once per open deadline due in [from, to) to its recipient's entry: the one
   * kept, or `entry`'s. By index: the first read runs once, unoptimised.
   */
  private count(
    from: number,
    to: number,
    f: (a: [number, number]) => void,
    entry: (agency: number) => [number, number] | undefined = (agency) => this.byId.get(agency),
  ): void {
    const list = JSON.parse(this.recipients.get({ from, to })!) as number[];
    for (let i = 0; i < list.length; i++) {
      const a = entry(list[i]!);
      if (a) f(a);
    }
  }
}
