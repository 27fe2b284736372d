/** Files named on the command line, checked before use so a mistake reads as one plain line. */
import { statSync } from 'node:fs';
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
