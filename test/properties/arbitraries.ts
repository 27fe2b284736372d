import fc from 'fast-check';
import { z } from 'zod';
import { dataSchemas, MESSAGE_TYPES, type MessageType } from '../../src/protocol/index.js';
import { exampleMessage } from '../support/protocol-examples.js';

/**
 * Generators of hostile telemetry: valid messages whose free text carries everything a hostile
 * hub could put in it, and mutations that each make a message invalid in one known way.
 */

/** Pieces a hostile hub would put in a name: escapes that move the cursor, retitle, clear. */
const HOSTILE_PIECES = [
  '\x1b[2J',
  '\x1b[H',
  '\x1b]0;pwned\x07',
  '\x1b]8;;http://evil\x1b\\',
  '\x9b31m',
  '\x1bP+q\x1b\\',
  '\r',
  '\n',
  '\t',
  '\b',
  '\x00',
  '\x7f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  'Nghệ An',
  'Nghe\u0323\u0302 An',
  'Đồng Nai',
  '𝕏',
  '👩‍👩‍👧',
  '"',
  '\\',
  '\u0000\u0001',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Free text: any code point, lone surrogates, control characters and escape sequences. */
export const hostileText = (maxLength: number, minLength = 0): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 64) }),
      fc.string({ unit: fc.constantFrom(...HOSTILE_PIECES), maxLength: 12 }),
      fc.string({ unit: loneSurrogate, maxLength: 8 }),
      fc.string({
        unit: fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 3 })),
        maxLength: 16,
      }),
    )
    .map((s) => (s.length > maxLength ? s.slice(0, maxLength) : s))
    .map((s) => (s.length < minLength ? `${s}x`.padEnd(minLength, 'x') : s));

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1) - 1;

/** An event time the protocol accepts (ISO UTC between 2000 and 2100). */
export const validTs = fc.integer({ min: EARLIEST, max: LATEST }).map((t) => new Date(t).toISOString());

/** Paths of free-text fields per type, with their bounds: where hostile text is legal. */
const TEXT_FIELDS: Partial<
  Record<MessageType, readonly { path: readonly (string | number)[]; max: number; min?: number }[]>
> = {
  hello: [
    { path: ['hubName'], max: 256, min: 1 },
    { path: ['hubVersion'], max: 64 },
  ],
  'registry.snapshot': [
    { path: ['agencies', 0, 'name'], max: 256, min: 1 },
    { path: ['securityServers', 0, 'name'], max: 256, min: 1 },
  ],
  'agency.upsert': [{ path: ['agency', 'name'], max: 256, min: 1 }],
  'server.upsert': [{ path: ['server', 'name'], max: 256, min: 1 }],
  'document.sent': [{ path: ['subject'], max: 1024 }],
  'document.failed': [{ path: ['detail'], max: 1024 }],
  'signature.verified': [{ path: ['issuer'], max: 256 }],
  'server.heartbeat': [{ path: ['serverId'], max: 64, min: 1 }],
  'server.state': [
    { path: ['reason'], max: 1024 },
    { path: ['serverId'], max: 64, min: 1 },
  ],
};

function setAt(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
}

export type Message = { v: unknown; seq: unknown; ts: unknown; type: unknown; data: unknown; [k: string]: unknown };

/** A valid message of `type` with a given seq: example payload, random time, hostile free text. */
export const validMessageOf = (type: MessageType, seq: fc.Arbitrary<number>): fc.Arbitrary<Message> => {
  const fields = TEXT_FIELDS[type] ?? [];
  return fc
    .record({ seq, ts: validTs, texts: fc.tuple(...fields.map((f) => hostileText(f.max, f.min ?? 0))) })
    .map(({ seq: s, ts, texts }) => {
      const m = exampleMessage(type, s) as Message;
      m.ts = ts;
      fields.forEach((f, i) => setAt(m.data as Record<string, unknown>, f.path, texts[i]));
      return m;
    });
};

export const anySeq = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

/** A valid message of any known type. */
export const validMessage = (seq: fc.Arbitrary<number> = anySeq): fc.Arbitrary<Message> =>
  fc.oneof(...MESSAGE_TYPES.map((t) => validMessageOf(t, seq)));

/** Values that are wrong almost everywhere; each use is checked against the field's own schema. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, -1, -0.5, 1.5, 2 ** 53, -(2 ** 60), 1e308, '', '1', [], {}, [null], { $ne: 1 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Times the protocol must refuse: out of 2000–2100, not UTC, not ISO, not a string. */
const badTs: fc.Arbitrary<unknown> = fc.oneof(
  fc.date({ noInvalidDate: true, max: new Date(EARLIEST - 1) }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true, min: new Date(LATEST + 1) }).map((d) => d.toISOString()),
  validTs.map((s) => s.replace('Z', '+07:00')),
  validTs.map((s) => s.replace('T', ' ')),
  validTs.map((s) => s.slice(0, 10)),
  fc.integer({ min: EARLIEST, max: LATEST }),
  fc.constantFrom(
    null,
    '',
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1970-01-01T00:00:00Z',
  ),
);

