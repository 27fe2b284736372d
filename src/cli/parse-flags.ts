import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDuration } from '../alerts/duration.js';
import { isLang } from '../config/settings.js';
import type { SettingsFlags } from '../config/load.js';
import { UsageError } from './command.js';
import type { CliKey } from './i18n/text.js';

/**
 * A command's flags, read strictly: a mistake is a `UsageError` naming it (exit 2), not a stack trace. With
 * `--token-file` known, `--token VALUE` is answered with where the token goes (`ps` would show a value).
 */
export function parseFlags<T extends Omit<ParseArgsConfig, 'args'>>(
  argv: readonly string[],
  config: T,
  tokenSources: CliKey = 'flag.tokenSources.client',
): ReturnType<typeof parseArgs<T>> {
  if (config.options !== undefined && 'token-file' in config.options && givesToken(argv))
    throw new UsageError('flag.token', { sources: { key: tokenSources } });
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>({ strict: true, allowPositionals: false, ...config, args: [...argv] });
  } catch (err) {
    throw usageOf(err, config);
  }
  const lang = (parsed.values as Record<string, unknown>).lang;
  if (typeof lang === 'string' && !isLang(lang)) throw new UsageError('flag.lang', { value: lang });
  return parsed;
}

/** Node's parse error as our own words: which flag or argument, and what is accepted. */
function usageOf(err: unknown, config: Omit<ParseArgsConfig, 'args'>): UsageError {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  const named = /'([^' ]+)/.exec(message)?.[1] ?? message;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const list = Object.entries(config.options ?? {})
        .map(([name, o]) => `--${name}${o.type === 'string' ? ' …' : ''}`)
        .join(', ');
      return new UsageError('flag.unknown', { flag: named, list });
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        /argument missing/.test(message)
          ? 'flag.missingValue'
          : /ambiguous/.test(message)
            ? 'flag.dashValue'
            : 'flag.noValue',
        { flag: named.replace(/ .*/, '') },
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError('flag.unexpectedArg', { arg: named });
    default:
      return new UsageError('flag.unexpectedArg', { arg: message });
  }
}

/** `--token` or `--token=…` among the flags (not after a `--`, where only arguments follow). */
function givesToken(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--token' || a.startsWith('--token='));
}

/** The settings each command names the same way on its command line, and what they are in `SettingsFlags`. */
const SETTING_OF_FLAG = {
  url: 'url',
  cache: 'cache',
  lang: 'lang',
  'token-file': 'tokenFile',
  ca: 'ca',
  config: 'config',
} as const;

/** The settings given among a command's parsed flags, for `resolveSettings`; a flag not given is left out. */
export function settingsFlags(values: Readonly<Record<string, unknown>>): SettingsFlags {
  const flags: { [S in (typeof SETTING_OF_FLAG)[keyof typeof SETTING_OF_FLAG]]?: string } = {};
  for (const flag of Object.keys(SETTING_OF_FLAG) as (keyof typeof SETTING_OF_FLAG)[]) {
    const value = values[flag];
    if (typeof value === 'string') flags[SETTING_OF_FLAG[flag]] = value;
  }
  return flags;
}

/** The single FILE a command takes; none or more than one is a `UsageError` naming `what`. */
export function oneFile(positionals: readonly string[], what: CliKey): string {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('arg.oneFile', { what: { key: what }, n: positionals.length });
  return file;
}

/** A whole-number flag from `min` to `max` (no `max`: any above `min`); `fallback` when not given. */
export function wholeFlag(flag: string, text: string | undefined, fallback: number, min = 1, max?: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || (max !== undefined && n > max))
    throw new UsageError(max === undefined ? 'flag.wholeMin' : 'flag.wholeRange', {
      flag: `--${flag}`,
      min,
      max: max ?? '',
      value: text,
    });
  return n;
}

/** A duration flag (`90s`, `2m`, `1h30m`) above zero; `fallback` when not given. */
export function durationFlag(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new UsageError('flag.duration', { flag: `--${flag}`, value: text });
  return ms;
}

/** A socket the system refused to listen on, as a `UsageError` naming the flag behind it; other errors as they are. */
export function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new UsageError('flag.portInUse', { value: port });
  if (code === 'EACCES') return new UsageError('flag.portDenied', { value: port });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new UsageError('flag.host', { value: host, code });
  return err;
}
