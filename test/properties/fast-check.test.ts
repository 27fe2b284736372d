import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { dataSchemas, envelopeSchema, MESSAGE_TYPES, type MessageType } from '../../src/protocol/index.js';
import { passesFastCheck } from '../../src/protocol/fast-check.js';
import { hostileText, mutatedMessage, validMessage, type Message } from './arbitraries.js';
import { CaseTally } from './tally.js';

/**
 * The compiled fast check and the zod schemas it is compiled from never disagree on a yes:
 * whatever the fast check accepts, zod accepts and returns unchanged; and the common case (a
 * valid message with only the protocol's fields) does take the fast way.
 */
const tally = new CaseTally();
const whole = Object.fromEntries(
  MESSAGE_TYPES.map((t) => [t, envelopeSchema.extend({ type: z.literal(t), data: dataSchemas[t] })]),
) as unknown as Record<MessageType, z.ZodType>;
const isKnown = (type: unknown): type is MessageType =>
  typeof type === 'string' && (MESSAGE_TYPES as readonly string[]).includes(type);

/** A yes from the fast check must be zod's yes, with zod's output equal to the input. */
function agrees(m: Message): void {
  if (!isKnown(m.type) || !passesFastCheck(m.type, m)) return;
  const parsed = whole[m.type].safeParse(m);
  if (!parsed.success) throw new Error(`fast check accepted what zod refuses: ${JSON.stringify(m)}`);
  if (!isDeepStrictEqual(parsed.data, m)) expect(parsed.data).toEqual(m);
}

/** An extra field somewhere: on the envelope or in the payload. */
const withExtraField = fc
  .tuple(validMessage(), fc.boolean(), fc.string({ minLength: 1, maxLength: 8 }))
  .map(([m, inData, key]): Message => {
    const target = (inData && m.data && typeof m.data === 'object' ? m.data : m) as Record<string, unknown>;
    if (!(key in target)) target[key] = 1;
    else target[`${key}_`] = 1;
    return m;
  });

describe('fast check against the zod schemas (property-based)', () => {
  afterAll(() => console.log(tally.report('test/properties/fast-check.test.ts')));

  it('accepts every valid message that has only the protocol fields, returning zod’s own value', () => {
    tally.check(
      'valid',
      [validMessage()],
      (m) => {
        expect(passesFastCheck(m.type as MessageType, m)).toBe(true);
        agrees(m);
      },
      3_000,
    );
  });

  it('never accepts a message zod refuses (every kind of invalidating mutation)', () => {
    tally.check(
      'mutated',
      [mutatedMessage()],
      ({ message }) => {
        agrees(message);
        if (isKnown(message.type) && whole[message.type].safeParse(message).success === false)
          expect(passesFastCheck(message.type, message)).toBe(false);
      },
      4_000,
    );
  });

  it('leaves messages with fields it does not know to zod, which counts them', () => {
    tally.check(
      'extra field',
      [withExtraField],
      (m) => {
        expect(passesFastCheck(m.type as MessageType, m)).toBe(false);
      },
      1_000,
    );
  });

  it('measures lengths as zod does (UTF-16 units), astral characters included', () => {
    tally.check(
      'lengths',
      [validMessage(), hostileText(300, 0).map((s) => s + '𝔸'.repeat(140))],
      (m, text) => {
        const d = m.data as Record<string, unknown>;
        if (m.type === 'document.sent') d.subject = text;
        else if (m.type === 'server.state') d.reason = text;
        else return;
        agrees(m);
        if (isKnown(m.type)) expect(passesFastCheck(m.type, m)).toBe(whole[m.type].safeParse(m).success);
      },
      1_000,
    );
  });
});
