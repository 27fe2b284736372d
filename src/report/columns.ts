/**
 * The report's columns in the order of the seed appendices (seed 000; seed 002 table V and part III.2), each a raw
 * cell per row and for the totals row; the writers (md, csv, json) decide how a raw cell is printed.
 */
import type { Lang } from './labels.js';
import type { ReportRow, ReportTotals } from './types.js';

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

const int = (value: number): Cell => ({ kind: 'int', value });
const pct = (value: number | null): Cell => ({ kind: 'share', value });
const text = (value: string): Cell => ({ kind: 'text', value });
const blank = text('');

const TOTAL_LABEL: Readonly<Record<Lang, string>> = { vi: 'Tổng cộng', en: 'Total' };

type Figure = keyof ReportRow & keyof ReportTotals;
/** A column whose row and total cells are the same figure, a count or a share. */
const count = (id: Figure, header: Column['header']): Column => ({
  id,
  header,
  numeric: true,
  row: (r) => int(r[id] as number),
  total: (t) => int(t[id] as number),
});
const share = (id: Figure, header: Column['header']): Column => ({
  id,
  header,
  numeric: true,
  row: (r) => pct(r[id] as number | null),
  total: (t) => pct(t[id] as number | null),
});

export const REPORT_COLUMNS: readonly Column[] = [
  { id: 'index', header: { vi: 'STT', en: 'No.' }, numeric: true, row: (r) => int(r.index), total: () => blank },
  {
    id: 'agencyId',
    header: { vi: 'Mã định danh', en: 'Identifier' },
    numeric: false,
    row: (r) => text(r.agencyId),
    total: () => blank,
  },
  {
    id: 'name',
    header: { vi: 'Cơ quan, đơn vị', en: 'Agency' },
    numeric: false,
    row: (r) => text(r.name),
    total: (_t, lang) => text(TOTAL_LABEL[lang]),
  },
  count('sent', { vi: 'Đã gửi', en: 'Sent' }),
  count('received', { vi: 'Đã nhận', en: 'Received' }),
  count('processed', { vi: 'Đã tiếp nhận, xử lý', en: 'Processed' }),
  share('processedShare', { vi: 'Tỷ lệ xử lý (%)', en: 'Processed (%)' }),
  count('deadlineReceived', { vi: 'Văn bản có thời hạn phải trả lời', en: 'Reply required' }),
  count('answered', { vi: 'Đã trả lời', en: 'Answered' }),
  count('answeredOnTime', { vi: 'Đúng hạn', en: 'On time' }),
  count('notAnswered', { vi: 'Chưa trả lời', en: 'Not answered' }),
  count('signed', { vi: 'Văn bản có ký số', en: 'Signed' }),
  share('signedShare', { vi: 'Tỷ lệ văn bản có ký số (%)', en: 'Signed (%)' }),
  {
    id: 'statusCodes',
    header: { vi: 'Trạng thái phản hồi', en: 'Statuses reported' },
    numeric: false,
    row: (r) => text(r.statusCodes.join(' ')),
    total: (t, lang) =>
      text(`${lang === 'vi' ? '≥5 trạng thái' : '≥5 statuses'}: ${t.agenciesWithFiveStatuses}/${t.agencies}`),
  },
  {
    id: 'serverId',
    header: { vi: 'Máy chủ bảo mật', en: 'Security server' },
    numeric: false,
    row: (r) => text(r.serverId ?? ''),
    total: (t, lang) => text(`${t.servers} ${lang === 'vi' ? 'máy chủ' : 'servers'}`),
  },
  {
    id: 'serverDowntime',
    header: { vi: 'Thời gian mất kết nối', en: 'Downtime' },
    numeric: true,
    row: (r) => ({ kind: 'duration', value: r.serverDowntimeMs }),
    total: (t) => ({ kind: 'duration', value: t.serverDowntimeMs }),
  },
  count('serverDrops', { vi: 'Số lần mất kết nối', en: 'Drops' }),
];

/** A duration as `h:mm:ss` (hours not capped at 24), the way a spreadsheet reads a time span. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}
