import { z } from 'zod';
import { DELIVERY_FAILURE_REASONS, serverStateSchema, SIGNATURE_RESULTS, statusCodeSchema } from './codes.js';
import {
  agencyIdSchema,
  countSchema,
  documentIdSchema,
  isoTimestampSchema,
  seqSchema,
  serverIdSchema,
  textSchema,
} from './primitives.js';
import { agencySchema, securityServerSchema } from './registry.js';

/** The payload (`data`) schema of every message type: the single source of truth of the protocol. */
export const dataSchemas = {
  /** Sent first on every connection: who the hub is and what it can replay. */
  hello: z.object({
    hubId: textSchema(128).min(1),
    hubName: textSchema(256).min(1),
    hubVersion: textSchema(64),
    /** Changes whenever the hub's sequence numbers start over. */
    epoch: textSchema(128).min(1),
    serverTime: isoTimestampSchema,
    newestSeq: seqSchema,
    oldestSeq: seqSchema,
    heartbeatMs: z.number().int().positive().max(3_600_000),
    /** What the hub's source cannot tell (a gateway: `statuses`, `deadlines`): "not reported", not zeros. */
    notReported: z.array(textSchema(64)).max(32).optional(),
  }),
  /** Sent when the stream is idle, so a client can tell a quiet hub from a dead link. */
  heartbeat: z.object({ serverTime: isoTimestampSchema, newestSeq: seqSchema }),
  /** The hub cannot resume from `requestedSince`; it streams from `oldestSeq` instead. */
  reset: z.object({
    /** Why the hub could not resume a client from the sequence it asked for. */
    reason: z.enum(['since_too_old', 'since_ahead', 'epoch_changed']),
    requestedSince: seqSchema,
    oldestSeq: seqSchema,
    newestSeq: seqSchema,
  }),
  /** The whole registry, split in parts, sent after hello on every connection. */
  'registry.snapshot': z.object({
    part: z.number().int().positive(),
    parts: z.number().int().positive(),
    agencies: z.array(agencySchema).max(5_000),
    securityServers: z.array(securityServerSchema).max(5_000),
  }),
  'agency.upsert': z.object({ agency: agencySchema }),
  'agency.removed': z.object({ id: agencyIdSchema }),
  'server.upsert': z.object({ server: securityServerSchema }),
  /** A document package (gói tin edXML) accepted from its sender. */
  'document.sent': z.object({
    docId: documentIdSchema,
    sender: agencyIdSchema,
    recipients: z.array(agencyIdSchema).min(1).max(2_000),
    attachments: countSchema,
    sizeBytes: countSchema,
    subject: textSchema(1024).optional(),
    /** DueDate (hạn trả lời) for a document that requires a reply. */
    replyBy: isoTimestampSchema.nullable().optional(),
  }),
  'document.delivered': z.object({ docId: documentIdSchema, recipient: agencyIdSchema }),
  'document.failed': z.object({
    docId: documentIdSchema,
    recipient: agencyIdSchema,
    reason: z.enum(DELIVERY_FAILURE_REASONS),
    detail: textSchema(1024).optional(),
  }),
  /** A recipient's processing status for a document (edXML status). */
  'status.reported': z.object({
    docId: documentIdSchema,
    agency: agencyIdSchema,
    code: statusCodeSchema,
  }),
  /** A reply from `agency` that answers the deadline document `docId`. */
  'document.replied': z.object({
    docId: documentIdSchema,
    agency: agencyIdSchema,
    replyDocId: documentIdSchema,
  }),
  /** The hub's verification of the sender's signature on a document. */
  'signature.verified': z.object({
    docId: documentIdSchema,
    agency: agencyIdSchema,
    result: z.enum(SIGNATURE_RESULTS),
    /** Whose signature: the organisation's, or a leader's personal one. */
    kind: z.enum(['organisation', 'personal']).optional(),
    issuer: textSchema(256).optional(),
  }),
  'server.heartbeat': z.object({
    serverId: serverIdSchema,
    latencyMs: z.number().nonnegative().max(3_600_000),
  }),
  'server.state': z.object({
    serverId: serverIdSchema,
    state: serverStateSchema,
    reason: textSchema(1024).optional(),
    latencyMs: z.number().nonnegative().max(3_600_000).optional(),
  }),
} as const;

export type MessageType = keyof typeof dataSchemas;
export const MESSAGE_TYPES = Object.keys(dataSchemas) as MessageType[];

/** Session messages describe the connection: their `seq` repeats the newest so far; never stored as events. */
const SESSION_TYPES = ['hello', 'heartbeat', 'reset', 'registry.snapshot'] as const;
export type EventType = Exclude<MessageType, (typeof SESSION_TYPES)[number]>;
const sessionTypeSet: ReadonlySet<string> = new Set(SESSION_TYPES);
export const isSessionType = (type: string): boolean => sessionTypeSet.has(type);
