/** One document exchange → `document.sent` (unless already sent), `signature.verified`, delivered or failed. */
import { documentIdSchema, vietnamIdDate, type EventType } from '../protocol/index.js';
import { failureReasonOf, signatureResultOf } from './fault-codes.js';
import type { OperationalRecord } from './op-records.js';
import type { SimEvent } from '../sim/generator.js';

/** A durable event before it is numbered: the simulator's shape. */
export type PendingEvent = SimEvent;

export interface ExchangeContext {
  /** Service codes that carry documents (`--documents`). */
  readonly documentServices: ReadonlySet<string>;
  agencyOf(memberClass: string, memberCode: string, subsystemCode?: string): string | undefined;
  /** Whether `sender` already sent `docId` (then only this recipient's outcome is new). */
  alreadySent(docId: string): boolean;
}

/** The edXML id: `messageIssue` when it is one, else sender, Vietnam day and the record's own number. */
function documentIdOf(record: OperationalRecord, sender: string): string {
  if (record.messageIssue && documentIdSchema.safeParse(record.messageIssue).success) return record.messageIssue;
  const day = vietnamIdDate(record.requestInTs);
  const number = (record.messageIssue ?? record.messageId).replace(/,/g, ' ').trim() || record.messageId;
  return `${sender},${day},${number}`.slice(0, 256);
}

/** The exchange's events, or why it was skipped. */
export function exchangeEvents(record: OperationalRecord, ctx: ExchangeContext) {
  if (!ctx.documentServices.has(record.serviceCode))
    return { kind: 'skipped', reason: 'not_a_document_service' } as const;
  const sender = ctx.agencyOf(record.client.memberClass, record.client.memberCode, record.client.subsystemCode);
  if (!sender) return { kind: 'skipped', reason: 'unknown_sender' } as const;
  const recipient = ctx.agencyOf(record.service.memberClass, record.service.memberCode, record.service.subsystemCode);
  if (!recipient) return { kind: 'skipped', reason: 'unknown_recipient' } as const;
  const docId = documentIdOf(record, sender);
  const sentAt = record.requestInTs;
  const doneAt = Math.max(sentAt, record.responseOutTs ?? sentAt);
  const events: PendingEvent[] = [];
  const push = (t: number, type: EventType, data: object): number => events.push({ t, type, data });
  const { requestAttachmentCount: attachments, requestSize: sizeBytes } = record;
  if (!ctx.alreadySent(docId))
    push(sentAt, 'document.sent', { docId, sender, recipients: [recipient], attachments, sizeBytes });
  const signature = record.succeeded ? 'valid' : signatureResultOf(record.faultCode ?? '', record.faultString ?? '');
  if (signature) push(sentAt, 'signature.verified', { docId, agency: sender, result: signature, kind: 'organisation' });
  if (record.succeeded) push(doneAt, 'document.delivered', { docId, recipient });
  else {
    const detail = [record.faultCode, record.faultString].filter(Boolean).join(': ').slice(0, 1024);
    const reason = failureReasonOf(record.faultCode, record.faultString);
    push(doneAt, 'document.failed', { docId, recipient, reason, ...(detail && { detail }) });
  }
  return { kind: 'events', events, docId } as const;
}
