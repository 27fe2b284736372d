/** The console's languages: Vietnamese for the hub's operators, English for everyone else. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/**
 * The language from the locale environment (`LC_ALL` wins over `LC_MESSAGES` over `LANG`,
 * as POSIX has it): Vietnamese for `vi_*`, English otherwise.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^vi([_.-]|$)/i.test(locale) ? 'vi' : 'en';
}
