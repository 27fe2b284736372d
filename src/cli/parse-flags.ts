import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** Where a hub client takes its bearer token from. */
export const CLIENT_TOKEN_SOURCES = 'set HUBMON_TOKEN or give --token-file PATH';

/**
 * A command's flags, read strictly by `parseArgs`: an unknown flag, a missing value or a stray
 * argument becomes a `UsageError` (exit code 2, pointer to --help) instead of a stack trace.
 * A command that takes `--token-file` answers `--token VALUE` with where the token goes
 * instead (`tokenSources`): a value on the command line would show in `ps` and shell history.
 */
export function parseFlags<T extends Omit<ParseArgsConfig, 'args'>>(
  argv: readonly string[],
  config: T,
  tokenSources: string = CLIENT_TOKEN_SOURCES,
): ReturnType<typeof parseArgs<T>> {
  if (config.options !== undefined && 'token-file' in config.options && givesToken(argv))
    throw new UsageError(
      `--token: the token is never taken on the command line, where ps and shell history would show it; ${tokenSources}`,
    );
  try {
    return parseArgs<T>({ strict: true, allowPositionals: false, ...config, args: [...argv] });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** `--token` or `--token=…` among the flags (not after a `--`, where only arguments follow). */
function givesToken(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--token' || a.startsWith('--token='));
}

/** The single FILE a command takes; none or more than one is a `UsageError` saying `problem`. */
export function oneFile(positionals: readonly string[], problem: string): string {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(problem);
  return file;
}
