/** The report written out: Markdown for people, CSV for spreadsheets, JSON for scripts. */
import { humanCell, machineCell, REPORT_COLUMNS, type Cell, type Column } from './columns.js';
import { wordsIn } from '../messages.js';
import { REPORT_LABELS, type Lang, type ReportLabel } from './labels.js';
import { formatLocalDateTime, formatPeriod } from './period.js';
import type { Report } from './collect.js';

/** Hub text never breaks the table: control characters become spaces, pipes are escaped. */
function mdText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
  );
}

/** The report as Markdown: title and period as the seed appendices head them, one table, totals in bold, notes. */
export function formatMarkdown(report: Report, lang: Lang): string {
  const t = wordsIn(REPORT_LABELS, lang);
  const { from, to } = formatPeriod(report.from, report.to, report.timeZone);
  const level = `level.${report.level}`;
  const levelText = level in REPORT_LABELS ? t(level as ReportLabel) : `level ${report.level}`;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const bold = (text: string) => (text === '' ? '' : `**${text}**`);
  const out = [`# ${t('title')}`, '', `${t('period', { from, to })} — ${levelText}`, ''];
  if (report.hubName !== null) out.push(`${t('hub')}: ${mdText(report.hubName)}  `);
  out.push(`${t('generated')}: ${formatLocalDateTime(report.generatedAt, report.timeZone)} (${report.timeZone})`, '');
  const warning = coverageWarning(report, lang);
  if (warning !== null) out.push(`**${mdText(warning)}**`, '');
  out.push(row(REPORT_COLUMNS.map((c) => mdText(c.header[lang]))));
  out.push(row(REPORT_COLUMNS.map((c) => (c.numeric ? '---:' : '---'))));
  for (const r of report.rows) out.push(row(REPORT_COLUMNS.map((c) => mdText(humanCell(c.row(r), lang)))));
  out.push(row(REPORT_COLUMNS.map((c) => bold(mdText(humanCell(c.total(report.totals, lang), lang))))));
  out.push('', ...([1, 2, 3, 4] as const).map((n) => `- ${t(`note.${n}`)}`), '');
  if (report.standing) {
    out.push(`## ${t('standing.title')}`, '');
    if (report.standing.length === 0) out.push(t('standing.none'), '');
    else {
      out.push(row([t('standing.rule'), t('standing.agencies'), t('standing.worst')]), row(['---', '---:', '---']));
      for (const p of report.standing) out.push(row([mdText(p.title), String(p.agencies), mdText(p.worst)]));
      out.push('');
    }
  }
  return out.join('\n');
}

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

/** The report as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Vietnamese), RFC 4180 quoting, CRLF. */
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

/** What the report says when the cache does not hold the whole period (null when it does). */
export function coverageWarning(report: Report, lang: Lang): string | null {
  if (report.coverage === 'whole') return null;
  const t = wordsIn(REPORT_LABELS, lang);
  const { from, to } = report.held;
  if (report.coverage === 'none' || from === null || to === null) return t('coverage.none');
  const at = (ms: number) => formatLocalDateTime(ms, report.timeZone);
  return t('coverage.part', { from: at(from), to: at(to) });
}

/** The report as JSON for scripts: raw counts, shares 0..1 (null: nothing to divide), durations in ms. */
export function formatJson(report: Report): string {
  const period = formatPeriod(report.from, report.to, report.timeZone);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const doc = {
    version: 1,
    period: {
      from: iso(report.from),
      to: iso(report.to),
      fromMs: report.from,
      toMs: report.to,
      toExclusive: true,
      timeZone: report.timeZone,
      firstDay: period.from,
      lastDay: period.to,
    },
    level: report.level,
    hubName: report.hubName,
    generatedAt: iso(report.generatedAt),
    held: { from: iso(report.held.from), to: iso(report.held.to) },
    coverage: report.coverage,
    rows: report.rows,
    totals: report.totals,
    ...(report.standing && { standing: report.standing }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Each format by its `--format` name; JSON needs no language. */
export const REPORT_FORMATS = { md: formatMarkdown, csv: formatCsv, json: formatJson };
