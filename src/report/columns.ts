/**
 * The report's columns in the order of the seed appendices (seed 000; seed 002 table V and part III.2), each a raw
 * cell per row and for the totals row, and how a raw cell is printed for people (md) and for spreadsheets (csv).
 */
import type { Lang } from './labels.js';
import type { ReportRow, ReportTotals } from './collect.js';

/** A raw cell: a count, a share 0..1 (null: nothing to divide), a duration in ms, or text. */
export type Cell =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'share'; readonly value: number | null }
  | { readonly kind: 'duration'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string };

export interface Column {
  readonly id: string;
  readonly header: Readonly<Record<Lang, string>>;
  /** Numbers are right-aligned in Markdown. */
  readonly numeric: boolean;
  row(r: ReportRow): Cell;
  total(t: ReportTotals, lang: Lang): Cell;
}

const text = (value: string): Cell => ({ kind: 'text', value });
const blank = (): Cell => text('');

/** A column of words, left-aligned. */
const words = (id: string, header: Column['header'], row: Column['row'], total: Column['total'] = blank): Column => ({
  id,
  header,
  numeric: false,
  row,
  total,
});

type Figure = keyof ReportRow & keyof ReportTotals;
/** A column whose row and total cells are the same figure: a count, a share or a duration. */
const figure = (id: Figure, header: Column['header'], kind: 'int' | 'share' | 'duration' = 'int'): Column => ({
  id,
  header,
  numeric: true,
  row: (r) => ({ kind, value: r[id] }) as Cell,
  total: (t) => ({ kind, value: t[id] }) as Cell,
});

export const REPORT_COLUMNS: readonly Column[] = [
  { ...words('index', { vi: 'STT', en: 'No.' }, (r) => ({ kind: 'int', value: r.index })), numeric: true },
  words('agencyId', { vi: 'Mã định danh', en: 'Identifier' }, (r) => text(r.agencyId)),
  words(
    'name',
    { vi: 'Cơ quan, đơn vị', en: 'Agency' },
    (r) => text(r.name),
    (_t, lang) => text(lang === 'vi' ? 'Tổng cộng' : 'Total'),
  ),
  figure('sent', { vi: 'Đã gửi', en: 'Sent' }),
  figure('received', { vi: 'Đã nhận', en: 'Received' }),
  figure('processed', { vi: 'Đã tiếp nhận, xử lý', en: 'Processed' }),
  figure('processedShare', { vi: 'Tỷ lệ xử lý (%)', en: 'Processed (%)' }, 'share'),
  figure('deadlineReceived', { vi: 'Văn bản có thời hạn phải trả lời', en: 'Reply required' }),
  figure('answered', { vi: 'Đã trả lời', en: 'Answered' }),
  figure('answeredOnTime', { vi: 'Đúng hạn', en: 'On time' }),
  figure('notAnswered', { vi: 'Chưa trả lời', en: 'Not answered' }),
  figure('signed', { vi: 'Văn bản có ký số', en: 'Signed' }),
  figure('signedShare', { vi: 'Tỷ lệ văn bản có ký số (%)', en: 'Signed (%)' }, 'share'),
  words(
    'statusCodes',
    { vi: 'Trạng thái phản hồi', en: 'Statuses reported' },
    (r) => text(r.statusCodes.join(' ')),
    (t, lang) =>
      text(`${lang === 'vi' ? '≥5 trạng thái' : '≥5 statuses'}: ${t.agenciesWithFiveStatuses}/${t.agencies}`),
  ),
  words(
    'serverId',
    { vi: 'Máy chủ bảo mật', en: 'Security server' },
    (r) => text(r.serverId ?? ''),
    (t, lang) => text(`${t.servers} ${lang === 'vi' ? 'máy chủ' : 'servers'}`),
  ),
  figure('serverDowntimeMs', { vi: 'Thời gian mất kết nối', en: 'Downtime' }, 'duration'),
  figure('serverDrops', { vi: 'Số lần mất kết nối', en: 'Drops' }),
];

/** A duration as `h:mm:ss` (hours not capped at 24), the way a spreadsheet reads a time span. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}

/** Whole numbers and one decimal, per language. */
const formats = (locale: string) =>
  [0, 1].map((d) => new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }));
const FORMATS = { vi: formats('vi-VN'), en: formats('en-GB') };

/** For reading: thousands grouped as the language writes them (20.828 in vi, as seed 000), one decimal, "–". */
export function humanCell(cell: Cell, lang: Lang): string {
  if (cell.kind === 'int') return FORMATS[lang][0]!.format(cell.value);
  if (cell.kind === 'share') return cell.value === null ? '–' : FORMATS[lang][1]!.format(cell.value * 100);
  return cell.kind === 'duration' ? formatDuration(cell.value) : cell.value;
}

/** For spreadsheets: plain digits, "." for decimals, shares in percent, durations in seconds, "" for no share. */
export function machineCell(cell: Cell): string {
  if (cell.kind === 'int') return String(cell.value);
  if (cell.kind === 'share') return cell.value === null ? '' : (Math.round(cell.value * 10_000) / 100).toFixed(2);
  return cell.kind === 'duration' ? String(Math.round(cell.value / 1000)) : cell.value;
}
