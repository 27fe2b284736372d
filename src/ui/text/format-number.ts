/** Numbers as operators read them: Vietnamese writes 1.234,5, English 1,234.5. */
import type { Lang } from '../../config/settings.js';
import type { Translate } from '../i18n/translate.js';

const format = (locale: string, digits: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const WHOLE: Record<Lang, Intl.NumberFormat> = { vi: format('vi-VN', 0), en: format('en-GB', 0) };
const TENTHS: Record<Lang, Intl.NumberFormat> = { vi: format('vi-VN', 1), en: format('en-GB', 1) };

/** A whole count: 1.234 (vi), 1,234 (en). */
export const formatCount = (n: number, lang: Lang): string => WHOLE[lang].format(Math.round(n));

/** A rate, with one decimal below 10 so a quiet agency does not read as zero. */
export const formatRate = (n: number, lang: Lang): string =>
  n === 0 ? '0' : Math.abs(n) < 10 ? TENTHS[lang].format(n) : formatCount(n, lang);

/** A share 0..1 as a percentage with one decimal; "–" when there is nothing to divide. */
export const formatPercent = (share: number | null, lang: Lang): string =>
  share === null || !Number.isFinite(share) ? '–' : `${TENTHS[lang].format(share * 100)}%`;

/** A latency: `85 ms` below a second, `1.4 s` (vi `1,4 s`) from one up, whole seconds from 100: within seven cells. */
export const formatLatency = (ms: number, lang: Lang): string =>
  ms < 999.5 ? `${formatCount(ms, lang)} ms` : `${(ms < 99_950 ? TENTHS : WHOLE)[lang].format(ms / 1000)} s`;

/**
 * Documents sent and received per minute, or both per hour when the larger is below one a minute (`3/h`, not
 * `0.0/min`): side by side, they share one unit.
 */
export function formatFlows(sent: number, received: number, lang: Lang, t: Translate): { sent: string; recv: string } {
  const top = Math.max(sent, received);
  const one = (n: number): string =>
    top > 0 && top < 1
      ? t('unit.perHour', { n: formatCount(n * 60, lang) })
      : t('unit.perMin', { n: formatRate(n, lang) });
  return { sent: one(sent), recv: one(received) };
}
