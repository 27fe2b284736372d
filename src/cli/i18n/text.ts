/** Looks up a command's line in the chosen language and fills its `{name}` placeholders. */
import type { Lang } from '../../config/settings.js';
import { fill, inLang } from '../../messages.js';
import { cliMessages } from './messages.js';

export type CliKey = keyof typeof cliMessages;
/** A placeholder's value: as is, or another line of the table (in the same language). */
type CliParam = string | number | { readonly key: CliKey };
export type CliParams = Readonly<Record<string, CliParam>>;

export function cliText(lang: Lang, key: CliKey, params?: CliParams): string {
  return fill(inLang(cliMessages[key], lang), (name) => {
    const value = params?.[name];
    return typeof value === 'object' ? cliText(lang, value.key) : value;
  });
}

/** A translator bound to one language. */
export type CliTranslate = (key: CliKey, params?: CliParams) => string;
export const cliTranslator =
  (lang: Lang): CliTranslate =>
  (key, params) =>
    cliText(lang, key, params);
