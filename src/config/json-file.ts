import { readFileSync } from 'node:fs';

/** Reads a JSON settings file: absent (defaults apply), its value, or "PATH: what" (never thrown: each caller decides). */
export function readJsonFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' as const };
    return { kind: 'error' as const, error: `${path}: cannot read (${code ?? String(err)})` };
  }
  try {
    return { kind: 'value' as const, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { kind: 'error' as const, error: `${path}: expected JSON, got ${(err as Error).message}` };
  }
}
