/**
 * A flow of documents with its unit: per minute, or per hour when fewer than one a minute
 * arrive, so that an agency sending a few documents an hour reads `3/h`, not `0.0/min`.
 */
import type { Lang } from '../../config/settings.js';
import type { Translate } from '../i18n/translate.js';
import { formatCount, formatRate } from './format-number.js';

export function formatFlow(perMin: number, lang: Lang, t: Translate): string {
  if (perMin > 0 && perMin < 1) return t('unit.perHour', { n: formatCount(perMin * 60, lang) });
  return t('unit.perMin', { n: formatRate(perMin, lang) });
}
