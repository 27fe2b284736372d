/** The next-morning report (báo cáo tình hình gửi, nhận văn bản điện tử): a row per agency as the seeds' tables. */
import type { AgencyRangeRow } from '../metrics/agency-range.js';
import type { StandingProblem } from './standing.js';

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

/** The counts the totals row sums over the rows, in its order. */
export const SUMMED = [
  ...['sent', 'received', 'processed', 'deadlineReceived', 'answered', 'answeredOnTime', 'notAnswered', 'signed'],
  'signatureChecked',
] as const;
export type Summed = (typeof SUMMED)[number];

/** The totals row (Tổng cộng): the rows' counts summed, their shares, and each security server counted once. */
export type ReportTotals = Readonly<Record<Summed, number>> &
  Pick<ReportRow, 'processedShare' | 'signedShare' | 'serverDowntimeMs' | 'serverDrops'> & {
    readonly agencies: number;
    /** Agencies reporting five or more distinct statuses (the seed 002 yardstick: 84/95 in 2019). */
    readonly agenciesWithFiveStatuses: number;
    /** Distinct security servers behind the listed agencies; their downtime and drops are summed once each. */
    readonly servers: number;
  };

/** A whole report, ready to be written in any format. */
export interface Report {
  readonly from: number;
  readonly to: number;
  /** The IANA zone day boundaries were taken in. */
  readonly timeZone: string;
  /** Government level listed (1 ministries/provinces … 4 communes). */
  readonly level: number;
  readonly generatedAt: number;
  /** Hub the cache belongs to, when it knows. */
  readonly hubName: string | null;
  readonly rows: readonly ReportRow[];
  readonly totals: ReportTotals;
  /** Standing problems when the report was made; absent when not judged. */
  readonly standing?: readonly StandingProblem[];
}
