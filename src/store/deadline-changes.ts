import { Prepared } from './prepared.js';

/** A batch's changes to each recipient's `deadline_counts`, summed in memory and written once per recipient. */
export class DeadlineChanges extends Prepared {
  /** Per batch and agency: [answered on time, answered late, opened, oldest reply-by opened]. */
  private readonly deadlines = new Map<number, [number, number, number, number | null]>();
  private readonly oldestOpen = this.db.prepare(
    `UPDATE deadline_counts SET oldest_open = (SELECT min(reply_by) FROM deliveries INDEXED BY deliveries_open_deadline
       WHERE recipient = @agency AND reply_by IS NOT NULL AND answered_at IS NULL) WHERE agency = @agency`,
  );
  private readonly deadlineCount = this.db.prepare(
    `INSERT INTO deadline_counts (agency, on_time, late, open, oldest_open)
       VALUES (@agency, @onTime, @late, @net, @oldest)
     ON CONFLICT (agency) DO UPDATE SET on_time = on_time + excluded.on_time, late = late + excluded.late,
       open = open + excluded.open,
       oldest_open = min(coalesce(oldest_open, excluded.oldest_open), coalesce(excluded.oldest_open, oldest_open))`,
  );

  opened(recipient: number, replyBy: number): void {
    const c = this.entry(recipient);
    c[2]++;
    c[3] = c[3] === null ? replyBy : Math.min(c[3], replyBy);
  }

  /** An open deadline of `recipient` ended unanswered (its document taken by a new history). */
  ended(recipient: number): void {
    this.entry(recipient)[2]--;
  }

  /** `agency` answered at `ts` a deadline due at `replyBy`, earlier than its answer stored `before` (if any). */
  answered(agency: number, ts: number, replyBy: number, before: number | null): void {
    const entry = this.entry(agency);
    if (before !== null) entry[before <= replyBy ? 0 : 1]--;
    entry[ts <= replyBy ? 0 : 1]++;
  }

  private entry(agency: number): [number, number, number, number | null] {
    let c = this.deadlines.get(agency);
    if (!c) this.deadlines.set(agency, (c = [0, 0, 0, null]));
    return c;
  }

  /** Writes the batch's changes (after the deliveries they name); returns the recipients whose counts it wrote. */
  flush(): number[] {
    const recipients = [...this.deadlines.keys()];
    for (const [agency, [onTime, late, opened, oldest]] of this.deadlines) {
      this.deadlineCount.run({ agency, onTime, late, net: opened - onTime - late, oldest });
      // An answer (or a deadline ended) may have closed the oldest open one: one seek for the new one.
      if (onTime + late > 0 || opened < 0) this.oldestOpen.run({ agency });
    }
    this.deadlines.clear();
    return recipients;
  }

  clear(): void {
    this.deadlines.clear();
  }
}
