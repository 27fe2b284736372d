/* eslint-disable no-control-regex -- matching control characters is the point here. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sanitize } from '../../src/ui/text/sanitize.js';
import { hostileText } from './arbitraries.js';
import { CaseTally } from './tally.js';

/**
 * Whatever a hub puts in a name, what reaches the terminal is printable text on one line:
 * no C0/C1 control (so no escape sequence can start), no bidi override or invisible mark,
 * no lone surrogate, NFC-normalised — and cleaning twice changes nothing.
 */
const tally = new CaseTally();
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SAFE_CHARS = ' abcdefghijklmnopqrstuvwxyzĐđệếờảãạ0123456789.,-()/'.split('');

describe('sanitize under hostile text (property-based)', () => {
  afterAll(() => console.log(tally.report('test/properties/sanitize.test.ts')));

  it('leaves nothing a terminal would act on, and is idempotent', () => {
    const text = fc.oneof(
      hostileText(300),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 100 }),
    );
    tally.check(
      'hostile names',
      [text],
      (t) => {
        const out = sanitize(t);
        if (UNSAFE.test(out) || LONE_SURROGATE.test(out) || out !== out.normalize('NFC') || sanitize(out) !== out) {
          expect({ in: t, out, again: sanitize(out) }).toEqual({ in: t, out: 'safe, NFC and stable', again: out });
        }
      },
      3_000,
    );
  });

  it('leaves ordinary names alone', () => {
    tally.check(
      'ordinary names',
      [fc.string({ unit: fc.constantFrom(...SAFE_CHARS), maxLength: 60 })],
      (t) => {
        expect(sanitize(t)).toBe(t.normalize('NFC'));
      },
      500,
    );
  });
});
