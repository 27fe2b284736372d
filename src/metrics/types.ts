/** The numbers operators watch as plain data, for the console, alerts, `status` and `report`. Times: epoch ms (UTC). */
import type {
  Agency,
  DeliveryFailureReason,
  SecurityServer,
  ServerState,
  SignatureResult,
  StatusCode,
} from '../protocol/index.js';

/** The time windows an operator cycles through with `w`. */
export const WINDOWS = ['5m', '1h', '24h'] as const;
export type WindowKey = (typeof WINDOWS)[number];
export const WINDOW_MS: Record<WindowKey, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000, '24h': 24 * 60 * 60_000 };

/** Signature failure kinds: every verification result but `valid`. */
export type SignatureFailure = Exclude<SignatureResult, 'valid'>;

/** Throughput of one agency over a window (lưu lượng gửi/nhận). */
export interface ThroughputRow {
  readonly agencyId: string;
  /** Documents sent / received in the window. */
  readonly sent: number;
  readonly received: number;
  /** Per-minute rates over the window. */
  readonly sentPerMin: number;
  readonly receivedPerMin: number;
  /** Same window one week earlier, for the trend; null when the cache does not reach back. */
  readonly sentWeekAgo: number | null;
  readonly receivedWeekAgo: number | null;
  /** Sent+received per bucket of the window, oldest first, for a sparkline; empty for 0 buckets. */
  readonly spark: readonly number[];
}

/** One security server's health (máy chủ bảo mật). */
export interface ServerRow {
  readonly serverId: string;
  readonly name: string;
  /** `unknown` until the hub has said anything about it. */
  readonly state: ServerState | 'unknown';
  /** When it entered the current state. */
  readonly since: number | null;
  readonly lastHeartbeat: number | null;
  readonly latencyMs: number | null;
  /** Time spent disconnected within the window, and how many times it dropped. */
  readonly downtimeMs: number;
  readonly drops: number;
  readonly certificateExpiresAt: number | null;
  /** Agencies whose packages pass through it. */
  readonly agencyIds: readonly string[];
}

/** A state change of a security server, for its history. */
export interface ServerTransition {
  readonly serverId: string;
  readonly at: number;
  readonly from: ServerState | 'unknown';
  readonly to: ServerState;
  readonly reason: string | null;
}

/** Signature verification outcomes of one sending agency in the window (chữ ký số). */
export interface SignatureRow {
  readonly agencyId: string;
  /** Documents it sent whose signatures were checked (FIGURES.md: signature checked). */
  readonly verified: number;
  /** Of those, documents with at least one failed check. */
  readonly failed: number;
  /** failed / verified; null when nothing was verified. */
  readonly failureRate: number | null;
  readonly byReason: Readonly<Record<SignatureFailure, number>>;
}

/** Reply deadlines owed by one recipient agency (hạn trả lời): the columns of the per-agency deadline appendix. */
export interface DeadlineRow {
  readonly agencyId: string;
  /** Deadline documents received and not yet answered (including overdue). */
  readonly open: number;
  readonly dueWithin24h: number;
  readonly overdue: number;
  /** How far past its deadline the oldest unanswered one is; null when none is overdue. */
  readonly oldestOverdueMs: number | null;
  readonly answeredOnTime: number;
  readonly answeredLate: number;
}

/** A deadline document not answered in time. */
export interface OverdueDocument {
  readonly docId: string;
  readonly sender: string;
  readonly recipient: string;
  readonly replyBy: number;
  readonly overdueMs: number;
  readonly subject: string | null;
}

/** One document and where it got to with each recipient, for the describe view. */
export interface DocumentRecord {
  readonly docId: string;
  readonly sender: string;
  readonly sentAt: number;
  /** DueDate (hạn trả lời); null when no reply is required. */
  readonly replyBy: number | null;
  readonly subject: string | null;
  /** How many times the hub saw it sent (a repeat send counts once more). */
  readonly sends: number;
  readonly recipients: readonly {
    readonly recipient: string;
    readonly replyBy: number | null;
    readonly deliveredAt: number | null;
    readonly failedAt: number | null;
    readonly failReason: string | null;
    /** Processing statuses (trạng thái xử lý) the recipient reported, ascending. */
    readonly statuses: readonly StatusCode[];
    readonly arrivedAt: number | null;
    readonly acceptedAt: number | null;
    readonly answeredAt: number | null;
  }[];
}

/** How a recipient agency reports processing statuses back (phản hồi trạng thái). */
export interface FeedbackRow {
  readonly agencyId: string;
  /** Status codes it has reported in the window, ascending. */
  readonly codesReported: readonly StatusCode[];
  /** Median time from arrival (01) to acceptance (03); null without a pair. */
  readonly arrivalToAcceptMedianMs: number | null;
  /** Documents delivered to it with no status at all after the configured hours. */
  readonly withoutStatus: number;
  /** Counts of documents at each status reached (01→06 funnel), in the window. */
  readonly funnel: Readonly<Record<StatusCode, number>>;
}

/** Documents delivered to one agency and the processing statuses it reported, in a window. */
export interface StatusReportRow {
  readonly agencyId: string;
  readonly received: number;
  /** Status messages it reported (every code), whichever documents they were about. */
  readonly statuses: number;
  /** Of those, "arrived" (01), which a document system reports by itself on delivery. */
  readonly arrived: number;
}

