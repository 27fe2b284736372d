import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root: the nearest folder above this file with a package.json. Found, not
 * counted in `../`, because benchmarks run this file compiled into another folder.
 */
export const repoRoot = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

/** `bin/hubmon`, as an operator runs it; it runs the built `dist/`. */
export const bin = path.join(repoRoot, 'bin/hubmon.js');

/** Whether `dist/` has been built (`npm run build`). */
export const built = existsSync(path.join(repoRoot, 'dist/cli/main.js'));

/** Fails at once, saying what to do, when `dist/` has not been built. */
export function requireBuild(): void {
  if (!built) throw new Error('run `npm run build` first: bin/hubmon runs dist/');
}
