/** The report as Markdown: title and period as the seed appendices head them, one table, totals in bold, notes. */
import { humanCell, REPORT_COLUMNS } from './columns.js';
import { wordsIn } from '../messages.js';
import { REPORT_LABELS, REPORT_NOTES, type Lang, type ReportLabel } from './labels.js';
import { formatLocalDateTime, formatPeriod } from './period.js';
import type { Report } from './types.js';

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
  out.push(row(REPORT_COLUMNS.map((c) => mdText(c.header[lang]))));
  out.push(row(REPORT_COLUMNS.map((c) => (c.numeric ? '---:' : '---'))));
  for (const r of report.rows) out.push(row(REPORT_COLUMNS.map((c) => mdText(humanCell(c.row(r), lang)))));
  out.push(row(REPORT_COLUMNS.map((c) => bold(mdText(humanCell(c.total(report.totals, lang), lang))))));
  out.push('', ...REPORT_NOTES.map((n) => `- ${t(n)}`), '');
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
