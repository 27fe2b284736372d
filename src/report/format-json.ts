/**
 * The report as a JSON document for scripts: raw counts, shares as fractions 0..1 (null when
 * there is nothing to divide), durations in ms, times both as ISO instants and epoch ms.
 */
import { formatPeriod } from './period.js';
import type { Report } from './types.js';

const REPORT_JSON_VERSION = 1;

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
    rows: report.rows.map((r) => ({
      index: r.index,
      agencyId: r.agencyId,
      name: r.name,
      level: r.level,
      sent: r.sent,
      received: r.received,
      processed: r.processed,
      processedShare: r.processedShare,
      deadlineReceived: r.deadlineReceived,
      answered: r.answered,
      answeredOnTime: r.answeredOnTime,
      notAnswered: r.notAnswered,
      signed: r.signed,
      signatureChecked: r.signatureChecked,
      signedShare: r.signedShare,
      duplicateSends: r.duplicateSends,
      duplicateDeliveries: r.duplicateDeliveries,
      statusCodes: r.statusCodes,
      serverId: r.serverId,
      serverDowntimeMs: r.serverDowntimeMs,
      serverDrops: r.serverDrops,
    })),
    totals: report.totals,
    ...(report.standing && { standing: report.standing }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
