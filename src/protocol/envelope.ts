import { z } from 'zod';
import { dataSchemas, MESSAGE_TYPES, type MessageType } from './messages.js';
import { isoTimestampSchema, seqSchema } from './primitives.js';
import { PROTOCOL_VERSION } from './version.js';

/** The fields every message carries, whatever its type. */
export const envelopeSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  seq: seqSchema,
  ts: isoTimestampSchema,
  type: z.string().min(1).max(64),
});

/** Envelope and payload of one known type. */
const messageSchema = <T extends MessageType>(type: T) =>
  envelopeSchema.extend({ type: z.literal(type), data: dataSchemas[type] });
type MessageSchemas = { [T in MessageType]: ReturnType<typeof messageSchema<T>> };

/** Envelope and payload of each known type as one schema, built once. */
export const messageSchemas = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, messageSchema(t)])) as MessageSchemas;

/** Every known message as one discriminated union on `type`. */
export const telemetryMessageSchema = z.discriminatedUnion(
  'type',
  Object.values(messageSchemas) as [MessageSchemas[MessageType], ...MessageSchemas[MessageType][]],
);
export type TelemetryMessage = { [T in MessageType]: z.infer<MessageSchemas[T]> }[MessageType];

/** The message of one type, narrowed from the union. */
export type MessageOf<T extends MessageType> = Extract<TelemetryMessage, { type: T }>;

/** A message of a type this client does not know (a newer hub), stored as is so its seq is no gap. */
export interface UnknownMessage extends z.infer<typeof envelopeSchema> {
  readonly unknown: true;
  readonly data: unknown;
}
