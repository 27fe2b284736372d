/**
 * Ink builds every frame cell by cell (about 3 µs a cell: 40 ms for 200×60 even when a key changed two rows). This
 * keeps each row's finished string from one frame to the next and reuses it when the same text is written at the same
 * places; only changed rows go through Ink's code. The frame is the one Ink would build (property-tested against it);
 * frames with clipping, which the console does not use, are left to Ink.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The Ink releases whose Output this was tested against; under any other, plain Ink (slower, never wrong). */
export const MEMO_INK_VERSIONS: readonly string[] = ['6.8.0'];

/** One operation Ink's renderer records on its Output (ink/build/output.js). */
type Operation =
  | {
      readonly type: 'write';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly transformers: readonly ((line: string, index: number) => string)[];
    }
  | { readonly type: 'clip' | 'unclip' };

/** The part of Ink's Output class this relies on. */
export interface InkOutput {
  readonly width: number;
  readonly height: number;
  operations: Operation[];
  get(): { output: string; height: number };
}

type OutputClass = new (size: { width: number; height: number }) => InkOutput;

/** Rows of the previous frame, keyed by what was written in them. */
export type RowMemo = Map<string, string>;

const SEPARATOR = '\u0000';

/** The frame Ink's own `get` (`original`) would return, reusing rows of `previous`; and the rows to keep. */
export function memoizedFrame(
  output: InkOutput,
  Output: OutputClass,
  original: InkOutput['get'],
  previous: RowMemo,
): { frame: { output: string; height: number }; rows: RowMemo } | null {
  const { width, height } = output;
  const writes: (number | string)[][] = Array.from({ length: height }, () => []);
  for (const op of output.operations) {
    if (op.type !== 'write') return null;
    if (!op.text) continue;
    const lines = op.text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const y = op.y + index;
      // Ink stops at the first line that falls outside the frame (and so writes nothing from above it).
      if (y < 0 || y >= height) break;
      let line = lines[index] as string;
      for (const transform of op.transformers) line = transform(line, index);
      writes[y]!.push(op.x, line);
    }
  }
  const rows: RowMemo = new Map();
  const out: string[] = [];
  for (const row of writes) {
    if (row.length === 0) {
      out.push('');
      continue;
    }
    const key = row.join(SEPARATOR);
    let text = rows.get(key) ?? previous.get(key);
    if (text === undefined) {
      const one = new Output({ width, height: 1 });
      for (let i = 0; i < row.length; i += 2)
        one.operations.push({ type: 'write', x: row[i] as number, y: 0, text: row[i + 1] as string, transformers: [] });
      text = original.call(one).output;
    }
    rows.set(key, text);
    out.push(text);
  }
  return { frame: { output: out.join('\n'), height }, rows };
}

let ink: { readonly Output: OutputClass; readonly get: InkOutput['get'] } | undefined;
let installed = false;

/** Ink's Output class (the module instance Ink renders with; not exported by Ink) and its own `get`. */
export async function inkOutput(): Promise<{ readonly Output: OutputClass; readonly get: InkOutput['get'] }> {
  if (!ink) {
    const entry = pathToFileURL(createRequire(import.meta.url).resolve('ink'));
    const { default: Output } = (await import(new URL('./output.js', entry).href)) as { default: OutputClass };
    ink = { Output, get: Output.prototype.get };
  }
  return ink;
}

export function inkVersion(): string {
  const entry = createRequire(import.meta.url).resolve('ink');
  return (JSON.parse(readFileSync(new URL('../package.json', pathToFileURL(entry)), 'utf8')) as { version: string })
    .version;
}

/** Makes every Ink render in this process reuse unchanged rows on the Ink releases named above. Idempotent. */
export async function installFrameMemo(version: string = inkVersion()): Promise<boolean> {
  if (installed) return true;
  if (!MEMO_INK_VERSIONS.includes(version)) return false;
  installed = true;
  const { Output, get: original } = await inkOutput();
  // One memo per frame size: the console and the status line of a test may render side by side.
  const memos = new Map<string, RowMemo>();
  Output.prototype.get = function get(this: InkOutput) {
    const size = `${this.width}x${this.height}`;
    const result = memoizedFrame(this, Output, original, memos.get(size) ?? new Map());
    if (!result) return original.call(this);
    if (memos.size > 8 && !memos.has(size)) memos.clear();
    memos.set(size, result.rows);
    return result.frame;
  };
  return true;
}
