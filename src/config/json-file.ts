import { readFileSync } from 'node:fs';

/** What reading a JSON settings file gave: nothing (no file), its value, or a named problem. */
type JsonFileResult =
  | { readonly kind: 'absent' }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'error'; readonly error: string };

/** Reads a JSON file: absent (defaults apply), its value, or "PATH: what" (never thrown: each caller decides). */
export function readJsonFile(path: string): JsonFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'error', error: `${path}: cannot read (${code ?? String(err)})` };
  }
  try {
    return { kind: 'value', value: JSON.parse(text) as unknown };
  } catch (err) {
    return { kind: 'error', error: `${path}: expected JSON, got ${(err as Error).message}` };
  }
}
