/** The files, caches and recordings named on the command line, checked before use so a mistake reads as one line. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../config/xdg.js';
import type { RecordingCache } from '../record/recording-cache.js';
import { defaultCachePath } from '../store/index.js';
import { UsageError } from './command.js';

/** Throws a `UsageError` naming `flag` and `path` unless `path` is a file this process can stat. */
export function requireFile(flag: string, path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError('file.missing', { flag, file: path });
    throw new UsageError('file.unreadable', { flag, file: path, code });
  }
  if (!isFile) throw new UsageError('file.isDir', { flag, file: path });
}

/**
 * The cache `report` and `status` read: the one named, else the hub's own, else the only one under the XDG folder.
 * Throws a `UsageError` when there is none to choose, or more than one and nothing to tell them apart.
 */
export function findCache(cache: string | null, url: string | null, env: NodeJS.ProcessEnv) {
  if (cache !== null) return { named: true, path: cache };
  if (url !== null) return { named: false, path: defaultCachePath(url, env) };
  const dir = cacheDir(env);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
  } catch {
    // No folder: no cache.
  }
  if (files.length === 1) return { named: false, path: join(dir, files[0]!) };
  if (files.length === 0) throw new UsageError('cache.none');
  throw new UsageError('cache.several', { dir, list: files.sort().join(', ') });
}

/** Whether an error is SQLite saying the file is not a database. */
export const isNotDatabase = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_NOTADB';

/** Opens with `open`; a file that is not a database is a `UsageError` naming `flag`. */
export async function openNamedCache<T>(flag: string, path: string, open: () => T | Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (err) {
    if (isNotDatabase(err)) throw new UsageError('cache.notCache', { flag, path });
    throw err;
  }
}

/** Every line of the file set aside, none a message: not a recording. */
export const notRecording = (r: RecordingCache): boolean => r.ingest.lines > 0 && r.ingest.rejections >= r.ingest.lines;
