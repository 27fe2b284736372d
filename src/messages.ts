/** Catalogues keeping each key's English and Vietnamese side by side: a pair's text and the `{name}` fill. */
import type { Lang } from './config/settings.js';

/** Each key with its English and its Vietnamese text, so neither language can lack one. */
export type Messages = Readonly<Record<string, readonly [en: string, vi: string]>>;

/** A pair's text in `lang`. */
export const inLang = (pair: readonly [en: string, vi: string], lang: Lang): string => pair[lang === 'en' ? 0 : 1];

/** Fills each `{name}` with `value(name)`; a placeholder without a value stays as written. */
export const fill = (text: string, value: (name: string) => string | number | undefined): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => String(value(name) ?? whole));
