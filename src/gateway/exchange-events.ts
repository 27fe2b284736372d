/**
 * One document exchange (an operational record of a document service) → the protocol's
 * events: `document.sent` (unless the sender already sent that document), the signature
 * result X-Road's verification gave, then `document.delivered` or `document.failed`.
 */
import { documentIdSchema, vietnamIdDate } from '../protocol/index.js';
import { failureReasonOf, signatureResultOf } from './fault-codes.js';
import type { OperationalRecord } from './op-records.js';

/** A durable event before it is numbered. */
export interface PendingEvent {
  /** Event time, epoch ms. */
  readonly t: number;
  readonly type: string;
  readonly data: object;
}

type ExchangeOutcome =
  | { readonly kind: 'events'; readonly events: PendingEvent[]; readonly docId: string }
  | { readonly kind: 'skipped'; readonly reason: 'not_a_document_service' | 'unknown_sender' | 'unknown_recipient' };

export interface ExchangeContext {
  /** Service codes that carry documents (`--documents`). */
  readonly documentServices: ReadonlySet<string>;
  agencyOf(memberClass: string, memberCode: string, subsystemCode?: string): string | undefined;
  /** Whether `sender` already sent `docId` (then only this recipient's outcome is new). */
  alreadySent(docId: string): boolean;
}

/**
 * The edXML id of the exchanged document: `messageIssue` when it is one, else the sender,
 * the day of the request in Vietnam and the record's own number (`messageIssue` or `messageId`).
 */
function documentIdOf(record: OperationalRecord, sender: string): string {
  if (record.messageIssue && documentIdSchema.safeParse(record.messageIssue).success) return record.messageIssue;
  const day = vietnamIdDate(record.requestInTs);
  const number = (record.messageIssue ?? record.messageId).replace(/,/g, ' ').trim() || record.messageId;
  return `${sender},${day},${number}`.slice(0, 256);
}

export function exchangeEvents(record: OperationalRecord, ctx: ExchangeContext): ExchangeOutcome {
  if (!ctx.documentServices.has(record.serviceCode)) return { kind: 'skipped', reason: 'not_a_document_service' };
  const sender = ctx.agencyOf(record.client.memberClass, record.client.memberCode, record.client.subsystemCode);
  if (!sender) return { kind: 'skipped', reason: 'unknown_sender' };
  const recipient = ctx.agencyOf(record.service.memberClass, record.service.memberCode, record.service.subsystemCode);
  if (!recipient) return { kind: 'skipped', reason: 'unknown_recipient' };
  const docId = documentIdOf(record, sender);
  const sentAt = record.requestInTs;
  const doneAt = Math.max(sentAt, record.responseOutTs ?? sentAt);
  const events: PendingEvent[] = [];
  if (!ctx.alreadySent(docId))
    events.push({
      t: sentAt,
      type: 'document.sent',
      data: {
        docId,
        sender,
        recipients: [recipient],
        attachments: record.requestAttachmentCount,
        sizeBytes: record.requestSize,
      },
    });
  const signature = record.succeeded ? 'valid' : signatureResultOf(record.faultCode ?? '', record.faultString ?? '');
  if (signature)
    events.push({
      t: sentAt,
      type: 'signature.verified',
      data: { docId, agency: sender, result: signature, kind: 'organisation' },
    });
  if (record.succeeded) events.push({ t: doneAt, type: 'document.delivered', data: { docId, recipient } });
  else {
    const detail = [record.faultCode, record.faultString].filter(Boolean).join(': ').slice(0, 1024);
    const reason = failureReasonOf(record.faultCode, record.faultString);
    events.push({ t: doneAt, type: 'document.failed', data: { docId, recipient, reason, ...(detail && { detail }) } });
  }
  return { kind: 'events', events, docId };
}
