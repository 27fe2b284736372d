/** The status check's words in the chosen language, with `{name}` placeholders filled. */
import type { Lang } from '../config/settings.js';
import { statusEn, type StatusKey } from './messages-en.js';
import { statusVi } from './messages-vi.js';

export type { StatusKey };
const TABLES: Readonly<Record<Lang, Readonly<Record<StatusKey, string>>>> = { en: statusEn, vi: statusVi };

export type StatusWords = (key: StatusKey, params?: Readonly<Record<string, string | number>>) => string;

export const statusWords =
  (lang: Lang): StatusWords =>
  (key, params) =>
    TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
