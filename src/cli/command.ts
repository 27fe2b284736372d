/**
 * What a `hubmon` subcommand is, where it writes, the errors it stops with and the signals that end it; its lines in
 * the operator's language: which language, the lookup filling `{name}`, the line for an error.
 */
import { langFromEnv, readSettingsFile, SettingsError, settingsFilePath } from '../config/load.js';
import { isLang, type Lang } from '../config/settings.js';
import { TokenError } from '../ingest/token.js';
import { fill, inLang } from '../messages.js';
import { PeriodError } from '../report/period.js';
import type { Help } from './help/help.js';
import { cliMessages } from './i18n/messages.js';

/** One `hubmon` subcommand. `run` returns the process exit code; it never calls process.exit. */
export interface Command {
  readonly name: string;
  /** `hubmon --help`'s line and the `hubmon NAME --help` text, in each language. */
  readonly help: Help;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** Where a command writes; tests pass their own streams. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** An error named by a message key, so it is printed in the operator's language. */
abstract class WordedError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: CliParams = {},
  ) {
    super(key);
  }
}

/** A usage mistake: one line with a pointer to --help, exit code 2. */
export class UsageError extends WordedError {}

/** A command that cannot go on for a reason the operator can fix (a missing cache): exit code 1. */
export class CommandError extends WordedError {}

/** Resolves at the first SIGINT or SIGTERM: how sim, gateway and record learn to close cleanly. */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export type CliKey = keyof typeof cliMessages;
/** A placeholder's value: as is, or another line of the table (in the same language, filled from the same params). */
export type CliParam = string | number | { readonly key: CliKey };
export type CliParams = Readonly<Record<string, CliParam>>;

export type CliTranslate = (key: CliKey, params?: CliParams) => string;
export const cliTranslator = (lang: Lang): CliTranslate => {
  const t: CliTranslate = (key, params) =>
    fill(inLang(cliMessages[key], lang), (name) => {
      const value = params?.[name];
      return typeof value === 'object' ? t(value.key, params) : value;
    });
  return t;
};

/** The value after the last `--lang` (or in `--lang=…`) before a `--`. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === flag) value = argv[i + 1];
    else if (argv[i]!.startsWith(`${flag}=`)) value = argv[i]!.slice(flag.length + 1);
  }
  return value;
}

/**
 * `--lang`, HUBMON_LANG, the settings file, then the locale; a bad value falls through to the next, so even the
 * error naming it speaks a language the operator chose.
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const flag = flagValue(argv, '--lang');
  if (isLang(flag)) return flag;
  if (isLang(env.HUBMON_LANG)) return env.HUBMON_LANG;
  let file: string | undefined;
  try {
    file = readSettingsFile(settingsFilePath(flagValue(argv, '--config'), env))?.lang;
  } catch {
    // A bad settings file is named when the command reads its settings.
  }
  return isLang(file) ? file : langFromEnv(env);
}

export const cliWords = (argv: readonly string[], env: NodeJS.ProcessEnv): CliTranslate =>
  cliTranslator(cliLang(argv, env));

/** Whether the error is one the operator caused and can fix from the command line. */
export const isUsageMistake = (err: unknown): boolean =>
  err instanceof UsageError || err instanceof PeriodError || err instanceof SettingsError || err instanceof TokenError;

/** The operator's one line for anything a command stops on, worded from the error's fields. */
export function errorText(err: unknown, t: CliTranslate): string {
  if (err instanceof UsageError || err instanceof CommandError) return t(err.key, err.params);
  if (err instanceof SettingsError) return t(`settings.${err.field}`, { value: err.value, detail: err.message });
  if (err instanceof PeriodError) return t(`period.${err.problem}`, err.params);
  if (err instanceof TokenError)
    return t(`token.${err.problem}`, { path: err.path, code: err.detail, mode: err.detail });
  return err instanceof Error ? err.message : String(err);
}
