import { envelopeSchema, messageSchemas, type TelemetryMessage, type UnknownMessage } from './envelope.js';
import { dataSchemas, type MessageType } from './messages.js';
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

const decoder = new TextDecoder('utf-8', { fatal: true });
const hasOwn = Object.prototype.hasOwnProperty;
/** The envelope's own fields; anything else beside them is unknown. */
const ENVELOPE_KEYS = { v: 1, seq: 1, ts: 1, type: 1, data: 1 };
/** Unknown payloads are stored as JSON later, so their depth is bounded here. */
const MAX_UNKNOWN_DEPTH = 32;
const TOO_DEEP = `data: expected at most ${MAX_UNKNOWN_DEPTH} levels of nesting, got more`;

export const isUnknownMessage = (m: TelemetryMessage | UnknownMessage): m is UnknownMessage =>
  (m as UnknownMessage).unknown === true;

function countUnknownKeys(obj: object, known: object): number {
  let n = 0;
  for (const key in obj) if (!hasOwn.call(known, key)) n++;
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
  const known = typeof obj.type === 'string' && hasOwn.call(dataSchemas, obj.type);
  if (known && obj.v === PROTOCOL_VERSION) {
    const type = obj.type as MessageType;
    // The common case: a known type with exactly the protocol's fields, all valid.
    if (passesFastCheck(type, obj)) return { message: obj as unknown as TelemetryMessage, unknownFields: 0 };
    // Then one schema call for envelope and payload together (extra fields are counted here);
    // anything it refuses goes the long way below, which words the reason.
    const parsed = messageSchemas[type].safeParse(obj);
    if (parsed.success) {
      const inData = obj.data && typeof obj.data === 'object' ? countUnknownKeys(obj.data, dataSchemas[type].shape) : 0;
      return { message: parsed.data, unknownFields: countUnknownKeys(obj, ENVELOPE_KEYS) + inData };
    }
  }
  const ids = idsOf(obj);
  if (obj.v !== PROTOCOL_VERSION) {
    const got = obj.v === undefined ? 'nothing' : describeValue(obj.v);
    return reject(raw, 'unsupported_version', `v: expected ${PROTOCOL_VERSION}, got ${got}`, ids);
  }
  const env = envelopeSchema.safeParse(obj);
  if (!env.success) return reject(raw, 'invalid_envelope', describeIssue(env.error.issues, obj), ids);
  if (!known) {
    if (nestedDeeperThan(obj.data, MAX_UNKNOWN_DEPTH)) return reject(raw, 'invalid_message', TOO_DEEP, ids);
    const { v, seq, ts, type } = env.data;
    return {
      message: { v, seq, ts, type, unknown: true, data: obj.data },
      unknownFields: countUnknownKeys(obj, ENVELOPE_KEYS),
    };
  }
  // A known type the whole schema refused with a valid envelope: its payload is what is wrong.
  const issues = dataSchemas[obj.type as MessageType].safeParse(obj.data).error?.issues ?? [];
  const inData = issues.map((i) => ({ ...i, path: ['data', ...i.path] }));
  return reject(raw, 'invalid_message', describeIssue(inData, obj), ids);
}

/** Envelope fields quoted in a rejection, when they can be read. */
const idsOf = (obj: Record<string, unknown>) => ({
  ...(typeof obj.seq === 'number' && { seq: obj.seq }),
  ...(typeof obj.type === 'string' && { type: obj.type.slice(0, 64) }),
});

/** A frame set aside whole. */
const refused = (reason: Rejection['reason'], detail: string, raw: string): ParsedFrame => ({
  messages: [],
  rejections: [{ reason, detail, raw: keepRaw(raw) }],
  unknownFields: 0,
});

/** Parses one frame: a message or a JSON array of them, each standing alone (one bad never costs its neighbours). */
export function parseFrame(frame: string | Uint8Array, options: { maxFrameBytes?: number } = {}): ParsedFrame {
  const maxBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const isText = typeof frame === 'string';
  const byteLength = isText ? Buffer.byteLength(frame) : frame.byteLength;
  if (byteLength > maxBytes) {
    const head = isText ? frame.slice(0, 256) : Buffer.from(frame.subarray(0, 256)).toString('utf8');
    return refused('frame_too_large', `expected at most ${maxBytes} bytes, got ${byteLength}`, head);
  }
  let text: string;
  try {
    text = isText ? frame : decoder.decode(frame);
  } catch {
    const shown = Buffer.from((frame as Uint8Array).subarray(0, 8192)).toString('utf8');
    return refused('invalid_utf8', 'expected UTF-8 text, got invalid bytes', shown);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return refused('bad_json', `expected JSON, got ${err instanceof Error ? err.message : String(err)}`, text);
  }
  const messages: ParsedFrame['messages'] = [];
  const rejections: Rejection[] = [];
  const single = !Array.isArray(value);
  let unknownFields = 0;
  for (const item of single ? [value] : (value as unknown[])) {
    const result = parseMessage(item, () => (single ? text : safeStringify(item)));
    if ('rejection' in result) rejections.push(result.rejection);
    else {
      messages.push(result.message);
      unknownFields += result.unknownFields;
    }
  }
  return { messages, rejections, unknownFields };
}

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
