import { readFileSync } from 'node:fs';

/** What reading a JSON settings file gave: nothing (no file), its value, or a named problem. */
type JsonFileResult =
  | { readonly kind: 'absent' }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'error'; readonly error: string };

/**
 * Reads and decodes a JSON file. A missing file is not an error (defaults apply); anything else
 * that goes wrong is returned as "PATH: what", never thrown, so each caller decides whether a bad
 * file stops it or only earns a notice.
 */
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
