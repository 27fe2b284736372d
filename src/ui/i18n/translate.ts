/** Every string the console shows, in English and Vietnamese side by side (one file per area), and their lookup. */
import type { Lang } from '../../config/settings.js';
import { fill, inLang } from '../../messages.js';
import { frame } from './frame.js';
import { keys } from './keys.js';
import { screens } from './screens.js';

export const MESSAGES = { ...frame, ...screens, ...keys };
export type MessageKey = keyof typeof MESSAGES;

export type Params = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = inLang(MESSAGES[key], lang);
  return params ? fill(text, (name) => params[name]) : text;
}

/** A translator bound to one language, as components use it. */
export type Translate = (key: MessageKey, params?: Params) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);
