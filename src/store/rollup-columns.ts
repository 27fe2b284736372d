import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS, STATUS_CODES } from '../protocol/index.js';
import type { DeliveryFailureReason, SignatureResult, StatusCode } from '../protocol/index.js';

/**
 * The counters kept per agency per minute (and per hour), derived from the protocol's closed
 * lists so that a new reason or status code in the protocol becomes a column here.
 */
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
] as const;
export type RollupColumn = (typeof ROLLUP_COLUMNS)[number];

const indexOf = new Map<string, number>(ROLLUP_COLUMNS.map((c, i) => [c, i]));
const col = (name: string): number => {
  const i = indexOf.get(name);
  if (i === undefined) throw new Error(`no rollup column ${name}`);
  return i;
};

/** Column positions, for the writer's per-batch accumulators. */
export const COL = {
  sent: col('sent'),
  received: col('received'),
  dupSent: col('dup_sent'),
  replied: col('replied'),
  fail: (r: DeliveryFailureReason): number => col(`fail_${r}`),
  sig: (r: SignatureResult): number => col(`sig_${r}`),
  status: (c: StatusCode): number => col(`st_${c}`),
} as const;

/** Bit of a status code in `deliveries.statuses`. */
export const statusBit = (code: StatusCode): number => 1 << STATUS_CODES.indexOf(code);
