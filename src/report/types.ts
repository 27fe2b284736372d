/**
 * The next-morning report (báo cáo tình hình gửi, nhận văn bản điện tử): one row per agency in
 * the shape of the seed reports' appendix tables, plus a totals row (Tổng cộng).
 * Times are epoch milliseconds (UTC); the period is the half-open range [from, to).
 */
import type { StatusCode } from '../protocol/index.js';

/** What the cache knows about one agency over a period: the raw counts a row is built from. */
export interface AgencyFigures {
  readonly agencyId: string;
  /** Documents it sent through the hub (đã gửi). */
  readonly sent: number;
  /** Documents delivered to it (đã nhận). */
  readonly received: number;
  /** Of those, the ones it accepted or went further with, status 03–06 (đã tiếp nhận, xử lý). */
  readonly processed: number;
  /** Delivered documents that carried a reply deadline (văn bản có thời hạn phải trả lời). */
  readonly deadlineReceived: number;
  /** Of those, answered before the end of the period (đã trả lời)… */
  readonly answered: number;
  /** …and answered by their deadline (đúng hạn). */
  readonly answeredOnTime: number;
  /** Documents it sent whose signature verified as valid (có ký số hợp lệ). */
  readonly signed: number;
  /** Documents it sent whose signature was checked at all (valid or failed). */
  readonly signatureChecked: number;
  /** Status codes it reported back in the period, ascending (trạng thái phản hồi). */
  readonly statusCodes: readonly StatusCode[];
  /** Its security server (máy chủ bảo mật), and that server's time disconnected and drops in the period. */
  readonly serverId: string | null;
  readonly serverDowntimeMs: number;
  readonly serverDrops: number;
}

/** One agency as the report lists it: its name, its figures and the shares computed from them. */
export interface ReportRow extends AgencyFigures {
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

/** The totals row (Tổng cộng). */
export interface ReportTotals {
  readonly agencies: number;
  readonly sent: number;
  readonly received: number;
  readonly processed: number;
  readonly deadlineReceived: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  readonly notAnswered: number;
  readonly signed: number;
  readonly signatureChecked: number;
  readonly processedShare: number | null;
  readonly signedShare: number | null;
  /** Agencies reporting five or more distinct statuses (the seed 002 yardstick: 84/95 in 2019). */
  readonly agenciesWithFiveStatuses: number;
  /** Distinct security servers behind the listed agencies, and their downtime and drops summed once each. */
  readonly servers: number;
  readonly serverDowntimeMs: number;
  readonly serverDrops: number;
}

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
}
