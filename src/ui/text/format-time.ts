/** Times and durations in the operator's language (date-fns and its `vi` locale for relative times). */
import { formatDistanceStrict } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { vi } from 'date-fns/locale/vi';
import type { Lang } from '../../config/settings.js';

const LOCALES = { vi, en: enGB } as const;

/** "12 phút trước" / "12 minutes ago"; `ts` after `now` reads as "now" (clock skew). */
export const formatAgo = (ts: number, now: number, lang: Lang): string =>
  formatDistanceStrict(Math.min(ts, now), now, { addSuffix: true, locale: LOCALES[lang] });

export const formatSpan = (ms: number, lang: Lang): string =>
  formatDistanceStrict(0, Math.max(0, ms), { locale: LOCALES[lang] });

const UNITS: Record<Lang, { d: string; h: string; m: string; mAlone: string; s: string }> = {
  en: { d: 'd', h: 'h', m: 'm', mAlone: ' min', s: ' s' },
  vi: { d: ' ngày', h: ' giờ', m: ' phút', mAlone: ' phút', s: ' giây' },
};

/**
 * The one duration format of the console: the two largest units from a day down, the second left out when zero —
 * "1d 23h", "5h 12m", "47 min", "12 s" / "1 ngày 23 giờ", "47 phút".
 */
export function formatDurationShort(ms: number, lang: Lang): string {
  const u = UNITS[lang];
  const abs = Math.max(0, ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  if (d > 0) return h > 0 ? `${d}${u.d} ${h}${u.h}` : `${d}${u.d}`;
  if (h > 0) return m > 0 ? `${h}${u.h} ${m}${u.m}` : `${h}${u.h}`;
  if (m > 0) return `${m}${u.mAlone}`;
  return `${Math.floor(abs / 1000)}${u.s}`;
}

/** A duration as a table cell: both units, or the largest alone ("1d", "1 ngày") where the column is narrow. */
export function durationCell(ms: number, lang: Lang): { text: string; short: string } {
  const text = formatDurationShort(ms, lang);
  return { text, short: text.split(/ (?=\d)/)[0] ?? '' };
}

export { vietnamDateTime as formatDateTime } from '../../protocol/local-time.js';
