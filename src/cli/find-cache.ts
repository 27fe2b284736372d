/** The cache `report` and `status` read: the one named, else the hub's own, else the only one under the XDG folder. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../config/xdg.js';
import { defaultCachePath } from '../store/index.js';
import { UsageError } from './command.js';

type CacheChoice =
  | { readonly kind: 'named'; readonly path: string }
  | { readonly kind: 'hub'; readonly path: string }
  | { readonly kind: 'only'; readonly path: string };

/** Throws a `UsageError` when there is none to choose, or more than one and nothing to tell them apart. */
export function findCache(cache: string | null, url: string | null, env: NodeJS.ProcessEnv): CacheChoice {
  if (cache !== null) return { kind: 'named', path: cache };
  if (url !== null) return { kind: 'hub', path: defaultCachePath(url, env) };
  const dir = cacheDir(env);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
  } catch {
    files = [];
  }
  if (files.length === 1) return { kind: 'only', path: join(dir, files[0]!) };
  if (files.length === 0) throw new UsageError('cache.none');
  throw new UsageError('cache.several', { dir, list: files.sort().join(', ') });
}
