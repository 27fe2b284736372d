import { existsSync } from 'node:fs';
import path from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

/** `bin/hubmon`, as an operator runs it; it runs the built `dist/`. */
export const bin = path.join(root, 'bin/hubmon.js');

/** Whether `dist/` has been built (`npm run build`). */
export const built = existsSync(path.join(root, 'dist/cli/main.js'));

/** Fails at once, saying what to do, when `dist/` has not been built. */
export function requireBuild(): void {
  if (!built) throw new Error('run `npm run build` first: bin/hubmon runs dist/');
}