/** What one mutation does and which reason it must earn. */
export type Mutation = {
  readonly reason: 'unsupported_version' | 'invalid_envelope' | 'invalid_message';
  readonly apply: (m: Message) => void;
  readonly what: string;
};

const requiredKeys = (type: MessageType): string[] =>
  Object.entries(dataSchemas[type].shape as Record<string, z.ZodType>)
    .filter(([, s]) => !s.safeParse(undefined).success)
    .map(([k]) => k);

/**
 * One mutation that certainly makes a message of `type` invalid, field by field: the version,
 * seq, ts, type, the payload as a whole, or one required payload field given a value its own
 * schema refuses.
 */
export const invalidatingMutation = (type: MessageType): fc.Arbitrary<Mutation> => {
  const shape = dataSchemas[type].shape as Record<string, z.ZodType>;
  const required = requiredKeys(type);
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((v) => v !== 1)
      .map(
        (v) =>
          ({ reason: 'unsupported_version', what: `v=${JSON.stringify(v)}`, apply: (m) => void (m.v = v) }) as Mutation,
      ),
    fc.constant<Mutation>({ reason: 'unsupported_version', what: 'no v', apply: (m) => void delete m.v }),
    fc
      .oneof(
        fc.integer({ min: -(2 ** 53), max: -1 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
        fc.constantFrom(2 ** 53, 1e300, null, '7', true, [], {}),
      )
      .map(
        (v) =>
          ({
            reason: 'invalid_envelope',
            what: `seq=${JSON.stringify(v)}`,
            apply: (m) => void (m.seq = v),
          }) as Mutation,
      ),
    fc.constant<Mutation>({ reason: 'invalid_envelope', what: 'no seq', apply: (m) => void delete m.seq }),
    badTs.map(
      (v) =>
        ({ reason: 'invalid_envelope', what: `ts=${JSON.stringify(v)}`, apply: (m) => void (m.ts = v) }) as Mutation,
    ),
    fc.oneof(fc.constantFrom('', null, 7, [], {}), fc.string({ minLength: 65, maxLength: 300 })).map(
      (v) =>
        ({
          reason: 'invalid_envelope',
          what: `type=${JSON.stringify(v)}`,
          apply: (m) => void (m.type = v),
        }) as Mutation,
    ),
    fc.constantFrom(null, 0, 'data', [], [{}], true).map(
      (v) =>
        ({
          reason: 'invalid_message',
          what: `data=${JSON.stringify(v)}`,
          apply: (m) => void (m.data = v),
        }) as Mutation,
    ),
    fc.constant<Mutation>({ reason: 'invalid_message', what: 'no data', apply: (m) => void delete m.data }),
  ];
  if (required.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...required), hostileValue)
        .filter(([key, v]) => !shape[key]!.safeParse(v).success)
        .map(
          ([key, v]) =>
            ({
              reason: 'invalid_message',
              what: `data.${key}=${JSON.stringify(v)}`,
              apply: (m) => void ((m.data as Record<string, unknown>)[key] = v),
            }) as Mutation,
        ),
      fc.constantFrom(...required).map(
        (key) =>
          ({
            reason: 'invalid_message',
            what: `no data.${key}`,
            apply: (m) => void delete (m.data as Record<string, unknown>)[key],
          }) as Mutation,
      ),
    );
  }
  return fc.oneof(...options);
};

/** A valid message and the same message spoiled by one mutation. */
export const mutatedMessage = (
  seq: fc.Arbitrary<number> = anySeq,
): fc.Arbitrary<{ message: Message; mutation: Mutation }> =>
  fc
    .oneof(...MESSAGE_TYPES.map((type) => fc.tuple(validMessageOf(type, seq), invalidatingMutation(type))))
    .map(([message, mutation]) => {
      mutation.apply(message);
      return { message, mutation };
    });

/** A message of a type this client does not know (a newer hub), with a payload of bounded depth. */
export const unknownTypeMessage = (seq: fc.Arbitrary<number> = anySeq): fc.Arbitrary<Message> =>
  fc
    .record({
      seq,
      ts: validTs,
      type: fc.stringMatching(/^x-[a-z]{1,10}\.[a-z]{1,10}$/),
      data: fc.jsonValue({ maxDepth: 6 }),
    })
    .map((r) => ({ v: 1, ...r }));

/** JSON values that are not messages at all: a batch item must be an object. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, true, 'junk', [], [[]]),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
);

/** Deeply nested JSON text (arrays or objects), `depth` levels. */
export const deepJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
