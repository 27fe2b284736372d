/** Catalogues keeping each key's English and Vietnamese side by side: a pair's text and the `{name}` fill. */
import type { Lang } from './config/settings.js';

/** One message: its English and its Vietnamese text. */
export type Pair = readonly [en: string, vi: string];
/** Each key with its pair, so neither language can lack one. */
export type Messages = Readonly<Record<string, Pair>>;

export const inLang = (pair: Pair, lang: Lang): string => pair[lang === 'en' ? 0 : 1];

/** Fills each `{name}` with `value(name)`; a placeholder without a value stays as written. */
export const fill = (text: string, value: (name: string) => string | number | undefined): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => String(value(name) ?? whole));

/** A lookup bound to one catalogue and language; `params` fill the placeholders. */
export const wordsIn =
  <K extends string>(messages: Readonly<Record<K, Pair>>, lang: Lang) =>
  (key: K, params?: Readonly<Record<string, string | number>>): string =>
    fill(inLang(messages[key], lang), (name) => params?.[name]);
