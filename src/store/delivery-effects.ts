import type { DeliveryFailureReason, StatusCode } from '../protocol/index.js';
import { MultiRow, Prepared } from './multi-row.js';
import { statusBit } from './rollup-columns.js';

/** One recipient's copy of a document as it stands within the current batch. */
export class DeliveryDraft {
  deliveredAt: number | null = null;
  failedAt: number | null = null;
  failReason: string | null = null;
  statuses = 0;
  arrivedAt: number | null = null;
  acceptedAt: number | null = null;
  answeredAt: number | null = null;

  constructor(
    readonly doc: number,
    readonly recipient: number,
    public sentAt: number,
    readonly replyBy: number | null,
  ) {}
}

/** The deliveries columns a draft fills, in the order of {@link draftRow}. */
export const DRAFT_COLUMNS =
  'doc, recipient, sent_at, reply_by, delivered_at, failed_at, fail_reason, statuses, arrived_at, accepted_at, answered_at';

/** A draft as the values of a deliveries row, in {@link DRAFT_COLUMNS} order. */
export const draftRow = (d: DeliveryDraft): (number | string | null)[] => [
  d.doc,
  d.recipient,
  d.sentAt,
  d.replyBy,
  d.deliveredAt,
  d.failedAt,
  d.failReason,
  d.statuses,
  d.arrivedAt,
  d.acceptedAt,
  d.answeredAt,
];

const earliest = (kept: number | null, ts: number): number => (kept === null || ts < kept ? ts : kept);

/**
 * What a document's sends and follow-ups change in its deliveries and in each recipient's
 * `deadline_counts` (summed per batch, written once per recipient). Every time kept is the earliest,
 * so storage order does not matter (docs/FIGURES.md). Deliveries of documents first sent in the
 * current batch are drafts in memory until it is written: in a catch-up their follow-ups mostly
 * come in the same batch, and folding them into the row before its insert saves an UPDATE per
 * event and the churn of the partial indexes. Other follow-ups update the row.
 */
export class DeliveryEffects extends Prepared {
  private readonly byDoc = new Map<number, Map<number, DeliveryDraft>>();
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
  private readonly rows = new MultiRow(
    this.db,
    11,
    (n) => `INSERT OR IGNORE INTO deliveries (${DRAFT_COLUMNS}) VALUES ${MultiRow.placeholders(11, n)}`,
  );
  private readonly markDelivered = this.db.prepare(
    `UPDATE deliveries SET delivered_at = @ts WHERE doc = @doc AND recipient = @recipient
       AND (delivered_at IS NULL OR delivered_at > @ts)`,
  );
  private readonly markFailed = this.db.prepare(
    `UPDATE deliveries SET failed_at = @ts, fail_reason = @reason WHERE doc = @doc AND recipient = @recipient
       AND (failed_at IS NULL OR failed_at > @ts OR (failed_at = @ts AND fail_reason > @reason))`,
  );
  // Positional parameters: binding them costs less than reading an object's named fields.
  private readonly markStatus = this.db.prepare<
    [number, number | null, number | null, number | null, number | null, number, number]
  >(
    `UPDATE deliveries SET statuses = statuses | ?,
       arrived_at = min(coalesce(arrived_at, ?), coalesce(?, arrived_at)),
       accepted_at = min(coalesce(accepted_at, ?), coalesce(?, accepted_at))
     WHERE doc = ? AND recipient = ?`,
  );
  private readonly answerOf = this.db.prepare<
    [number, number],
    { reply_by: number | null; answered_at: number | null }
  >('SELECT reply_by, answered_at FROM deliveries WHERE doc = ? AND recipient = ?');
  private readonly markAnswered = this.db.prepare<[number, number, number]>(
    'UPDATE deliveries SET answered_at = ? WHERE doc = ? AND recipient = ?',
  );

  /** Whether the document's deliveries are drafts of this batch (so none is in the table yet). */
  holds(doc: number): boolean {
    return this.byDoc.has(doc);
  }

