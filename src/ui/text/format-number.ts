/**
 * Numbers as operators read them: Vietnamese groups thousands with "." and uses "," for
 * decimals (1.234,5), English the other way round.
 */
import type { Lang } from '../../config/settings.js';
import type { Translate } from '../i18n/translate.js';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** A whole count: 1.234 (vi), 1,234 (en). */
export const formatCount = (n: number, lang: Lang): string => formatter(lang, 0).format(Math.round(n));

/** A rate, with one decimal below 10 so a quiet agency does not read as zero. */
export function formatRate(n: number, lang: Lang): string {
  if (n === 0) return '0';
  return Math.abs(n) < 10 ? formatter(lang, 1).format(n) : formatCount(n, lang);
}

/** A share 0..1 as a percentage with one decimal; "–" when there is nothing to divide. */
export function formatPercent(share: number | null, lang: Lang): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return `${formatter(lang, 1).format(share * 100)}%`;
}

/**
 * Documents sent and received per minute, or both per hour when the larger is below one a
 * minute (`3/h`, not `0.0/min`): side by side, they share one unit.
 */
export function formatFlows(sent: number, received: number, lang: Lang, t: Translate): { sent: string; recv: string } {
  const top = Math.max(sent, received);
  const one = (n: number): string =>
    top > 0 && top < 1
      ? t('unit.perHour', { n: formatCount(n * 60, lang) })
      : t('unit.perMin', { n: formatRate(n, lang) });
  return { sent: one(sent), recv: one(received) };
}
