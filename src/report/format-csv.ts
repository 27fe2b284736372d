/** The report as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Vietnamese), RFC 4180 quoting, CRLF. */
import { machineCell, REPORT_COLUMNS, type Cell, type Column } from './columns.js';
import { wordsIn } from '../messages.js';
import { REPORT_LABELS, type Lang } from './labels.js';
import type { Report } from './types.js';

const UTF8_BOM = '\uFEFF';

/** Hub text that starts like a formula gets a leading apostrophe: opening a report never runs it. */
const defuse = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One field, quoted when it holds a separator, a quote or a line break (RFC 4180 §2.6–2.7). */
const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A duration column is written in seconds, and its header says so. */
const SECONDS: Readonly<Record<Lang, string>> = { vi: 'giây', en: 's' };

const header = (c: Column, report: Report, lang: Lang): string =>
  c.total(report.totals, lang).kind === 'duration' ? `${c.header[lang]} (${SECONDS[lang]})` : c.header[lang];

/** The totals row holds numbers and the label only: Markdown's sentences would be text in a column one sums. */
const totalCell = (c: Column, report: Report, lang: Lang): Cell => {
  const cell = c.total(report.totals, lang);
  return cell.kind === 'text' && c.id !== 'name' ? { kind: 'text', value: '' } : cell;
};

export function formatCsv(report: Report, lang: Lang): string {
  const lines: string[] = [REPORT_COLUMNS.map((c) => csvField(header(c, report, lang))).join(',')];
  const line = (cells: readonly Cell[]) =>
    cells.map((cell) => csvField(cell.kind === 'text' ? defuse(cell.value) : machineCell(cell))).join(',');
  for (const row of report.rows) lines.push(line(REPORT_COLUMNS.map((c) => c.row(row))));
  lines.push(line(REPORT_COLUMNS.map((c) => totalCell(c, report, lang))));
  // Standing problems: a second table after an empty line, under its own header row.
  if (report.standing && report.standing.length > 0) {
    const t = wordsIn(REPORT_LABELS, lang);
    lines.push('', [t('standing.title'), t('standing.agencies'), t('standing.worst')].map(csvField).join(','));
    for (const p of report.standing)
      lines.push([defuse(p.title), String(p.agencies), defuse(p.worst)].map(csvField).join(','));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
