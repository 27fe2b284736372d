/**
 * The next-morning report (báo cáo tình hình gửi, nhận văn bản điện tử) from an open cache: a row per agency at a
 * level, as the seeds' tables, with its figures over the period, shares and totals; and the standing problems.
 */
import type Database from 'better-sqlite3';
import { createAlertEngine, describeAlert, groupIncidents, namer, RULE_TITLES } from '../alerts/index.js';
import { agencyFiguresOver, rangeAgencies, type AgencyRangeRow } from '../metrics/agency-range.js';
import { oldestRollupMinute } from '../metrics/rollup-sums.js';
import { agenciesBehind } from '../metrics/servers.js';
import type { Metrics } from '../metrics/types.js';
import type { Lang } from './labels.js';
import { REPORT_TIME_ZONE } from './period.js';

/** One agency as the report lists it: its name, its figures and the shares computed from them. */
export interface ReportRow extends AgencyRangeRow {
  /** Position in the table (STT), from 1. */
  readonly index: number;
  readonly name: string;
  readonly level: number;
  /** Chưa trả lời: deadline documents received in the period and not answered by its end. */
  readonly notAnswered: number;
  /** processed / received; null when nothing was received. */
  readonly processedShare: number | null;
  /** signed / sent; null when nothing was sent. */
  readonly signedShare: number | null;
}

/** The totals row (Tổng cộng): the rows' counts summed, their shares, and each security server counted once. */
export type ReportTotals = ReturnType<typeof totalsOf>;

/** A whole report, ready to be written in any format, with the standing problems when they were judged. */
export type Report = ReturnType<typeof collectReport> & { readonly standing?: readonly StandingProblem[] };

/** The counts the totals row sums over the rows, in its order. */
const SUMMED = [
  ...['sent', 'received', 'processed', 'deadlineReceived', 'answered', 'answeredOnTime', 'notAnswered', 'signed'],
  'signatureChecked',
] as const;

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

function compareRows(sort: ReportSort): (a: ReportRow, b: ReportRow) => number {
  return (a, b) => {
    if (sort === 'sent' && a.sent !== b.sent) return b.sent - a.sent;
    // Agencies that sent nothing have no share: they go last.
    if (sort === 'signed' && a.signedShare !== b.signedShare) return (b.signedShare ?? -1) - (a.signedShare ?? -1);
    const [ka, kb] = [agencyOrderKey(a.agencyId), agencyOrderKey(b.agencyId)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** The period, the government level to list (1 by default), the rows' order and when the report is made. */
type CollectOptions = Readonly<{ from: number; to: number; level?: number; sort?: ReportSort; now: number }>;

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function collectReport(db: Database.Database, options: CollectOptions) {
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
      return { index: 0, name: a.name, level, ...f, notAnswered: f.deadlineReceived - f.answered, ...shares };
    })
    .sort(compareRows(options.sort ?? 'id'))
    .map((r, i) => ({ ...r, index: i + 1 }));
  // Held: from the oldest rollup the cache keeps (retention drops older ones) to its newest event; nulls when none.
  const oldest = oldestRollupMinute({ statement: (sql) => db.prepare(sql) });
  const held = oldest === null ? { from: null, to: null } : { from: oldest * 60_000, to: newest };
  // Day boundaries were taken in `timeZone`; `level` 1 lists ministries and provinces … 4 communes.
  return {
    ...{ from, to, timeZone: REPORT_TIME_ZONE as string, level, generatedAt, hubName, rows, totals: totalsOf(rows) },
    held,
    coverage: coverageOf(held, from, Math.min(to, Math.max(generatedAt, newest))),
  };
}

/** A cache a few minutes behind its hub still covers a period ending now. */
const END_SLACK_MS = 10 * 60_000;

/**
 * How much of the period [from, end) the cache holds: `whole`, `part` (counts before or after what it holds are
 * missing, not zero) or `none` (every figure is an empty cache's zero). `end` is the period's end or now, if sooner.
 */
function coverageOf(held: { from: number | null; to: number | null }, from: number, end: number): Coverage {
  if (held.from === null || held.to === null || end <= held.from || from > held.to) return 'none';
  return from < held.from || end > held.to + END_SLACK_MS ? 'part' : 'whole';
}

export type Coverage = 'whole' | 'part' | 'none';

function totalsOf(rows: readonly ReportRow[]) {
  const sum = (k: (typeof SUMMED)[number]) => [k, rows.reduce((n, r) => n + r[k], 0)];
  const t = Object.fromEntries(SUMMED.map(sum)) as Record<(typeof SUMMED)[number], number>;
  // Each security server once, however many listed agencies sit behind it.
  const servers = [...new Map(rows.flatMap((r) => (r.serverId === null ? [] : [[r.serverId, r] as const]))).values()];
  return {
    agencies: rows.length,
    ...t,
    processedShare: share(t.processed, t.received),
    signedShare: share(t.signed, t.sent),
    /** Agencies reporting five or more distinct statuses (the seed 002 yardstick: 84/95 in 2019). */
    agenciesWithFiveStatuses: rows.filter((r) => r.statusCodes.length >= 5).length,
    /** Distinct security servers behind the listed agencies; their downtime and drops are summed once each. */
    servers: servers.length,
    serverDowntimeMs: servers.reduce((n, s) => n + s.serverDowntimeMs, 0),
    serverDrops: servers.reduce((n, s) => n + s.serverDrops, 0),
  };
}

/** Standing problems (vấn đề tồn đọng): one a standing incident, judged at `now` by default thresholds; worst first. */
export function standingProblems(metrics: Metrics, lang: Lang, now: number) {
  const engine = createAlertEngine({ metrics, readOnly: true, now: () => now });
  const incidents = groupIncidents(engine.evaluate(now).alerts, agenciesBehind(metrics.agencies()));
  const nameOf = namer(metrics.agencies(), metrics.securityServers());
  return incidents
    .filter((i) => i.kind === 'standing' && i.phase !== 'resolved')
    .map((i) => ({
      rule: i.rule,
      /** The rule's title in the report's language. */
      title: RULE_TITLES[i.rule][lang],
      severity: i.severity,
      /** Agencies it affects (those behind the servers, for certificates). */
      agencies: i.agencies.length,
      /** Its members: agencies, or servers for certificates. */
      members: i.alerts.length,
      /** The worst member, in words. */
      worst: describeAlert(i.worst, { lang, now, nameOf }),
    }));
}

export type StandingProblem = ReturnType<typeof standingProblems>[number];
