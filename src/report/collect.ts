/** A report from an open cache: the agencies it knows at a level, their figures over the period, shares, totals. */
import type Database from 'better-sqlite3';
import { agencyFiguresOver, rangeAgencies } from '../metrics/agency-range.js';
import { REPORT_TIME_ZONE } from './period.js';
import { SUMMED, type Report, type Summed, type ReportRow, type ReportTotals } from './types.js';

/**
 * The seed reports' three row orders: `id` (Party Central Office, ministries, then provinces by mã định danh, as seed
 * 002's appendix; lower levels after their top unit), `sent` (seed 000), `signed` (seed 002 table V); ties by `id`.
 */
export const REPORT_SORTS = ['id', 'sent', 'signed'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** T (Party Central Office) before G (central bodies) before H (provinces); other letters after. */
const GROUP_RANK: Readonly<Record<string, number>> = { T: 0, G: 1, H: 2 };
const SHAPE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$/;

/** Sort key of an identifier: group, top-level number, then levels 2, 3, 4 (zeros first); fixed widths, so text order. */
function agencyOrderKey(id: string): string {
  const m = SHAPE.exec(id);
  return m ? `${GROUP_RANK[m[4]!] ?? 3}${m[4]}${m[5]}${m[3]}${m[2]}${m[1]}` : `9${id}`;
}

/** Compares two rows by the chosen order. */
function compareRows(sort: ReportSort): (a: ReportRow, b: ReportRow) => number {
  return (a, b) => {
    if (sort === 'sent' && a.sent !== b.sent) return b.sent - a.sent;
    if (sort === 'signed' && a.signedShare !== b.signedShare) {
      // Agencies that sent nothing have no share: they go last.
      if (a.signedShare === null) return 1;
      if (b.signedShare === null) return -1;
      return b.signedShare - a.signedShare;
    }
    const [ka, kb] = [agencyOrderKey(a.agencyId), agencyOrderKey(b.agencyId)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

interface CollectOptions {
  readonly from: number;
  readonly to: number;
  /** Government level to list; 1 by default. */
  readonly level?: number;
  readonly sort?: ReportSort;
  readonly now: number;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function collectReport(db: Database.Database, options: CollectOptions): Report {
  const { from, to, level = 1, now: generatedAt } = options;
  const hubName =
    (db.prepare('SELECT hub_name FROM streams ORDER BY id DESC LIMIT 1').pluck().get() as string | null | undefined) ??
    null;
  // An outage still open is counted up to "now"; a recording (or a hub whose clock runs ahead)
  // may hold events later than this machine's clock, and those count too.
  const newest = (db.prepare('SELECT max(newest_ts) FROM streams').pluck().get() as number | null) ?? 0;
  // Every agency of the registry has its figures, zeros when it did nothing (agencies are never deleted).
  const figures = agencyFiguresOver(db, from, to, Math.max(generatedAt, newest));
  const rows = rangeAgencies(db)
    .filter((a) => a.level === level)
    .map((a): ReportRow => {
      const f = figures.get(a.id)!;
      const shares = { processedShare: share(f.processed, f.received), signedShare: share(f.signed, f.sent) };
      return { ...f, index: 0, name: a.name, level, notAnswered: f.deadlineReceived - f.answered, ...shares };
    })
    .sort(compareRows(options.sort ?? 'id'))
    .map((r, i) => ({ ...r, index: i + 1 }));
  return { from, to, timeZone: REPORT_TIME_ZONE, level, generatedAt, hubName, rows, totals: totalsOf(rows) };
}

function totalsOf(rows: readonly ReportRow[]): ReportTotals {
  const t = Object.fromEntries(SUMMED.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<Summed, number>;
  // Each security server once, however many listed agencies sit behind it.
  const servers = [...new Map(rows.flatMap((r) => (r.serverId === null ? [] : [[r.serverId, r] as const]))).values()];
  return {
    agencies: rows.length,
    ...t,
    processedShare: share(t.processed, t.received),
    signedShare: share(t.signed, t.sent),
    agenciesWithFiveStatuses: rows.filter((r) => r.statusCodes.length >= 5).length,
    servers: servers.length,
    serverDowntimeMs: servers.reduce((n, s) => n + s.serverDowntimeMs, 0),
    serverDrops: servers.reduce((n, s) => n + s.serverDrops, 0),
  };
}
