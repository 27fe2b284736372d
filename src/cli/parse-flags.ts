import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDuration } from '../alerts/duration.js';
import { isLang, resolveSettings, type SettingsFlags } from '../config/index.js';
import { UsageError, type CliKey, type CliParam, type CliParams } from './command.js';

/**
 * A command's flags, read strictly: a mistake is a `UsageError` naming it (exit 2), not a stack trace. With
 * `--token-file` known, `--token VALUE` is answered with where the token goes (`ps` would show a value).
 */
export function parseFlags<T extends Omit<ParseArgsConfig, 'args'>>(
  argv: readonly string[],
  config: T,
  tokenSources: CliKey = 'flag.tokenSources.client',
): ReturnType<typeof parseArgs<T>> {
  // `--token` or `--token=…` among the flags (not after a `--`, where only arguments follow).
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  if (config.options?.['token-file'] && flags.some((a) => a === '--token' || a.startsWith('--token=')))
    throw new UsageError('flag.token', { sources: { key: tokenSources } });
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>({ strict: true, allowPositionals: false, ...config, args: [...argv] });
  } catch (err) {
    throw usageOf(err, config);
  }
  const lang = (parsed.values as Record<string, unknown>).lang;
  if (typeof lang === 'string' && !isLang(lang)) throw new UsageError('settings.lang', { value: lang });
  return parsed;
}

/** Options that each take one string value, in the order `flag.unknown` lists them. */
export const strings = <K extends string>(...names: K[]) =>
  Object.fromEntries(names.map((n) => [n, { type: 'string' }])) as { [N in K]: { type: 'string' } };

/** Node's parse error as our own words: which flag or argument, and what is accepted. */
function usageOf(err: unknown, config: Omit<ParseArgsConfig, 'args'>): UsageError {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  const named = /'([^' ]+)/.exec(message)?.[1] ?? message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const list = Object.entries(config.options ?? {}).map(([name, o]) => `--${name}${o.type === 'string' ? ' …' : ''}`);
    return new UsageError('flag.unknown', { flag: named, list: list.join(', ') });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const key = /argument missing/.test(message) ? 'flag.missingValue' : 'flag.noValue';
    return new UsageError(/ambiguous/.test(message) ? 'flag.dashValue' : key, { flag: named.replace(/ .*/, '') });
  }
  const positional = code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL';
  return new UsageError('flag.unexpectedArg', { arg: positional ? named : message });
}

/** The settings each command names the same way on its command line, and what they are in `SettingsFlags`. */
const SETTINGS = { url: 'url', cache: 'cache', lang: 'lang', 'token-file': 'tokenFile', ca: 'ca', config: 'config' };

/** The settings from a command's parsed flags (a flag not given is left out) and `more`, over the environment. */
export function settingsOf(values: Record<string, unknown>, env: NodeJS.ProcessEnv, more: SettingsFlags = {}) {
  const given = Object.entries(SETTINGS).filter(([flag]) => typeof values[flag] === 'string');
  const flags: SettingsFlags = Object.fromEntries(given.map(([flag, setting]) => [setting, values[flag]]));
  return resolveSettings({ ...flags, ...more }, env);
}

/** The single FILE a command takes; none or more than one is a `UsageError` naming `what`. */
export function oneFile(positionals: readonly string[], what: CliKey): string {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('arg.oneFile', { what: { key: what }, n: positionals.length });
  return file;
}

/** `{flag}: expected {what}, got "{value}"`: `what` a list, or a phrase of the table filled from `params`. */
export const badValue = (flag: string, value: string | undefined, what: CliParam, params?: CliParams): UsageError =>
  new UsageError('flag.expected', { ...params, flag, value: value ?? '', what });

/** A whole-number flag from `min` to `max` (no `max`: any above `min`); `fallback` when not given. */
export function wholeFlag(flag: string, text: string | undefined, fallback: number, min = 1, max?: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  const what = { key: max === undefined ? 'expect.wholeMin' : 'expect.wholeRange' } as const;
  if (!/^\d+$/.test(text) || n < min || (max !== undefined && n > max))
    throw badValue(`--${flag}`, text, what, { min, max: max ?? '' });
  return n;
}

/** A duration flag (`90s`, `2m`, `1h30m`) above zero; `fallback` when not given. */
export function durationFlag(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw badValue(`--${flag}`, text, { key: 'expect.duration' });
  return ms;
}

/** One of `list`, `fallback` when not given. */
export function oneOf<T extends string>(flag: string, text: string | undefined, list: readonly T[], fallback: T): T {
  const value = (text ?? fallback) as T;
  if (!list.includes(value)) throw badValue(`--${flag}`, value, list.join(', '));
  return value;
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