/** Delivery problems of one agency in the window. */
export interface DeliveryRow {
  readonly agencyId: string;
  /** Packages addressed to it that failed, by reason. */
  readonly failed: number;
  readonly failedByReason: Readonly<Record<DeliveryFailureReason, number>>;
  /** Packages sent to it and neither delivered nor failed after the grace period. */
  readonly undelivered: number;
  /** Times it sent a document id it had already sent (gửi trùng). */
  readonly duplicateSends: number;
  /** Times a document already delivered to it was delivered again (nhận trùng). */
  readonly duplicateDeliveries: number;
}

/** What a stored event says, as facts from its payload (hub text: sanitise before display); the console words it. */
export interface EventFacts {
  /** The document the event is about. */
  readonly docId?: string;
  /** `document.sent`: how many recipients, and the reply deadline (ISO) when one is set. */
  readonly recipients?: number;
  readonly replyBy?: string;
  /** `document.failed`: the protocol's failure reason. */
  readonly reason?: string;
  /** `status.reported`: the edXML status code. */
  readonly code?: string;
  /** `document.replied`: the answering document. */
  readonly replyDocId?: string;
  /** `signature.verified`: the verification result. */
  readonly result?: string;
}

/** One stored event, for an agency's recent activity. */
export interface RecentEvent {
  readonly seq: number;
  readonly ts: number;
  readonly type: string;
  /** What the event says (hub data; sanitise before display); the console words it. */
  readonly facts: EventFacts;
}

/** National totals for the Overview header. */
export interface NationalTotals {
  readonly sent: number;
  readonly received: number;
  readonly sentPerMin: number;
  readonly receivedPerMin: number;
  /** Minutes of the window the rates are over: less than the window when the cache is younger. */
  readonly coveredMinutes: number;
  readonly agencies: number;
  readonly agenciesActive: number;
  readonly servers: number;
  readonly serversDown: number;
  readonly serversDegraded: number;
  readonly signaturesVerified: number;
  readonly signaturesFailed: number;
  readonly overdueReplies: number;
  readonly dueWithin24h: number;
  readonly deliveryFailures: number;
}

/** What the cache knows about the stream itself, for the header and lag. */
export interface StreamInfo {
  readonly hubId: string | null;
  readonly hubName: string | null;
  readonly epoch: string | null;
  readonly lastSeq: number;
  readonly newestEventTs: number | null;
  readonly events: number;
  /** Seqs whose documents, deliveries and deadlines are still to be derived after a long catch-up (0: none). */
  readonly derivedBehind: number;
  readonly rejections: number;
  readonly gaps: number;
  readonly unknownTypes: number;
  /** What the hub said it cannot tell (hello's `notReported`), e.g. `deadlines`. */
  readonly notReported: readonly string[];
}

/** A rejected message as kept aside. */
export interface RejectionRow {
  readonly id: number;
  readonly at: number;
  readonly reason: string;
  readonly detail: string;
  readonly raw: string;
}

/** Scope of a per-agency query: everyone, or the direct children of one agency. */
export interface AgencyScope {
  /** Only these agency ids (e.g. one agency for its detail screen). */
  readonly agencyIds?: readonly string[];
  /** Only agencies with data in the window (a row may be zeros), for rankings over 12,000; ignored with `agencyIds`. */
  readonly withData?: boolean;
}

/** The scope of every agency with data. */
export const WITH_DATA: AgencyScope = Object.freeze({ withData: true });

/**
 * The read surface the cache offers, synchronous and ≤ 50 ms per method on a year of national traffic (rollups,
 * never raw events). Per-agency rows hold each agency's own traffic; `rollUpSubtrees` sums subtrees.
 */
export interface Metrics {
  stream(): StreamInfo;
  /** The listed agencies by code: the same array until the registry changes, so memos may key on it. */
  agencies(): readonly Agency[];
  securityServers(): readonly SecurityServer[];
  totals(now: number, window: WindowKey): NationalTotals;
  throughput(now: number, window: WindowKey, scope?: AgencyScope, buckets?: number): ThroughputRow[];
  servers(now: number, window: WindowKey): ServerRow[];
  serverHistory(serverId: string, since: number, limit?: number): ServerTransition[];
  signatures(now: number, window: WindowKey, scope?: AgencyScope): SignatureRow[];
  deadlines(now: number, scope?: AgencyScope): DeadlineRow[];
  overdueDocuments(now: number, scope?: AgencyScope, limit?: number): OverdueDocument[];
  feedback(now: number, window: WindowKey, scope?: AgencyScope): FeedbackRow[];
  delivery(now: number, window: WindowKey, scope?: AgencyScope): DeliveryRow[];
  recentEvents(agencyId: string, limit?: number): RecentEvent[];
  rejections(limit?: number): RejectionRow[];
  /** Optional: one document with its deliveries and statuses, for the describe view; null when not held. */
  document?(docId: string): DocumentRecord | null;
  /** The same rows over any window ending at `now` (minute resolution), for alert rules whose windows are not the screen's. */
  signaturesOver(now: number, windowMs: number, scope?: AgencyScope): SignatureRow[];
  /** As `signaturesOver`; `sentWeekAgo` is the same window a week earlier; no sparkline (`spark` empty). */
  throughputOver(now: number, windowMs: number, scope?: AgencyScope): ThroughputRow[];
  /** As `signaturesOver`: documents received and statuses reported, per agency. */
  statusReportsOver(now: number, windowMs: number, scope?: AgencyScope): StatusReportRow[];
}
