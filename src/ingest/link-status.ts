import { RateMeter } from './rate-meter.js';
import type { HelloMessage, IngestBatch } from './sink.js';
import type { IngestListener, IngestState, IngestStatus } from './status.js';
import type { Timers } from './timers.js';

/** States in which the link is up and the hub answers. */
const UP: ReadonlySet<IngestState> = new Set<IngestState>(['catching_up', 'live']);

/** The running totals, writable by the parts of the client that count them. */
type LinkCounts = { -readonly [K in keyof IngestStatus['counts']]: number };

/** The client's bookkeeping for the status line: each part writes its own figures, `snapshot()` reads them. */
export class LinkStatus {
  private current: IngestState = 'connecting';
  private since: number;
  /** When anything last arrived from the hub. */
  lastMessageAt: number | undefined;
  lastRejection: IngestStatus['lastRejection'];
  lastError: IngestStatus['lastError'];
  /** The last hello accepted, for the hub's identity and name (see `acceptHello`). */
  hello: HelloMessage | undefined;
  epochChange: IngestStatus['epochChange'];
  hubNewestSeq: number | undefined;
  storedSeq = 0;
  newestEventTs: string | undefined;
  readonly counts: LinkCounts = { events: 0, rejections: 0, unknownFields: 0, reconnects: 0 };
  /** Failed attempts in a row. */
  failures = 0;
  nextAttemptAt: number | undefined;
  private readonly listeners = new Set<IngestListener>();
  private readonly rate: RateMeter;

  constructor(private readonly timers: Timers) {
    this.since = timers.now();
    this.rate = new RateMeter(timers.now);
  }

  snapshot(): IngestStatus {
    const now = this.timers.now();
    const hubNewest = this.hubNewestSeq;
    const hello = this.hello?.data;
    return {
      state: this.current,
      stateSince: this.since,
      lastMessageAt: this.lastMessageAt,
      hub: hello ? { hubId: hello.hubId, epoch: hello.epoch, hubName: hello.hubName } : undefined,
      hubNewestSeq: hubNewest,
      storedSeq: this.storedSeq,
      lagEvents: hubNewest === undefined ? undefined : Math.max(0, hubNewest - this.storedSeq),
      newestEventTs: this.newestEventTs,
      newestEventAgeMs:
        this.newestEventTs === undefined ? undefined : Math.max(0, now - Date.parse(this.newestEventTs)),
      eventsPerSecond: this.rate.perSecond(),
      counts: { ...this.counts },
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
