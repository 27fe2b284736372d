/** Looks up a UI string and fills its `{name}` placeholders. */
import type { Lang } from '../../config/settings.js';
import { en, type MessageKey } from './messages-en.js';
import { vi } from './messages-vi.js';

export type { MessageKey };
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, vi };

export type Params = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, as components use it. */
export type Translate = (key: MessageKey, params?: Params) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);
