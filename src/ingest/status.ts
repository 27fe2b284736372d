import type { HubIdentity } from './sink.js';

/**
 * Where the link stands: `catching_up` (đang đồng bộ) behind the hub's newest seq, `live` (trực tiếp), `stale` (no
 * message, not even a heartbeat, for too long), `offline` (mất kết nối) after several failures or when stopped.
 */
export type IngestState = 'connecting' | 'catching_up' | 'live' | 'stale' | 'reconnecting' | 'offline';

/** Running totals since the client started. */
interface IngestCounts {
  /** Events handed to the sink. */
  readonly events: number;
  /** Frames or messages set aside (bad JSON, schema failures, oversized, seq regressions…). */
  readonly rejections: number;
  /** Tolerated fields this client does not know. */
  readonly unknownFields: number;
  /** Connections lost and dialled again. */
  readonly reconnects: number;
}

/** One snapshot of the client, cheap to take; the console polls or subscribes to it. */
export interface IngestStatus {
  readonly state: IngestState;
  /** When the link entered `state`. */
  readonly stateSince: number;
  /** When anything (even a byte of a long frame) last arrived; not the newest event's time. */
  readonly lastMessageAt: number | undefined;
  /** The hub's identity from the last hello, if any hello was received. */
  readonly hub: (HubIdentity & { readonly hubName: string }) | undefined;
  /** Highest `seq` the hub has announced (hello, heartbeat, or an event). */
  readonly hubNewestSeq: number | undefined;
  /** Highest `seq` written to the sink in the current history. */
  readonly storedSeq: number;
  /** hubNewestSeq − storedSeq, never negative; undefined before the first hello. */
  readonly lagEvents: number | undefined;
  /** Event time (`ts`) of the newest stored event. */
  readonly newestEventTs: string | undefined;
  /** How old that event is now, in ms (độ trễ); undefined when nothing is stored yet. */
  readonly newestEventAgeMs: number | undefined;
  /** Moving rate of stored events. */
  readonly eventsPerSecond: number;
  readonly counts: IngestCounts;
  /** The latest message set aside (bản tin bị loại): why, and when. */
  readonly lastRejection: { readonly reason: string; readonly detail: string; readonly at: number } | undefined;
  /** The most recent connection or write problem, in words, and when it happened. */
  readonly lastError: { readonly message: string; readonly at: number } | undefined;
  /** When the next reconnection attempt is due, while reconnecting or offline. */
  readonly nextAttemptAt: number | undefined;
  /** The latest change of the hub's epoch seen by this client. */
  readonly epochChange: { readonly from: string; readonly to: string; readonly at: number } | undefined;
  /** Failed attempts in a row. */
  readonly consecutiveFailures: number;
}

export type IngestListener = (status: IngestStatus) => void;
