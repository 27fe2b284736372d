import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FRAME_BYTES,
  MAX_RAW_KEPT,
  parseFrame,
  REJECTION_REASONS,
  type ParsedFrame,
} from '../../src/protocol/index.js';
import {
  deepJson,
  hostileText,
  mutatedMessage,
  notAnObject,
  unknownTypeMessage,
  validMessage,
  validTs,
  type Message,
} from './arbitraries.js';
import { CaseTally } from './tally.js';

/**
 * Properties of the protocol parser under hostile input: it never throws, every valid message
 * of a frame comes out in order whatever surrounds it, every bad one is set aside with the
 * reason it earned, and the frame size cap holds in bytes.
 */
const tally = new CaseTally();
const reasons: ReadonlySet<string> = new Set(REJECTION_REASONS);
const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Deep equality without the matcher machinery: thousands of cases must stay cheap. */
function same(actual: unknown, wanted: unknown): void {
  if (!isDeepStrictEqual(actual, wanted)) expect(actual).toEqual(wanted);
}

/** What every parse result must look like, whatever went in. */
function wellFormed(r: ParsedFrame): void {
  for (const x of r.rejections) {
    if (!reasons.has(x.reason)) throw new Error(`unknown rejection reason ${x.reason}`);
    if (typeof x.detail !== 'string' || x.detail === '')
      throw new Error(`rejection without detail: ${JSON.stringify(x)}`);
    // The raw text kept is bounded: 8 KiB plus the "… (N chars)" marker.
    if (x.raw.length > MAX_RAW_KEPT + 32) throw new Error(`rejection keeps ${x.raw.length} characters of raw text`);
  }
  if (!Number.isInteger(r.unknownFields) || r.unknownFields < 0) throw new Error(`unknownFields ${r.unknownFields}`);
}

type Item =
  | { kind: 'good'; message: Message }
  | { kind: 'unknown'; message: Message }
  | { kind: 'bad'; message: Message; reason: string; what: string }
  | { kind: 'junk'; value: unknown };

const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 4, arbitrary: validMessage().map((message): Item => ({ kind: 'good', message })) },
  { weight: 1, arbitrary: unknownTypeMessage().map((message): Item => ({ kind: 'unknown', message })) },
  {
    weight: 4,
    arbitrary: mutatedMessage().map(({ message, mutation }): Item => ({
      kind: 'bad',
      message,
      reason: mutation.reason,
      what: mutation.what,
    })),
  },
  { weight: 1, arbitrary: notAnObject.map((value): Item => ({ kind: 'junk', value })) },
);

const itemValue = (i: Item): unknown => (i.kind === 'junk' ? i.value : i.message);

/** What the parser must give back for each item, in frame order. */
function expected(items: readonly Item[]): { messages: unknown[]; reasons: string[] } {
  const messages: unknown[] = [];
  const why: string[] = [];
  for (const i of items) {
    if (i.kind === 'good') messages.push(roundTrip(i.message));
    else if (i.kind === 'unknown') messages.push({ ...roundTrip(i.message), unknown: true });
    else if (i.kind === 'bad') why.push(i.reason);
    else why.push('not_an_object');
  }
  return { messages, reasons: why };
}

