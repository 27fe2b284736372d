import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/**
 * A command's flags, read strictly by `parseArgs`: an unknown flag, a missing value or a stray
 * argument becomes a `UsageError` (exit code 2, pointer to --help) instead of a stack trace.
 */
export function parseFlags<T extends Omit<ParseArgsConfig, 'args'>>(
  argv: readonly string[],
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, allowPositionals: false, ...config, args: [...argv] });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** The single FILE a command takes; none or more than one is a `UsageError` saying `problem`. */
export function oneFile(positionals: readonly string[], problem: string): string {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(problem);
  return file;
}
