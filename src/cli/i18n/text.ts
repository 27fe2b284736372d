/** Looks up a command's line in the chosen language and fills its `{name}` placeholders. */
import type { Lang } from '../../config/settings.js';
import { cliEn, type CliKey } from './messages-en.js';
import { cliVi } from './messages-vi.js';

export type { CliKey };
/** A placeholder's value: as is, or another line of the table (in the same language). */
type CliParam = string | number | { readonly key: CliKey };
export type CliParams = Readonly<Record<string, CliParam>>;

const TABLES: Readonly<Record<Lang, Readonly<Record<CliKey, string>>>> = { en: cliEn, vi: cliVi };

export function cliText(lang: Lang, key: CliKey, params?: CliParams): string {
  const text = TABLES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? cliText(lang, value.key) : String(value);
  });
}

/** A translator bound to one language. */
export type CliTranslate = (key: CliKey, params?: CliParams) => string;
export const cliTranslator =
  (lang: Lang): CliTranslate =>
  (key, params) =>
    cliText(lang, key, params);
