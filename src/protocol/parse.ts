import {
  envelopeSchema,
  ENVELOPE_KEYS,
  messageSchema,
  type TelemetryMessage,
  type UnknownMessage,
} from './envelope.js';
import type { z } from 'zod';
import { dataSchemas, MESSAGE_TYPES, type MessageType } from './messages.js';
import { passesFastCheck } from './fast-check.js';
import { describeIssue, describeValue, keepRaw, type Rejection } from './rejection.js';
import { DEFAULT_MAX_FRAME_BYTES, PROTOCOL_VERSION } from './version.js';

/** What one frame yielded: usable messages in frame order, and what was set aside. */
export interface ParsedFrame {
  readonly messages: (TelemetryMessage | UnknownMessage)[];
  readonly rejections: Rejection[];
  /** Fields this client does not know, tolerated and counted (forward compatibility). */
  readonly unknownFields: number;
}

interface ParseOptions {
  readonly maxFrameBytes?: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const hasOwn = Object.prototype.hasOwnProperty;

export const isUnknownMessage = (m: TelemetryMessage | UnknownMessage): m is UnknownMessage =>
  (m as UnknownMessage).unknown === true;

function countUnknownKeys(obj: object, known: ReadonlySet<string> | Record<string, unknown>): number {
  let n = 0;
  const isSet = known instanceof Set;
  for (const key in obj) {
    if (isSet ? !known.has(key) : !hasOwn.call(known, key)) n++;
  }
  return n;
}

const reject = (raw: () => string, reason: Rejection['reason'], detail: string, ids = {}) => ({
  rejection: { reason, detail, raw: keepRaw(raw()), ...ids },
});

/** Validates one decoded JSON value as a message; never throws (an unknown type is an {@link UnknownMessage}). */
export function parseMessage(
  value: unknown,
  raw: () => string,
): { message: TelemetryMessage | UnknownMessage; unknownFields: number } | { rejection: Rejection } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return reject(raw, 'not_an_object', `expected object, got ${describeValue(value)}`);
  const obj = value as Record<string, unknown>;
  if (obj.v === PROTOCOL_VERSION && typeof obj.type === 'string') {
    const known = hasOwn.call(messageSchemas, obj.type);
    // The common case: a known type with exactly the protocol's fields, all valid.
    if (known && passesFastCheck(obj.type as MessageType, obj))
      return { message: obj as unknown as TelemetryMessage, unknownFields: 0 };
    // Then one schema call for envelope and payload together (extra fields are counted here);
    // anything it refuses goes the long way below, which words the reason.
    const whole = known ? messageSchemas[obj.type as MessageType] : undefined;
    const parsed = whole?.safeParse(obj);
    if (parsed?.success) {
      let unknownFields = countUnknownKeys(obj, ENVELOPE_KEYS);
      if (obj.data && typeof obj.data === 'object')
        unknownFields += countUnknownKeys(obj.data, dataSchemas[obj.type as MessageType].shape);
      return { message: parsed.data as TelemetryMessage, unknownFields };
    }
  }
  const ids = idsOf(obj);
  if (obj.v !== PROTOCOL_VERSION) {
    const got = obj.v === undefined ? 'nothing' : describeValue(obj.v);
    return reject(raw, 'unsupported_version', `v: expected ${PROTOCOL_VERSION}, got ${got}`, ids);
  }
  const env = envelopeSchema.safeParse(obj);
  if (!env.success) return reject(raw, 'invalid_envelope', describeIssue(env.error.issues, obj), ids);
  let unknownFields = countUnknownKeys(obj, ENVELOPE_KEYS);
  const e = env.data;
  const schema = hasOwn.call(dataSchemas, e.type) ? dataSchemas[e.type as MessageType] : undefined;
  if (!schema) {
    if (nestedDeeperThan(obj.data, MAX_UNKNOWN_DEPTH))
      return reject(
        raw,
        'invalid_message',
        `data: expected at most ${MAX_UNKNOWN_DEPTH} levels of nesting, got more`,
        ids,
      );
    return { message: { v: e.v, seq: e.seq, ts: e.ts, type: e.type, unknown: true, data: obj.data }, unknownFields };
  }
  const data = schema.safeParse(obj.data);
  if (!data.success) {
    const issues = data.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] }));
    return reject(raw, 'invalid_message', describeIssue(issues, obj), ids);
  }
  if (obj.data && typeof obj.data === 'object') unknownFields += countUnknownKeys(obj.data, schema.shape);
  return {
    message: { v: e.v, seq: e.seq, ts: e.ts, type: e.type, data: data.data } as TelemetryMessage,
    unknownFields,
  };
}

/** Envelope fields quoted in a rejection, when they can be read. */
function idsOf(obj: Record<string, unknown>): { seq?: number; type?: string } {
  const seq = typeof obj.seq === 'number' ? obj.seq : undefined;
  const type = typeof obj.type === 'string' ? obj.type.slice(0, 64) : undefined;
  return { ...(seq !== undefined && { seq }), ...(type !== undefined && { type }) };
}

/** Envelope and payload of each known type as one schema, for the fast path. */
const messageSchemas = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, messageSchema(t)])) as unknown as Record<
  MessageType,
  z.ZodType
>;

/** Parses one frame: a message or a JSON array of them, each standing alone (one bad never costs its neighbours). */
export function parseFrame(frame: string | Uint8Array, options: ParseOptions = {}): ParsedFrame {
  const maxBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const byteLength = typeof frame === 'string' ? Buffer.byteLength(frame) : frame.byteLength;
  const messages: ParsedFrame['messages'] = [];
  const rejections: Rejection[] = [];
  if (byteLength > maxBytes) {
    const head = typeof frame === 'string' ? frame.slice(0, 256) : Buffer.from(frame.subarray(0, 256)).toString('utf8');
    const detail = `expected at most ${maxBytes} bytes, got ${byteLength}`;
    rejections.push({ reason: 'frame_too_large', detail, raw: keepRaw(head) });
    return { messages, rejections, unknownFields: 0 };
  }
  let text: string;
  if (typeof frame === 'string') {
    text = frame;
  } else {
    try {
      text = decoder.decode(frame);
    } catch {
      const shown = Buffer.from(frame.subarray(0, 8192)).toString('utf8');
      rejections.push({
        reason: 'invalid_utf8',
        detail: 'expected UTF-8 text, got invalid bytes',
        raw: keepRaw(shown),
      });
      return { messages, rejections, unknownFields: 0 };
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    rejections.push({ reason: 'bad_json', detail: `expected JSON, got ${why}`, raw: keepRaw(text) });
    return { messages, rejections, unknownFields: 0 };
  }
  const items = Array.isArray(value) ? value : [value];
  const single = !Array.isArray(value);
  let unknownFields = 0;
  for (const item of items) {
    const result = parseMessage(item, () => (single ? text : safeStringify(item)));
    if ('rejection' in result) rejections.push(result.rejection);
    else {
      messages.push(result.message);
      unknownFields += result.unknownFields;
    }
  }
  return { messages, rejections, unknownFields };
}

/** Unknown payloads are stored as JSON later, so their depth is bounded here. */
const MAX_UNKNOWN_DEPTH = 32;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return Array.isArray(value) ? '[…unprintable array…]' : '{…unprintable value…}';
  }
}
