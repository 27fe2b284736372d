/** Every string the console shows, in English and Vietnamese side by side (one file per area), and their lookup. */
import type { Lang } from '../../config/settings.js';
import { fill, type Messages } from '../../messages.js';
import { frame } from './frame.js';
import { keys } from './keys.js';
import { screens } from './screens.js';

export const MESSAGES = { ...frame, ...screens, ...keys };
export type MessageKey = keyof typeof MESSAGES;

export type Params = Readonly<Record<string, string | number>>;

/** A lookup bound to one language, as components use it; `params` fill the placeholders. */
export type Translate = (key: MessageKey, params?: Params) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) => {
    // Undefined for a key made of hub data that has no words (a status code): the caller falls back to the code.
    const text = (MESSAGES as Messages)[key]?.[lang === 'en' ? 0 : 1] as string;
    return params ? fill(text, (name) => params[name]) : text;
  };
