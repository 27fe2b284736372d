import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir } from '../config/xdg.js';

/** Owner-only modes: the cache holds what agencies send each other. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** A hub's file name, safe on any file system: `ws://hub.example:8443/v1/telemetry` → `hub.example_8443.sqlite`. */
export function cacheFileName(hubKey: string): string {
  // A URL names its host and port; anything else is a hub id or a plain name.
  const url = URL.canParse(hubKey) ? new URL(hubKey) : null;
  const key = url ? (url.port ? `${url.hostname}_${url.port}` : url.hostname) : hubKey;
  const safe = key
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return `${safe || 'hub'}.sqlite`;
}

/** The default cache file of a hub: one file per hub under `$XDG_CACHE_HOME/hubmon/`. */
export const defaultCachePath = (hubKey: string, env: Parameters<typeof cacheDir>[0] = process.env): string =>
  join(cacheDir(env), cacheFileName(hubKey));

/**
 * Creates the cache's folder (0700) and an empty file (0600) before SQLite does, so the file never
 * exists with looser permissions (`-wal`/`-shm` get its mode); a folder we did not create is left.
 */
export function prepareCacheFile(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    chmodSync(dir, DIR_MODE);
  }
  try {
    closeSync(openSync(path, 'wx', FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) tightenMode(file);
}

/** Removes a closed cache file with its `-wal` and `-shm` files; those already gone are fine. */
export function removeCacheFile(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
}

/** Takes group/other bits off a file of ours left looser by an older build or a copy. */
function tightenMode(file: string): void {
  if (!existsSync(file)) return;
  const st = statSync(file);
  if ((st.mode & 0o077) === 0 || (process.getuid && st.uid !== process.getuid())) return;
  chmodSync(file, FILE_MODE);
}
