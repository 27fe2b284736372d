import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';

/** Why no usable token could be read; the message is meant for the operator, as is. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    message: string,
    /** What is wrong with the file, for a command to word in the operator's language. */
    readonly problem: 'unreadable' | 'notFile' | 'mode' | 'empty' | 'lines',
    readonly path: string,
    /** The errno code (`unreadable`) or the file's mode (`mode`). */
    readonly detail = '',
  ) {
    super(message);
  }
}

/** Reads a token file, refusing one others may read; checked through its descriptor so it cannot be swapped. */
export function readTokenFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new TokenError(`cannot read token file ${path}: ${code}`, 'unreadable', path, code);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new TokenError(`token file ${path} is not a regular file`, 'notFile', path);
    if ((st.mode & 0o077) !== 0) {
      const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
      throw new TokenError(
        `token file ${path} is readable by other users (mode ${mode}); run: chmod 600 ${path}`,
        'mode',
        path,
        mode,
      );
    }
    const token = readFileSync(fd, 'utf8').trim();
    if (token === '') throw new TokenError(`token file ${path} is empty`, 'empty', path);
    if (/[\r\n]/.test(token)) throw new TokenError(`token file ${path} holds more than one line`, 'lines', path);
    return token;
  } finally {
    closeSync(fd);
  }
}

/** The token from `--token-file`, else `HUBMON_TOKEN`, else none (never from the command line: `ps` shows it). */
export function resolveToken(options: { tokenFile?: string; env: NodeJS.ProcessEnv }) {
  if (options.tokenFile !== undefined) return { token: readTokenFile(options.tokenFile), source: 'file' as const };
  const fromEnv = options.env.HUBMON_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'env' as const };
  return { token: undefined, source: 'none' as const };
}
