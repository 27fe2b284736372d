import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MEMO_INK_VERSIONS,
  inkOutput,
  inkVersion,
  installFrameMemo,
  memoizedFrame,
  type InkOutput,
  type RowMemo,
} from '../../src/ui/ink/frame-memo.js';

/**
 * The row memo must give the frame Ink's own Output would: the same string for any writes,
 * including ones that overlap, run past the edges, carry colours or wide characters, and
 * whatever the frame before it held.
 */
const { Output, get: inkGet } = await inkOutput();

const PIECES = [
  'a',
  'Nghệ An',
  ' ',
  '  ',
  'Bộ Tài chính',
  '▁▃█',
  '漢字',
  '\u001b[31mđỏ\u001b[39m',
  '\u001b[1m\u001b[7mx\u001b[27m\u001b[22m',
  '…',
];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(''));
const write = fc.record({
  x: fc.integer({ min: 0, max: 30 }),
  y: fc.integer({ min: -2, max: 8 }),
  text: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
});
const frame = fc.array(write, { maxLength: 12 });

function output(width: number, height: number, writes: readonly { x: number; y: number; text: string }[]): InkOutput {
  const o = new Output({ width, height });
  for (const w of writes) o.operations.push({ type: 'write', ...w, transformers: [] });
  return o;
}

describe('frame memo', () => {
  it('builds the frame Ink builds, frame after frame (property-based)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(frame, { minLength: 1, maxLength: 4 }),
        (width, height, frames) => {
          let memo: RowMemo = new Map();
          for (const writes of frames) {
            const expected = inkGet.call(output(width, height, writes));
            const got = memoizedFrame(output(width, height, writes), Output, inkGet, memo);
            expect(got?.frame).toEqual(expected);
            memo = got!.rows;
          }
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it('reuses an unchanged row instead of building it again', () => {
    const first = memoizedFrame(output(20, 2, [{ x: 0, y: 0, text: 'Hà Nội\nHuế' }]), Output, inkGet, new Map())!;
    let built = 0;
    const counting: InkOutput['get'] = function (this: InkOutput) {
      built++;
      return inkGet.call(this);
    };
    const second = memoizedFrame(
      output(20, 2, [{ x: 0, y: 0, text: 'Hà Nội\nĐà Nẵng' }]),
      Output,
      counting,
      first.rows,
    )!;
    expect(second.frame.output).toBe('Hà Nội\nĐà Nẵng');
    expect(built).toBe(1);
  });

  it('applies transformers as Ink does, and leaves clipped frames to Ink', () => {
    const o = output(10, 2, []);
    o.operations.push({
      type: 'write',
      x: 1,
      y: 0,
      text: 'ab\ncd',
      transformers: [(l, i) => `${i}${l.toUpperCase()}`],
    });
    expect(memoizedFrame(o, Output, inkGet, new Map())?.frame.output).toBe(' 0AB\n 1CD');
    o.operations.push({ type: 'clip' }, { type: 'unclip' });
    expect(memoizedFrame(o, Output, inkGet, new Map())).toBeNull();
  });
});

describe('frame memo, Ink version gate', () => {
  it('knows the installed Ink and is written for it', () => {
    expect(MEMO_INK_VERSIONS).toContain(inkVersion());
  });

  it('leaves plain Ink alone under a release it was not tested with', async () => {
    const before = Output.prototype.get;
    expect(await installFrameMemo('99.0.0')).toBe(false);
    expect(Output.prototype.get).toBe(before);
  });
});
