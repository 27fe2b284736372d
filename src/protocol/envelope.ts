import { z } from 'zod';
import { dataSchemas, type MessageType } from './messages.js';
import { isoTimestampSchema, seqSchema } from './primitives.js';
import { PROTOCOL_VERSION } from './version.js';

/** The fields every message carries, whatever its type. */
export const envelopeSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  seq: seqSchema,
  ts: isoTimestampSchema,
  type: z.string().min(1).max(64),
});
type Envelope = z.infer<typeof envelopeSchema>;

/** Names of the envelope's own fields; anything else beside them but `data` is unknown. */
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['v', 'seq', 'ts', 'type', 'data']);

/** Envelope and payload of one known type. */
export const messageSchema = <T extends MessageType>(type: T) =>
  envelopeSchema.extend({ type: z.literal(type), data: dataSchemas[type] });

/** Every known message as one discriminated union on `type`. */
export const telemetryMessageSchema = z.discriminatedUnion('type', [
  messageSchema('hello'),
  messageSchema('heartbeat'),
  messageSchema('reset'),
  messageSchema('registry.snapshot'),
  messageSchema('agency.upsert'),
  messageSchema('agency.removed'),
  messageSchema('server.upsert'),
  messageSchema('document.sent'),
  messageSchema('document.delivered'),
  messageSchema('document.failed'),
  messageSchema('status.reported'),
  messageSchema('document.replied'),
  messageSchema('signature.verified'),
  messageSchema('server.heartbeat'),
  messageSchema('server.state'),
]);
export type TelemetryMessage = z.infer<typeof telemetryMessageSchema>;

/** The message of one type, narrowed from the union. */
export type MessageOf<T extends MessageType> = Extract<TelemetryMessage, { type: T }>;

/** A message of a type this client does not know (a newer hub), stored as is so its seq is no gap. */
export interface UnknownMessage extends Envelope {
  readonly unknown: true;
  readonly data: unknown;
}
