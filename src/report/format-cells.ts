/** How a raw cell is printed for people (Markdown) and for spreadsheets (CSV). */
import { formatDuration, type Cell } from './columns.js';
import type { Lang } from './labels.js';

const format = (locale: string, digits: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Whole numbers and one decimal, per language. */
const FORMATS: Readonly<Record<Lang, readonly [Intl.NumberFormat, Intl.NumberFormat]>> = {
  vi: [format('vi-VN', 0), format('vi-VN', 1)],
  en: [format('en-GB', 0), format('en-GB', 1)],
};

/** For reading: thousands grouped as the language writes them (20.828 in vi, as seed 000), one decimal, "–". */
export function humanCell(cell: Cell, lang: Lang): string {
  switch (cell.kind) {
    case 'int':
      return FORMATS[lang][0].format(cell.value);
    case 'share':
      return cell.value === null ? '–' : FORMATS[lang][1].format(cell.value * 100);
    case 'duration':
      return formatDuration(cell.value);
    case 'text':
      return cell.value;
  }
}

/** For spreadsheets: plain digits, "." for decimals, shares in percent, durations in seconds, "" for no share. */
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
