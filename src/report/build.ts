/** Per-agency figures → the report's rows (shares, not answered, order) and totals (each server counted once). */
import { compareRows, type ReportSort } from './order.js';
import type { AgencyRangeRow } from '../metrics/agency-range.js';
import type { Report, ReportRow, ReportTotals } from './types.js';

interface BuildReportInput extends Pick<Report, 'from' | 'to' | 'timeZone' | 'level' | 'generatedAt' | 'hubName'> {
  /** The registry as the cache holds it; only agencies at `level` are listed. */
  readonly agencies: readonly { readonly id: string; readonly name: string; readonly level: number }[];
  /** Figures by agency id; an agency without any is listed with zeros. */
  readonly figures: ReadonlyMap<string, AgencyRangeRow>;
  readonly sort?: ReportSort;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const emptyFigures = (agencyId: string): AgencyRangeRow => ({
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

/** The counts the totals row sums over the rows, in its order. */
const SUMMED = [
  ...['sent', 'received', 'processed', 'deadlineReceived', 'answered', 'answeredOnTime', 'notAnswered', 'signed'],
  'signatureChecked',
] as const;

function totalsOf(rows: readonly ReportRow[]): ReportTotals {
  const sum = (pick: (r: ReportRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const t = Object.fromEntries(SUMMED.map((k) => [k, sum((r) => r[k])])) as Record<(typeof SUMMED)[number], number>;
  // Each security server once, however many listed agencies sit behind it.
  const servers = new Map(rows.flatMap((r) => (r.serverId === null ? [] : [[r.serverId, r] as const])));
  return {
    agencies: rows.length,
    ...t,
    processedShare: share(t.processed, t.received),
    signedShare: share(t.signed, t.sent),
    agenciesWithFiveStatuses: rows.filter((r) => r.statusCodes.length >= 5).length,
    servers: servers.size,
    serverDowntimeMs: [...servers.values()].reduce((n, s) => n + s.serverDowntimeMs, 0),
    serverDrops: [...servers.values()].reduce((n, s) => n + s.serverDrops, 0),
  };
}
