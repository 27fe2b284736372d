/** One document (văn bản) and where it got to with each recipient, for the describe view: indexed reads. */
import { STATUS_CODES, type StatusCode } from '../protocol/index.js';
import { statusBit } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import type { DocumentRecord } from './types.js';

export function documentRecord(ctx: MetricsContext, docId: string): DocumentRecord | null {
  const doc = ctx
    .statement('SELECT id, sender, sent_at, reply_by, subject, sends FROM documents WHERE doc_id = ?')
    .get(docId) as
    | { id: number; sender: number; sent_at: number; reply_by: number | null; subject: string | null; sends: number }
    | undefined;
  if (!doc) return null;
  const rows = ctx
    .statement(
      `SELECT recipient, reply_by AS replyBy, delivered_at AS deliveredAt, failed_at AS failedAt, fail_reason AS failReason,
         statuses, arrived_at AS arrivedAt, accepted_at AS acceptedAt, answered_at AS answeredAt
       FROM deliveries WHERE doc = ? ORDER BY recipient`,
    )
    .all(doc.id) as (Omit<DocumentRecord['recipients'][number], 'recipient' | 'statuses'> & {
    recipient: number;
    statuses: number;
  })[];
  return {
    docId,
    sender: ctx.ids.codeOf(doc.sender),
    sentAt: doc.sent_at,
    replyBy: doc.reply_by,
    subject: doc.subject,
    sends: doc.sends,
    recipients: rows.map((r) => ({
      ...r,
      recipient: ctx.ids.codeOf(r.recipient),
      statuses: STATUS_CODES.filter((c: StatusCode) => (r.statuses & statusBit(c)) !== 0),
    })),
  };
}