describe('parseFrame under hostile input (property-based)', () => {
  afterAll(() => {
    console.log(tally.report('test/properties/parse-frame.test.ts'));
  });

  it('keeps every valid message of a mixed batch, in order, and rejects each bad one for its own reason', () => {
    tally.check(
      'mixed batches: good, mutated field by field, unknown types, non-objects',
      [fc.array(item, { maxLength: 8 }), fc.boolean()],
      (items, asBytes) => {
        const text = JSON.stringify(items.map(itemValue));
        const r = parseFrame(asBytes ? Buffer.from(text, 'utf8') : text);
        wellFormed(r);
        const want = expected(items);
        same(r.messages, want.messages);
        same(
          r.rejections.map((x) => x.reason),
          want.reasons,
        );
      },
      3_000,
    );
  });

  it('judges a lone message exactly as it would the same message inside a batch', () => {
    tally.check(
      'a message alone and in a batch get the same verdict',
      [item.filter((i) => !Array.isArray(itemValue(i)))],
      (i) => {
        const alone = parseFrame(JSON.stringify(itemValue(i)));
        const inBatch = parseFrame(JSON.stringify([itemValue(i)]));
        wellFormed(alone);
        same(alone.messages, inBatch.messages);
        same(
          alone.rejections.map((x) => [x.reason, x.detail, x.seq, x.type]),
          inBatch.rejections.map((x) => [x.reason, x.detail, x.seq, x.type]),
        );
      },
      1_000,
    );
  });

  it('tolerates and counts fields it does not know, at both levels, without dropping the message', () => {
    const extra = fc.dictionary(fc.stringMatching(/^zz[a-z]{1,8}$/), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
    tally.check(
      'unknown fields in the envelope and the payload',
      [validMessage(), extra, extra],
      (message, top, inData) => {
        const sent = { ...message, ...top, data: { ...(message.data as object), ...inData } };
        const r = parseFrame(JSON.stringify(sent));
        expect(r.rejections).toEqual([]);
        same(r.messages, [roundTrip(message)]);
        expect(r.unknownFields).toBe(Object.keys(top).length + Object.keys(inData).length);
      },
      1_000,
    );
  });

  it('never throws on arbitrary bytes; invalid UTF-8 costs the frame one invalid_utf8 rejection', () => {
    const validText = (b: Uint8Array): boolean =>
      Buffer.from(Buffer.from(b).toString('utf8'), 'utf8').equals(Buffer.from(b));
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      // A valid frame with a few bytes overwritten: the usual shape of a corrupted frame.
      fc
        .tuple(
          fc.array(validMessage(), { minLength: 1, maxLength: 3 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1, maxLength: 4 }),
        )
        .map(([messages, hits]) => {
          const b = Buffer.from(JSON.stringify(messages), 'utf8');
          for (const [at, byte] of hits) b[at % b.length] = byte;
          return new Uint8Array(b);
        }),
    );
    tally.check(
      'arbitrary and corrupted bytes',
      [bytes],
      (b) => {
        const r = parseFrame(b);
        wellFormed(r);
        if (!validText(b)) {
          expect(r.messages).toEqual([]);
          expect(r.rejections.map((x) => x.reason)).toEqual(['invalid_utf8']);
        } else {
          expect(r.rejections.some((x) => x.reason === 'invalid_utf8')).toBe(false);
        }
      },
      2_000,
    );
  });

  it('never throws on arbitrary text, lone surrogates, control characters and escapes included', () => {
    const text = fc.oneof(
      hostileText(400),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      hostileText(200).map(
        (s) => `{"v":1,"seq":1,"ts":"2026-11-22T02:15:00Z","type":${JSON.stringify(s)},"data":${JSON.stringify(s)}}`,
      ),
    );
    tally.check(
      'arbitrary text frames',
      [text],
      (t) => {
        const r = parseFrame(t);
        wellFormed(r);
        // Every frame yields something unless it is an empty batch.
        if (r.messages.length + r.rejections.length === 0) expect(JSON.parse(t)).toEqual([]);
      },
      1_500,
    );
  });

  it('accepts an event time exactly when it lies between 2000 and 2100 in UTC', () => {
    const anyTime = fc.oneof(
      fc.date({ noInvalidDate: true }),
      fc.date({ noInvalidDate: true, min: new Date('1999-12-31T00:00:00Z'), max: new Date('2000-01-01T23:59:59Z') }),
      fc.date({ noInvalidDate: true, min: new Date('2099-12-31T00:00:00Z'), max: new Date('2100-01-01T23:59:59Z') }),
    );
    tally.check(
      'timestamps from any year',
      [validMessage(), anyTime],
      (message, when) => {
        const ts = when.toISOString();
        const inRange = when.getTime() >= Date.UTC(2000, 0, 1) && when.getTime() < Date.UTC(2100, 0, 1);
        const r = parseFrame(JSON.stringify({ ...message, ts }));
        wellFormed(r);
        if (inRange) expect(r.messages.map((m) => m.ts)).toEqual([ts]);
        else expect(r.rejections.map((x) => x.reason)).toEqual(['invalid_envelope']);
      },
      1_500,
    );
  });

  it('refuses a frame over the size cap whole, counting bytes and not characters', () => {
    tally.check(
      'frame size cap',
      [
        fc.array(validMessage(), { maxLength: 4 }),
        fc.nat({ max: 3_000 }),
        fc.integer({ min: 16, max: 6_000 }),
        fc.boolean(),
      ],
      (messages, pad, maxFrameBytes, asBytes) => {
        // Vietnamese is 2–3 bytes a character: a cap counted in characters would let it through.
        const padded = `${' '.repeat(pad)}${JSON.stringify(messages.map((m) => ({ ...m, zzNote: 'Trục liên thông' })))}`;
        const bytes = Buffer.byteLength(padded, 'utf8');
        const r = parseFrame(asBytes ? Buffer.from(padded, 'utf8') : padded, { maxFrameBytes });
        wellFormed(r);
        if (bytes > maxFrameBytes) {
          expect(r.messages).toEqual([]);
          expect(r.rejections.map((x) => x.reason)).toEqual(['frame_too_large']);
          expect(r.rejections[0]?.detail).toBe(`expected at most ${maxFrameBytes} bytes, got ${bytes}`);
        } else {
          expect(r.rejections).toEqual([]);
          expect(r.messages).toHaveLength(messages.length);
        }
      },
      1_500,
    );
  });

  it('costs deep nesting only the message that carries it', () => {
    const where = fc.constantFrom('item', 'unknown-data', 'known-data', 'known-field');
    tally.check(
      'deep nesting beside valid neighbours',
      [
        fc.integer({ min: 33, max: 10_000 }),
        fc.constantFrom('array' as const, 'object' as const),
        where,
        validMessage(),
        validMessage(),
      ],
      (depth, kind, place, before, after) => {
        const deep = deepJson(depth, kind);
        const env = '"v":1,"seq":9,"ts":"2026-11-22T02:15:00Z"';
        const middle =
          place === 'item'
            ? deep
            : place === 'unknown-data'
              ? `{${env},"type":"x.future","data":${deep}}`
              : place === 'known-data'
                ? `{${env},"type":"document.delivered","data":${deep}}`
                : `{${env},"type":"agency.removed","data":{"id":${deep}}}`;
        const r = parseFrame(`[${JSON.stringify(before)},${middle},${JSON.stringify(after)}]`);
        wellFormed(r);
        same(r.messages, [roundTrip(before), roundTrip(after)]);
        expect(r.rejections).toHaveLength(1);
      },
      200,
    );
  });

  it('costs a huge string only its own message, and refuses a frame over the default cap', () => {
    tally.check(
      'huge strings beside valid neighbours',
      [
        fc.integer({ min: 2_000, max: 2_000_000 }),
        fc.constantFrom('subject', 'docId', 'type', 'unknown'),
        validMessage(),
        validMessage(),
      ],
      (size, field, before, after) => {
        const huge = 'ệ'.repeat(size);
        const env = { v: 1, seq: 9, ts: '2026-11-22T02:15:00Z' };
        const middle =
          field === 'subject'
            ? {
                ...env,
                type: 'document.sent',
                data: {
                  docId: '000.00.00.G22,2026/11/22,1/X',
                  sender: '000.00.00.G22',
                  recipients: ['000.00.00.H41'],
                  attachments: 0,
                  sizeBytes: 0,
                  subject: huge,
                },
              }
            : field === 'docId'
              ? { ...env, type: 'document.delivered', data: { docId: huge, recipient: '000.00.00.H41' } }
              : field === 'type'
                ? { ...env, type: huge, data: {} }
                : { ...env, zz: huge, type: 'x.future', data: {} };
        const r = parseFrame(JSON.stringify([before, middle, after]));
        wellFormed(r);
        if (field === 'unknown') {
          // An unknown field is tolerated whatever its size; the frame cap is what bounds it.
          expect(r.messages).toHaveLength(3);
        } else {
          same(r.messages, [roundTrip(before), roundTrip(after)]);
          expect(r.rejections.map((x) => x.reason)).toEqual([
            field === 'type' ? 'invalid_envelope' : 'invalid_message',
          ]);
        }
      },
      40,
    );
    const overCap = `[${' '.repeat(DEFAULT_MAX_FRAME_BYTES)}]`;
    const r = parseFrame(overCap);
    expect(r.rejections.map((x) => x.reason)).toEqual(['frame_too_large']);
    expect(r.rejections[0]?.raw.length).toBeLessThanOrEqual(256);
  });

  it('rejects numbers JSON cannot hold and counts nobody else', () => {
    const literal = fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '-1e999',
      '-0',
      '0.5',
      '-1',
      '9007199254740993',
      '1e21',
    );
    tally.check(
      'NaN, infinite, negative and oversized counts',
      [literal, fc.constantFrom('seq', 'attachments', 'sizeBytes', 'latencyMs'), validMessage(), validTs],
      (lit, field, neighbour, ts) => {
        const attach = field === 'attachments' ? lit : '1';
        const size = field === 'sizeBytes' ? lit : '10';
        const seq = field === 'seq' ? lit : '5';
        const middle =
          field === 'latencyMs'
            ? `{"v":1,"seq":${seq},"ts":"${ts}","type":"server.heartbeat","data":{"serverId":"MCBM-001","latencyMs":${lit}}}`
            : `{"v":1,"seq":${seq},"ts":"${ts}","type":"document.sent","data":{"docId":"000.00.00.G22,2026/11/22,1/X","sender":"000.00.00.G22","recipients":["000.00.00.H41"],"attachments":${attach},"sizeBytes":${size}}}`;
        const r = parseFrame(`[${JSON.stringify(neighbour)},${middle}]`);
        wellFormed(r);
        if (lit === 'NaN' || lit === 'Infinity' || lit === '-Infinity') {
          // Not JSON: the frame cannot be read at all, so it is one bad_json rejection.
          expect(r.rejections.map((x) => x.reason)).toEqual(['bad_json']);
          expect(r.messages).toEqual([]);
          return;
        }
        same(r.messages[0], roundTrip(neighbour));
        const value = Number(lit);
        const acceptable =
          field === 'latencyMs'
            ? value >= 0 && value <= 3_600_000
            : Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
        // 9007199254740993 is read as 2^53, beyond the safe range: refused, never rounded into a seq.
        expect(r.messages).toHaveLength(acceptable ? 2 : 1);
        expect(r.rejections).toHaveLength(acceptable ? 0 : 1);
      },
      800,
    );
  });

  it('ran at least 10,000 hostile cases', () => {
    expect(tally.total).toBeGreaterThanOrEqual(10_000);
  });
});
