/**
 * Times and durations in the operator's language, with date-fns and its `vi` locale
 * ("12 phút trước") for relative times.
 */
import { formatDistanceStrict } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { vi } from 'date-fns/locale/vi';
import type { Lang } from '../i18n/lang.js';

const LOCALES = { vi, en: enGB } as const;

/** "12 phút trước" / "12 minutes ago"; `ts` after `now` reads as "now" (clock skew). */
export function formatAgo(ts: number, now: number, lang: Lang): string {
  return formatDistanceStrict(Math.min(ts, now), now, { addSuffix: true, locale: LOCALES[lang] });
}

/** "12 phút" / "12 minutes": a length of time in words. */
export function formatSpan(ms: number, lang: Lang): string {
  return formatDistanceStrict(0, Math.max(0, ms), { locale: LOCALES[lang] });
}

const UNITS: Record<Lang, readonly (readonly [number, string])[]> = {
  en: [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ],
  vi: [
    [86_400_000, ' ngày'],
    [3_600_000, ' giờ'],
    [60_000, ' phút'],
    [1000, ' giây'],
  ],
};

/** The largest whole unit, for narrow columns: "3d" / "3 ngày", "12m" / "12 phút". */
export function formatDurationShort(ms: number, lang: Lang): string {
  const units = UNITS[lang];
  const abs = Math.max(0, ms);
  for (const [size, label] of units) {
    if (abs >= size) return `${Math.floor(abs / size)}${label}`;
  }
  return `0${units[units.length - 1]?.[1] ?? 's'}`;
}

/** Wall-clock time of day in UTC+7 (giờ Việt Nam), HH:MM:SS. */
export function formatClock(ts: number): string {
  return new Date(ts + 7 * 3_600_000).toISOString().slice(11, 19);
}

/** Date and time in UTC+7, YYYY-MM-DD HH:MM. */
export function formatDateTime(ts: number): string {
  return new Date(ts + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
