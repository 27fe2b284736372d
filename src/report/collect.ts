/** Builds a report from an open cache: the agencies it knows and their figures over the period. */
import type Database from 'better-sqlite3';
import { agencyFiguresOver, rangeAgencies } from '../metrics/agency-range.js';
import { buildReport } from './build.js';
import type { ReportSort } from './order.js';
import { REPORT_TIME_ZONE } from './period.js';
import type { Report } from './types.js';

interface CollectOptions {
  readonly from: number;
  readonly to: number;
  /** Government level to list; 1 by default. */
  readonly level?: number;
  readonly sort?: ReportSort;
  readonly now: number;
  readonly timeZone?: string;
}

export function collectReport(db: Database.Database, options: CollectOptions): Report {
  const hubName =
    (db.prepare('SELECT hub_name FROM streams ORDER BY id DESC LIMIT 1').pluck().get() as string | null | undefined) ??
    null;
  // An outage still open is counted up to "now"; a recording (or a hub whose clock runs ahead)
  // may hold events later than this machine's clock, and those count too.
  const newest = (db.prepare('SELECT max(newest_ts) FROM streams').pluck().get() as number | null) ?? 0;
  const now = Math.max(options.now, newest);
  return buildReport({
    from: options.from,
    to: options.to,
    timeZone: options.timeZone ?? REPORT_TIME_ZONE,
    level: options.level ?? 1,
    generatedAt: options.now,
    hubName,
    agencies: rangeAgencies(db),
    figures: agencyFiguresOver(db, options.from, options.to, now),
    ...(options.sort && { sort: options.sort }),
  });
}
