/** Per-agency figures → the report's rows (shares, not answered, order) and totals (each server counted once). */
import { compareRows, type ReportSort } from './order.js';
import type { AgencyFigures, Report, ReportRow, ReportTotals } from './types.js';

interface BuildReportInput extends Pick<Report, 'from' | 'to' | 'timeZone' | 'level' | 'generatedAt' | 'hubName'> {
  /** The registry as the cache holds it; only agencies at `level` are listed. */
  readonly agencies: readonly { readonly id: string; readonly name: string; readonly level: number }[];
  /** Figures by agency id; an agency without any is listed with zeros. */
  readonly figures: ReadonlyMap<string, AgencyFigures>;
  readonly sort?: ReportSort;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const emptyFigures = (agencyId: string): AgencyFigures => ({
  agencyId,
  sent: 0,
  received: 0,
  processed: 0,
  deadlineReceived: 0,
  answered: 0,
  answeredOnTime: 0,
  signed: 0,
  signatureChecked: 0,
  duplicateSends: 0,
  duplicateDeliveries: 0,
  statusCodes: [],
  serverId: null,
  serverDowntimeMs: 0,
  serverDrops: 0,
});

export function buildReport(input: BuildReportInput): Report {
  const listed = input.agencies.filter((a) => a.level === input.level);
  const unsorted = listed.map((a) => {
    const f = input.figures.get(a.id) ?? emptyFigures(a.id);
    return {
      ...f,
      index: 0,
      name: a.name,
      level: a.level,
      notAnswered: f.deadlineReceived - f.answered,
      processedShare: share(f.processed, f.received),
      signedShare: share(f.signed, f.sent),
    } satisfies ReportRow;
  });
  const rows = unsorted.sort(compareRows(input.sort ?? 'id')).map((r, i) => ({ ...r, index: i + 1 }));
  const { from, to, timeZone, level, generatedAt, hubName } = input;
  return { from, to, timeZone, level, generatedAt, hubName, rows, totals: totalsOf(rows) };
}

function totalsOf(rows: readonly ReportRow[]): ReportTotals {
  const sum = (pick: (r: ReportRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const servers = new Map<string, { downtime: number; drops: number }>();
  for (const r of rows) {
    if (r.serverId !== null) servers.set(r.serverId, { downtime: r.serverDowntimeMs, drops: r.serverDrops });
  }
  const sent = sum((r) => r.sent);
  const received = sum((r) => r.received);
  const processed = sum((r) => r.processed);
  const signed = sum((r) => r.signed);
  return {
    agencies: rows.length,
    sent,
    received,
    processed,
    deadlineReceived: sum((r) => r.deadlineReceived),
    answered: sum((r) => r.answered),
    answeredOnTime: sum((r) => r.answeredOnTime),
    notAnswered: sum((r) => r.notAnswered),
    signed,
    signatureChecked: sum((r) => r.signatureChecked),
    processedShare: share(processed, received),
    signedShare: share(signed, sent),
    agenciesWithFiveStatuses: rows.filter((r) => r.statusCodes.length >= 5).length,
    servers: servers.size,
    serverDowntimeMs: [...servers.values()].reduce((n, s) => n + s.downtime, 0),
    serverDrops: [...servers.values()].reduce((n, s) => n + s.drops, 0),
  };
}
