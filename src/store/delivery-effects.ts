import type Database from 'better-sqlite3';
import type { DeliveryFailureReason, StatusCode } from '../protocol/index.js';
import type { DeadlineChanges } from './deadline-changes.js';
import type { DeliveryDrafts } from './delivery-drafts.js';
import { statusBit } from './rollup-columns.js';

const earliest = (kept: number | null, ts: number): number => (kept === null || ts < kept ? ts : kept);

/**
 * What a document's follow-ups change in its deliveries: in memory when drafted in this batch,
 * else in the row. Every time kept is the earliest, so storage order does not matter (docs/FIGURES.md).
 */
export class DeliveryEffects {
  private readonly markDelivered;
  private readonly markFailed;
  private readonly markStatus;
  private readonly answerOf;
  private readonly markAnswered;

  constructor(
    db: Database.Database,
    private readonly drafts: DeliveryDrafts,
    private readonly deadlines: DeadlineChanges,
  ) {
    this.markDelivered = db.prepare(
      `UPDATE deliveries SET delivered_at = @ts WHERE doc = @doc AND recipient = @recipient
         AND (delivered_at IS NULL OR delivered_at > @ts)`,
    );
    this.markFailed = db.prepare(
      `UPDATE deliveries SET failed_at = @ts, fail_reason = @reason WHERE doc = @doc AND recipient = @recipient
         AND (failed_at IS NULL OR failed_at > @ts OR (failed_at = @ts AND fail_reason > @reason))`,
    );
    // Positional parameters: binding them costs less than reading an object's named fields.
    this.markStatus = db.prepare<[number, number | null, number | null, number | null, number | null, number, number]>(
      `UPDATE deliveries SET statuses = statuses | ?,
         arrived_at = min(coalesce(arrived_at, ?), coalesce(?, arrived_at)),
         accepted_at = min(coalesce(accepted_at, ?), coalesce(?, accepted_at))
       WHERE doc = ? AND recipient = ?`,
    );
    this.answerOf = db.prepare<[number, number], { reply_by: number | null; answered_at: number | null }>(
      'SELECT reply_by, answered_at FROM deliveries WHERE doc = ? AND recipient = ?',
    );
    this.markAnswered = db.prepare<[number, number, number]>(
      'UPDATE deliveries SET answered_at = ? WHERE doc = ? AND recipient = ?',
    );
  }

  delivered(doc: number, recipient: number, ts: number): void {
    const draft = this.drafts.get(doc, recipient);
    if (draft) draft.deliveredAt = earliest(draft.deliveredAt, ts);
    else this.markDelivered.run({ ts, doc, recipient });
  }

  failed(doc: number, recipient: number, ts: number, reason: DeliveryFailureReason): void {
    const draft = this.drafts.get(doc, recipient);
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
    const draft = this.drafts.get(doc, agency);
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
    const draft = this.drafts.get(doc, agency);
    const row = draft ? undefined : this.answerOf.get(doc, agency);
    const replyBy = draft ? draft.replyBy : (row?.reply_by ?? null);
    const before = draft ? draft.answeredAt : (row?.answered_at ?? null);
    if (replyBy === null || (before !== null && before <= ts)) return;
    if (draft) draft.answeredAt = ts;
    else this.markAnswered.run(ts, doc, agency);
    this.deadlines.answered(agency, ts, replyBy, before);
  }
}
