/**
 * The language before settings are read: `--lang`, HUBMON_LANG, the settings file, then the locale; a bad value
 * falls through to the next, so even the error naming it speaks a language the operator chose.
 */
import { langFromEnv, readSettingsFile, settingsFilePath } from '../../config/load.js';
import { isLang, type Lang } from '../../config/settings.js';

/** The value after the last `--lang` (or in `--lang=…`) before a `--`. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === flag) value = argv[i + 1];
    else if (a.startsWith(`${flag}=`)) value = a.slice(flag.length + 1);
  }
  return value;
}

function settingsFileLang(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const path = settingsFilePath(flagValue(argv, '--config'), env);
  try {
    return readSettingsFile(path)?.lang;
  } catch {
    return undefined;
  }
}

export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const flag = flagValue(argv, '--lang');
  if (isLang(flag)) return flag;
  if (isLang(env.HUBMON_LANG)) return env.HUBMON_LANG;
  const file = settingsFileLang(argv, env);
  if (isLang(file)) return file;
  return langFromEnv(env);
}
