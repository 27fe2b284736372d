/** The report as JSON for scripts: raw counts, shares 0..1 (null: nothing to divide), durations in ms. */
import { formatPeriod } from './period.js';
import type { Report, ReportRow } from './types.js';

const REPORT_JSON_VERSION = 1;

/** A row's fields, in the order the document lists them. */
const ROW_FIELDS = [
  ...['index', 'agencyId', 'name', 'level', 'sent', 'received', 'processed', 'processedShare', 'deadlineReceived'],
  ...['answered', 'answeredOnTime', 'notAnswered', 'signed', 'signatureChecked', 'signedShare', 'duplicateSends'],
  ...['duplicateDeliveries', 'statusCodes', 'serverId', 'serverDowntimeMs', 'serverDrops'],
] as const satisfies readonly (keyof ReportRow)[];

export function formatJson(report: Report): string {
  const period = formatPeriod(report.from, report.to, report.timeZone);
  const doc = {
    version: REPORT_JSON_VERSION,
    period: {
      from: new Date(report.from).toISOString(),
      to: new Date(report.to).toISOString(),
      fromMs: report.from,
      toMs: report.to,
      toExclusive: true,
      timeZone: report.timeZone,
      firstDay: period.from,
      lastDay: period.to,
    },
    level: report.level,
    hubName: report.hubName,
    generatedAt: new Date(report.generatedAt).toISOString(),
    rows: report.rows.map((r) => Object.fromEntries(ROW_FIELDS.map((k) => [k, r[k]]))),
    totals: report.totals,
    ...(report.standing && { standing: report.standing }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
