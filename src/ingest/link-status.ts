import { RateMeter } from './rate-meter.js';
import type { HelloMessage, IngestBatch } from './sink.js';
import type { IngestListener, IngestState } from './status.js';
import type { Timers } from './timers.js';

/** States in which the link is up and the hub answers. */
const UP: ReadonlySet<IngestState> = new Set<IngestState>(['catching_up', 'live']);

/** The client's bookkeeping for the status line: each part writes its own figures, `snapshot()` reads them. */
export class LinkStatus {
  private current: IngestState = 'connecting';
  private since: number;
  /** When anything (even a byte of a long frame) last arrived; not the newest event's time. */
  lastMessageAt: number | undefined;
  /** The latest message set aside (bản tin bị loại): why, and when. */
  lastRejection: { readonly reason: string; readonly detail: string; readonly at: number } | undefined;
  /** The most recent connection or write problem, in words, and when it happened. */
  lastError: { readonly message: string; readonly at: number } | undefined;
  /** The last hello accepted, for the hub's identity and name (see `acceptHello`). */
  hello: HelloMessage | undefined;
  /** The latest change of the hub's epoch seen by this client. */
  epochChange: { readonly from: string; readonly to: string; readonly at: number } | undefined;
  /** Highest `seq` the hub has announced (hello, heartbeat, or an event). */
  hubNewestSeq: number | undefined;
  /** Highest `seq` written to the sink in the current history. */
  storedSeq = 0;
  /** Event time (`ts`) of the newest stored event. */
  newestEventTs: string | undefined;
  /** Since the client started: events handed to the sink, frames or messages set aside, tolerated unknown fields, redials. */
  readonly counts = { events: 0, rejections: 0, unknownFields: 0, reconnects: 0 };
  /** Failed attempts in a row. */
  failures = 0;
  /** When the next reconnection attempt is due, while reconnecting or offline. */
  nextAttemptAt: number | undefined;
  private readonly listeners = new Set<IngestListener>();
  private readonly rate: RateMeter;

  constructor(private readonly timers: Timers) {
    this.since = timers.now();
    this.rate = new RateMeter(timers.now);
  }

  snapshot() {
    const now = this.timers.now();
    const hubNewest = this.hubNewestSeq;
    const hello = this.hello?.data;
    return {
      state: this.current,
      /** When the link entered `state`. */
      stateSince: this.since,
      lastMessageAt: this.lastMessageAt,
      /** The hub's identity from the last hello, if any hello was received. */
      hub: hello && { hubId: hello.hubId, epoch: hello.epoch, hubName: hello.hubName },
      hubNewestSeq: hubNewest,
      storedSeq: this.storedSeq,
      /** hubNewestSeq − storedSeq, never negative; undefined before the first hello. */
      lagEvents: hubNewest === undefined ? undefined : Math.max(0, hubNewest - this.storedSeq),
      newestEventTs: this.newestEventTs,
      /** How old that event is now, in ms (độ trễ); undefined when nothing is stored yet. */
      newestEventAgeMs:
        this.newestEventTs === undefined ? undefined : Math.max(0, now - Date.parse(this.newestEventTs)),
      /** Moving rate of stored events. */
      eventsPerSecond: this.rate.perSecond(),
      counts: { ...this.counts } as Readonly<LinkStatus['counts']>,
      lastRejection: this.lastRejection,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      epochChange: this.epochChange,
      consecutiveFailures: this.failures,
    };
  }

  subscribe(listener: IngestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners that throw are cut off from the rest, not the client. */
  emit(): void {
    const status = this.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  get state(): IngestState {
    return this.current;
  }

  setState(next: IngestState): void {
    if (next === this.current) return;
    // Up again: what broke the link before is past, and no longer the status line's news.
    if (UP.has(next) && !UP.has(this.current)) this.lastError = undefined;
    this.current = next;
    this.since = this.timers.now();
    this.emit();
  }

  /** A hello accepted: the hub's identity, and whether its epoch changed since the last one. */
  acceptHello(hello: HelloMessage): void {
    const before = this.hello?.data;
    if (before && before.hubId === hello.data.hubId && before.epoch !== hello.data.epoch)
      this.epochChange = { from: before.epoch, to: hello.data.epoch, at: this.timers.now() };
    this.hello = hello;
  }

  noteError(message: string, emit = true): void {
    this.lastError = { message, at: this.timers.now() };
    if (emit) this.emit();
  }

  /** An error noted within the last second already says why a link closed. */
  lastErrorIsFresh(): boolean {
    return this.lastError !== undefined && this.timers.now() - this.lastError.at < 1000;
  }

  raiseHubNewest(seq: number): void {
    if (this.hubNewestSeq === undefined || seq > this.hubNewestSeq) this.hubNewestSeq = seq;
  }

  /** The sink took `batch`: its last event (or a gap past it) is now the stored seq. */
  noteWritten(batch: IngestBatch): void {
    const last = batch.events[batch.events.length - 1];
    if (last) {
      this.storedSeq = last.seq;
      this.newestEventTs = last.ts;
    }
    const gapEnd = batch.gaps[batch.gaps.length - 1]?.toSeq;
    if (gapEnd !== undefined && gapEnd > this.storedSeq) this.storedSeq = gapEnd;
    this.counts.events += batch.events.length;
    this.rate.add(batch.events.length);
  }
}
