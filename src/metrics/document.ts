/** One document (văn bản) and where it got to with each recipient, for the describe view: indexed reads. */
import { STATUS_CODES, type StatusCode } from '../protocol/index.js';
import { statusBit } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import type { DocumentRecord } from './types.js';

type Recipient = DocumentRecord['recipients'][number];

export function documentRecord(ctx: MetricsContext, docId: string): DocumentRecord | null {
  const doc = ctx
    .statement(
      'SELECT id, doc_id AS docId, sender, sent_at AS sentAt, reply_by AS replyBy, subject, sends FROM documents WHERE doc_id = ?',
    )
    .get(docId) as (Omit<DocumentRecord, 'sender' | 'recipients'> & { id: number; sender: number }) | undefined;
  if (!doc) return null;
  const rows = ctx
    .statement(
      `SELECT recipient, reply_by AS replyBy, delivered_at AS deliveredAt, failed_at AS failedAt, fail_reason AS failReason,
         statuses, arrived_at AS arrivedAt, accepted_at AS acceptedAt, answered_at AS answeredAt
       FROM deliveries WHERE doc = ? ORDER BY recipient`,
    )
    .all(doc.id) as (Omit<Recipient, 'recipient' | 'statuses'> & { recipient: number; statuses: number })[];
  const { id: _, ...record } = doc;
  return {
    ...record,
    sender: ctx.ids.codeOf(doc.sender),
    recipients: rows.map((r) => ({
      ...r,
      recipient: ctx.ids.codeOf(r.recipient),
      statuses: STATUS_CODES.filter((c: StatusCode) => (r.statuses & statusBit(c)) !== 0),
    })),
  };
}
