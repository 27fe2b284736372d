/** One document (văn bản) and where it got to with each recipient, for the describe view: indexed reads. */
import { STATUS_CODES, type StatusCode } from '../protocol/index.js';
import { statusBit } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import type { DocumentRecord } from './types.js';

interface DeliveryRowRaw {
  recipient: number;
  reply_by: number | null;
  delivered_at: number | null;
  failed_at: number | null;
  fail_reason: string | null;
  statuses: number;
  arrived_at: number | null;
  accepted_at: number | null;
  answered_at: number | null;
}

export function documentRecord(ctx: MetricsContext, docId: string): DocumentRecord | null {
  const doc = ctx
    .statement('SELECT id, sender, sent_at, reply_by, subject, sends FROM documents WHERE doc_id = ?')
    .get(docId) as
    | { id: number; sender: number; sent_at: number; reply_by: number | null; subject: string | null; sends: number }
    | undefined;
  if (!doc) return null;
  const rows = ctx
    .statement(
      `SELECT recipient, reply_by, delivered_at, failed_at, fail_reason, statuses, arrived_at, accepted_at, answered_at
       FROM deliveries WHERE doc = ? ORDER BY recipient`,
    )
    .all(doc.id) as DeliveryRowRaw[];
  return {
    docId,
    sender: ctx.ids.codeOf(doc.sender),
    sentAt: doc.sent_at,
    replyBy: doc.reply_by,
    subject: doc.subject,
    sends: doc.sends,
    recipients: rows.map((r) => ({
      recipient: ctx.ids.codeOf(r.recipient),
      replyBy: r.reply_by,
      deliveredAt: r.delivered_at,
      failedAt: r.failed_at,
      failReason: r.fail_reason,
      statuses: STATUS_CODES.filter((c: StatusCode) => (r.statuses & statusBit(c)) !== 0),
      arrivedAt: r.arrived_at,
      acceptedAt: r.accepted_at,
      answeredAt: r.answered_at,
    })),
  };
}
