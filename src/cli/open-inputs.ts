/** The cache or recording a reading command was pointed at, opened with its mistakes named. */
import type { RecordingCache } from '../record/recording-cache.js';
import { UsageError } from './command.js';

/** Whether an error is SQLite saying the file is not a database. */
export const isNotDatabase = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_NOTADB';

/** Opens with `open`; a file that is not a database is a `UsageError` naming `flag`. */
export function openNamedCache<T>(flag: string, path: string, open: () => T): T {
  let opened: T;
  try {
    opened = open();
  } catch (err) {
    if (isNotDatabase(err)) throw new UsageError('cache.notCache', { flag, path });
    throw err;
  }
  if (opened instanceof Promise)
    return opened.catch((err: unknown) => {
      if (isNotDatabase(err)) throw new UsageError('cache.notCache', { flag, path });
      throw err;
    }) as T;
  return opened;
}

/** Every line of the file set aside, none a message: not a recording. */
export const notRecording = (r: RecordingCache): boolean => r.ingest.lines > 0 && r.ingest.rejections >= r.ingest.lines;

/** Throws (after disposing) when the recording is not one. */
export function requireRecording(flag: string, file: string, r: RecordingCache): RecordingCache {
  if (!notRecording(r)) return r;
  r.dispose();
  throw new UsageError('file.notRecording', { flag, file });
}

/** Writes with `write`; a folder that is missing or closed becomes one line naming `flag`. */
export function writeNamed(flag: string, file: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError('file.unwritable', { flag, file, code });
  }
}
