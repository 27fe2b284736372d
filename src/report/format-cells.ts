/** How a raw cell is printed for people (Markdown) and for spreadsheets (CSV). */
import { formatDuration, type Cell } from './columns.js';
import type { Lang } from './labels.js';

const LOCALE: Readonly<Record<Lang, string>> = { vi: 'vi-VN', en: 'en-GB' };
const grouped = new Map<Lang, Intl.NumberFormat>();
const oneDecimal = new Map<Lang, Intl.NumberFormat>();

function numberFormat(cache: Map<Lang, Intl.NumberFormat>, lang: Lang, digits: number): Intl.NumberFormat {
  let f = cache.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(lang, f);
  }
  return f;
}

/**
 * For reading: thousands grouped the way the language writes them (20.828 in Vietnamese, as
 * seed 000 prints its totals; 20,828 in English), shares with one decimal, "–" for no share.
 */
export function humanCell(cell: Cell, lang: Lang): string {
  switch (cell.kind) {
    case 'int':
      return numberFormat(grouped, lang, 0).format(cell.value);
    case 'share':
      return cell.value === null ? '–' : numberFormat(oneDecimal, lang, 1).format(cell.value * 100);
    case 'duration':
      return formatDuration(cell.value);
    case 'text':
      return cell.value;
  }
}

/**
 * For spreadsheets: plain digits with no grouping and "." for decimals (shares as percent with
 * two decimals, durations in whole seconds), empty for no share, so every number cell is a
 * number in any locale that reads CSV with a comma separator.
 */
export function machineCell(cell: Cell): string {
  switch (cell.kind) {
    case 'int':
      return String(cell.value);
    case 'share':
      return cell.value === null ? '' : (Math.round(cell.value * 10_000) / 100).toFixed(2);
    case 'duration':
      return String(Math.round(cell.value / 1000));
    case 'text':
      return cell.value;
  }
}
