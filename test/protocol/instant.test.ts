import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../src/protocol/index.js';

// Year 1 to 2199: before 1970 too (negative times), and years below 100, which Date.UTC
// would take as 19xx.
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.UTC(2200, 0, 1);

describe('instantMs', () => {
  it("reads the protocol's instants as Date.parse does", () => {
    expect(instantMs('2026-03-09T08:15:30Z')).toBe(Date.UTC(2026, 2, 9, 8, 15, 30));
    expect(instantMs('2026-03-09T08:15:30.125Z')).toBe(Date.UTC(2026, 2, 9, 8, 15, 30, 125));
    expect(instantMs('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(instantMs('2023-02-29T00:00:00Z')).toBe(Date.parse('2023-02-29T00:00:00Z'));
    expect(instantMs('2026-13-01T00:00:00Z')).toBeNaN();
    expect(instantMs('2026-03-09T08:15:30+07:00')).toBe(Date.UTC(2026, 2, 9, 1, 15, 30));
    expect(instantMs('2026-03-09T08:15:30.1Z')).toBe(Date.UTC(2026, 2, 9, 8, 15, 30, 100));
    expect(instantMs('2026-03-09')).toBe(Date.UTC(2026, 2, 9));
    expect(instantMs('2026-03-09T08:15:3xZ')).toBeNaN();
    expect(instantMs('2000-02-29T12:00:00Z')).toBe(Date.UTC(2000, 1, 29, 12));
    expect(instantMs('1900-02-29T12:00:00Z')).toBe(Date.parse('1900-02-29T12:00:00Z'));
    expect(instantMs('1969-12-31T23:59:59.999Z')).toBe(-1);
    expect(instantMs('0050-06-15T00:00:00Z')).toBe(Date.parse('0050-06-15T00:00:00Z'));
    expect(instantMs('2026-01-31T00:00:00Z')).toBe(Date.UTC(2026, 0, 31));
    expect(instantMs('2026-04-31T00:00:00Z')).toBe(Date.parse('2026-04-31T00:00:00Z'));
  });

  it('agrees with Date.parse on every instant, with and without milliseconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST, max: LATEST }), fc.boolean(), (t, withMs) => {
        const iso = new Date(t).toISOString();
        const s = withMs ? iso : `${iso.slice(0, 19)}Z`;
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with Date.parse on broken instants (property)', () => {
    const chars = fc.constantFrom(...'0123456789-T:.Z+ x'.split(''));
    fc.assert(
      fc.property(
        fc.integer({ min: EARLIEST, max: LATEST }),
        fc.array(fc.tuple(fc.nat(23), chars), { minLength: 1, maxLength: 3 }),
        (t, edits) => {
          const s = [...new Date(t).toISOString()];
          for (const [at, c] of edits) s[at] = c;
          const text = s.join('');
          expect(Object.is(instantMs(text), Date.parse(text))).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
