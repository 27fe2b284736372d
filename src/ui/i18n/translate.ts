/** Every string the console shows, in English and Vietnamese side by side (one file per area), and their lookup. */
import type { Lang } from '../../config/settings.js';
import { fill } from '../../messages.js';
import { frame } from './frame.js';
import { keys } from './keys.js';
import { screens } from './screens.js';

const MESSAGES = { ...frame, ...screens, ...keys };
export type MessageKey = keyof typeof MESSAGES;

const catalogue = (i: 0 | 1) =>
  Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[i]])) as Record<MessageKey, string>;
export const en = catalogue(0);
export const vi = catalogue(1);
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, vi };

export type Params = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[lang][key];
  return params ? fill(text, (name) => params[name]) : text;
}

/** A translator bound to one language, as components use it. */
export type Translate = (key: MessageKey, params?: Params) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);
