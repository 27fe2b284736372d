import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS, STATUS_CODES } from '../protocol/index.js';
import type { DeliveryFailureReason, SignatureResult, StatusCode } from '../protocol/index.js';

/** The counters kept per agency per minute (and hour); a new reason or status code in the protocol becomes a column. */
export const ROLLUP_COLUMNS = [
  /** Documents the agency sent (gửi đi). */
  'sent',
  /** Documents delivered to the agency (nhận được). */
  'received',
  /** Sends of a document id already sent once (gửi trùng). */
  'dup_sent',
  /** Replies it made to deadline documents. */
  'replied',
  ...DELIVERY_FAILURE_REASONS.map((r) => `fail_${r}` as const),
  ...SIGNATURE_RESULTS.map((r) => `sig_${r}` as const),
  ...STATUS_CODES.map((c) => `st_${c}` as const),
  // Added by schema step store/7; new columns go last, where hour packs expect them.
  /** Documents whose signatures were checked at all (đã kiểm tra chữ ký). */
  'sig_checked',
  /** Documents with at least one failed signature check. */
  'sig_failed',
  /** Deliveries of a document to a recipient already delivered once (nhận trùng). */
  'dup_received',
] as const;
export type RollupColumn = (typeof ROLLUP_COLUMNS)[number];

const col = (name: RollupColumn): number => ROLLUP_COLUMNS.indexOf(name);

/** A column position per value of a closed list, looked up once per event. */
function columnsBy<K extends string>(values: readonly K[], name: (v: K) => RollupColumn): (v: K) => number {
  const byValue = new Map<string, number>(values.map((v) => [v, col(name(v))]));
  return (v) => byValue.get(v)!;
}

/** Column positions, for the writer's per-batch accumulators. */
export const COL = {
  sent: col('sent'),
  received: col('received'),
  dupSent: col('dup_sent'),
  dupReceived: col('dup_received'),
  sigChecked: col('sig_checked'),
  sigFailed: col('sig_failed'),
  replied: col('replied'),
  fail: columnsBy<DeliveryFailureReason>(DELIVERY_FAILURE_REASONS, (r) => `fail_${r}`),
  sig: columnsBy<SignatureResult>(SIGNATURE_RESULTS, (r) => `sig_${r}`),
  status: columnsBy<StatusCode>(STATUS_CODES, (c) => `st_${c}`),
} as const;

const statusBits = new Map<string, number>(STATUS_CODES.map((c, i) => [c, 1 << i]));

/** Bit of a status code in `deliveries.statuses`. */
export const statusBit = (code: StatusCode): number => statusBits.get(code)!;
