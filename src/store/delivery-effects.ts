import type Database from 'better-sqlite3';
import type { DeliveryFailureReason, StatusCode } from '../protocol/index.js';
import type { DeadlineChanges } from './deadline-changes.js';
import { MultiRow } from './multi-row.js';
import { Prepared } from './prepared.js';
import { statusBit } from './rollup-columns.js';

/** One recipient's copy of a document as it stands within the current batch. */
export interface DeliveryDraft {
  readonly doc: number;
  readonly recipient: number;
  sentAt: number;
  readonly replyBy: number | null;
  deliveredAt: number | null;
  failedAt: number | null;
  failReason: string | null;
  statuses: number;
  arrivedAt: number | null;
  acceptedAt: number | null;
  answeredAt: number | null;
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
 * What a document's sends and follow-ups change in its deliveries. Every time kept is the earliest,
 * so storage order does not matter (docs/FIGURES.md). Deliveries of documents first sent in the
 * current batch are drafts in memory until it is written: in a catch-up their follow-ups mostly
 * come in the same batch, and folding them into the row before its insert saves an UPDATE per
 * event and the churn of the partial indexes. Other follow-ups update the row.
 */
export class DeliveryEffects extends Prepared {
  private readonly byDoc = new Map<number, Map<number, DeliveryDraft>>();
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

  constructor(
    db: Database.Database,
    private readonly deadlines: DeadlineChanges,
  ) {
    super(db);
  }

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
      drafts.set(recipient, {
        doc,
        recipient,
        sentAt,
        replyBy,
        deliveredAt: null,
        failedAt: null,
        failReason: null,
        statuses: 0,
        arrivedAt: null,
        acceptedAt: null,
        answeredAt: null,
      });
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
    this.deadlines.answered(agency, ts, replyBy, before);
  }

  /** Inserts every draft (inside the batch's transaction) and forgets them. */
  flush(): void {
    for (const drafts of this.byDoc.values()) for (const d of drafts.values()) this.rows.add(draftRow(d));
    this.rows.flush();
    this.byDoc.clear();
  }

  clear(): void {
    this.rows.clear();
    this.byDoc.clear();
  }
}
