/** The report as Markdown: title and period as the seed appendices head them, one table, totals in bold, notes. */
import { REPORT_COLUMNS } from './columns.js';
import { humanCell } from './format-cells.js';
import { REPORT_LABELS, type Lang } from './labels.js';
import { formatLocalDateTime, formatPeriod } from './period.js';
import type { Report } from './types.js';
import { STANDING_LABELS } from './standing.js';

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
  const l = REPORT_LABELS[lang];
  const period = formatPeriod(report.from, report.to, report.timeZone);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `# ${l.title}`,
    '',
    `${l.period(period.from, period.to)} — ${l.level[report.level] ?? `level ${report.level}`}`,
    '',
  ];
  if (report.hubName !== null) out.push(`${l.hub}: ${mdText(report.hubName)}  `);
  out.push(`${l.generated}: ${formatLocalDateTime(report.generatedAt, report.timeZone)} (${report.timeZone})`, '');
  out.push(row(REPORT_COLUMNS.map((c) => mdText(c.header[lang]))));
  out.push(row(REPORT_COLUMNS.map((c) => (c.numeric ? '---:' : '---'))));
  for (const r of report.rows) out.push(row(REPORT_COLUMNS.map((c) => mdText(humanCell(c.row(r), lang)))));
  out.push(
    row(
      REPORT_COLUMNS.map((c) => {
        const text = mdText(humanCell(c.total(report.totals, lang), lang));
        return text === '' ? '' : `**${text}**`;
      }),
    ),
  );
  out.push('', ...l.notes.map((n) => `- ${n}`), '');
  if (report.standing) {
    const sl = STANDING_LABELS[lang];
    out.push(`## ${sl.title}`, '');
    if (report.standing.length === 0) out.push(sl.none, '');
    else {
      out.push(row([sl.rule, sl.agencies, sl.worst]), row(['---', '---:', '---']));
      for (const p of report.standing) out.push(row([mdText(p.title), String(p.agencies), mdText(p.worst)]));
      out.push('');
    }
  }
  return out.join('\n');
}
