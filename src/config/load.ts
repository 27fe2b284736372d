import { join } from 'node:path';
import { readJsonFile } from './json-file.js';
import { configDir, type Env } from './xdg.js';
import { isLang, settingsFileSchema, type Lang, type Settings, type SettingsFile } from './settings.js';
import { describeIssue } from '../protocol/rejection.js';

/** A settings problem the user must fix; the message names the file and the field. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    message: string,
    /** Which setting is wrong, for a command to word in the operator's language. */
    readonly field: 'file' | 'lang' | 'url' = 'file',
    readonly value = '',
  ) {
    super(message);
  }
}

/** The locale's language (`LC_ALL` > `LC_MESSAGES` > `LANG`, as POSIX has it): `vi_*` Vietnamese, else English. */
export function langFromEnv(env: Env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.-]|$)/i.test(locale) ? 'vi' : 'en';
}

/** The settings file: `--config`, else HUBMON_CONFIG, else `config.json` in the XDG config folder. */
export const settingsFilePath = (flag: string | undefined, env: Env): string =>
  flag ?? env.HUBMON_CONFIG ?? join(configDir(env), 'config.json');

/** Reads `config.json` from the XDG config folder; a missing file is no error, a bad one is. */
export function readSettingsFile(path: string): SettingsFile | null {
  const file = readJsonFile(path);
  if (file.kind === 'absent') return null;
  if (file.kind === 'error') throw new SettingsError(file.error);
  const parsed = settingsFileSchema.safeParse(file.value);
  if (!parsed.success) throw new SettingsError(`${path}: ${describeIssue(parsed.error.issues, file.value)}`);
  return parsed.data;
}

/** Settings given on the command line; undefined means "not given". */
export type SettingsFlags = Partial<Omit<SettingsFile, 'lang'>> & { lang?: string; config?: string };

/**
 * Flags over environment (HUBMON_URL, HUBMON_CACHE, HUBMON_LANG, HUBMON_ASCII=1, LANG) over the config file over
 * defaults. Colour is no setting: it follows the terminal and NO_COLOR (ui/text/paint.ts).
 */
export function resolveSettings(flags: SettingsFlags, env: Env): Settings {
  const configFile = settingsFilePath(flags.config, env);
  const file = readSettingsFile(configFile) ?? {};
  const langText = flags.lang ?? env.HUBMON_LANG ?? file.lang;
  if (langText !== undefined && !isLang(langText))
    throw new SettingsError(`language: expected "vi" or "en", got "${langText}"`, 'lang', langText);
  const url = flags.url ?? env.HUBMON_URL ?? file.url ?? null;
  if (url !== null && !/^wss?:\/\//.test(url))
    throw new SettingsError(`url: expected ws:// or wss://, got "${url}"`, 'url', url);
  return {
    url,
    cache: flags.cache ?? env.HUBMON_CACHE ?? file.cache ?? null,
    lang: langText ?? langFromEnv(env),
    ascii: flags.ascii ?? (env.HUBMON_ASCII ? env.HUBMON_ASCII !== '0' : undefined) ?? file.ascii ?? false,
    tokenFile: flags.tokenFile ?? file.tokenFile ?? null,
    ca: flags.ca ?? file.ca ?? null,
    staleAfterSeconds: flags.staleAfterSeconds ?? file.staleAfterSeconds ?? null,
    clockToleranceSeconds: flags.clockToleranceSeconds ?? file.clockToleranceSeconds ?? null,
    demoSeed: flags.demoSeed ?? file.demoSeed ?? 1,
    configFile,
  };
}