  /** Adds drafts for recipients not drafted yet; returns those added. */
  draft(doc: number, recipients: readonly number[], sentAt: number, replyBy: number | null): number[] {
    let drafts = this.byDoc.get(doc);
    if (!drafts) this.byDoc.set(doc, (drafts = new Map()));
    const added: number[] = [];
    for (const recipient of recipients) {
      const drafted = drafts.get(recipient);
      if (drafted) {
        if (sentAt < drafted.sentAt) drafted.sentAt = sentAt;
        continue;
      }
      drafts.set(recipient, new DeliveryDraft(doc, recipient, sentAt, replyBy));
      added.push(recipient);
    }
    return added;
  }

  delivered(doc: number, recipient: number, ts: number): void {
    const draft = this.byDoc.get(doc)?.get(recipient);
    if (draft) draft.deliveredAt = earliest(draft.deliveredAt, ts);
    else this.markDelivered.run({ ts, doc, recipient });
  }

  failed(doc: number, recipient: number, ts: number, reason: DeliveryFailureReason): void {
    const draft = this.byDoc.get(doc)?.get(recipient);
    if (!draft) this.markFailed.run({ ts, reason, doc, recipient });
    else if (
      draft.failedAt === null ||
      ts < draft.failedAt ||
      (ts === draft.failedAt && reason < (draft.failReason ?? ''))
    ) {
      draft.failedAt = ts;
      draft.failReason = reason;
    }
  }

  status(doc: number, agency: number, ts: number, code: StatusCode): void {
    const draft = this.byDoc.get(doc)?.get(agency);
    if (draft) {
      draft.statuses |= statusBit(code);
      if (code === '01') draft.arrivedAt = earliest(draft.arrivedAt, ts);
      if (code === '03') draft.acceptedAt = earliest(draft.acceptedAt, ts);
      return;
    }
    const arrived = code === '01' ? ts : null;
    const accepted = code === '03' ? ts : null;
    this.markStatus.run(statusBit(code), arrived, arrived, accepted, accepted, doc, agency);
  }

  replied(doc: number, agency: number, ts: number): void {
    const draft = this.byDoc.get(doc)?.get(agency);
    const row = draft ? undefined : this.answerOf.get(doc, agency);
    const replyBy = draft ? draft.replyBy : (row?.reply_by ?? null);
    const before = draft ? draft.answeredAt : (row?.answered_at ?? null);
    if (replyBy === null || (before !== null && before <= ts)) return;
    if (draft) draft.answeredAt = ts;
    else this.markAnswered.run(ts, doc, agency);
    // Answered at `ts` a deadline due at `replyBy`, earlier than its answer stored `before` (if any).
    const entry = this.deadline(agency);
    if (before !== null) entry[before <= replyBy ? 0 : 1]--;
    entry[ts <= replyBy ? 0 : 1]++;
  }

  /** `recipient` has a new open deadline, due at `replyBy`. */
  opened(recipient: number, replyBy: number): void {
    const c = this.deadline(recipient);
    c[2]++;
    c[3] = c[3] === null ? replyBy : Math.min(c[3], replyBy);
  }

  /** An open deadline of `recipient` ended unanswered (its document taken by a new history). */
  ended(recipient: number): void {
    this.deadline(recipient)[2]--;
  }

  private deadline(agency: number): [number, number, number, number | null] {
    let c = this.deadlines.get(agency);
    if (!c) this.deadlines.set(agency, (c = [0, 0, 0, null]));
    return c;
  }

  /** Inserts every draft, then the deadline counts (in the batch's transaction); returns the recipients counted. */
  flush(): number[] {
    for (const drafts of this.byDoc.values()) for (const d of drafts.values()) this.rows.add(draftRow(d));
    this.rows.flush();
    this.byDoc.clear();
    // After the deliveries: the oldest-open lookup reads them.
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
    this.rows.clear();
    this.byDoc.clear();
    this.deadlines.clear();
  }
}
