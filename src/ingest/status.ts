import type { HubIdentity } from './sink.js';

/**
 * Where the link to the hub stands, as the status line shows it.
 * - `connecting`: first dial since start, nothing heard yet.
 * - `catching_up` (đang đồng bộ): connected, the cache is behind the hub's newest `seq`.
 * - `live` (trực tiếp): connected and caught up.
 * - `stale`: connected, but the hub has said nothing — not even a heartbeat — for too long.
 * - `reconnecting`: the link dropped; waiting out the backoff or dialling again.
 * - `offline` (mất kết nối): several attempts in a row failed, or the client was stopped;
 *   the cache still serves what it holds and, unless stopped, the client keeps trying.
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
  /**
   * When anything last arrived from the hub — a frame, a heartbeat, a byte of a long frame.
   * Not the newest event's time: a hub replaying old history is talking even if its events are days old.
   */
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
  /**
   * The latest change of the hub's epoch seen by this client: a new history began (the hub
   * started its sequence over), at `at`.
   */
  readonly epochChange: { readonly from: string; readonly to: string; readonly at: number } | undefined;
  /** Failed attempts in a row. */
  readonly consecutiveFailures: number;
}

export type IngestListener = (status: IngestStatus) => void;

/** A tiny typed subscription list; listeners that throw are cut off from the rest, not the client. */
export class StatusEmitter {
  private readonly listeners = new Set<IngestListener>();

  subscribe(listener: IngestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(status: IngestStatus): void {
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
