import {
  isSessionType,
  isUnknownMessage,
  parseFrame,
  type MessageOf,
  type Rejection,
  type TelemetryMessage,
} from '../protocol/index.js';
import type { BatchBuilder } from './batch-builder.js';
import { describeError } from './describe-error.js';
import { helloFiledAs, identityOf, nextHistory, sameIdentity, splitOff } from './history.js';
import type { LinkStatus } from './link-status.js';
import { HARD_FRAME_FACTOR } from './options.js';
import type { HelloMessage, HubIdentity, IngestSink, StoredMessage } from './sink.js';

/** What the session needs of the link it is carried on. */
interface SessionLink {
  /** A link is open and being read. */
  reading(): boolean;
  /** Leaves the link; with `resync` it is dialled again at once. */
  leave(resync: boolean): void;
  /** This link's hello was accepted: events on it may be stored from now on. */
  helloAccepted(hello: HelloMessage): void;
  /** Something the connected state depends on has moved. */
  refreshState(): void;
}

/**
 * What the hub sends on a link: each frame parsed, rejections counted, events to the batch; the session messages
 * (hello, heartbeat, reset, registry) and the history events are filed under.
 */
export class HubSession {
  /** The history events are filed under: the hello's, or one split off it (see `splitHistory`). */
  private history: HubIdentity | undefined;
  private helloOnThisLink = false;
  private sinceAsked = 0;

  constructor(
    private readonly sink: IngestSink,
    private readonly builder: BatchBuilder,
    private readonly status: LinkStatus,
    private readonly maxFrameBytes: number,
    private readonly link: SessionLink,
  ) {}

  /** This link's hello was accepted; before it no event can be placed in a history. */
  get helloSeen(): boolean {
    return this.helloOnThisLink;
  }

  /** A new link starts: the `since=` to ask for, the cache's cursor of the last history. Throws if unreadable. */
  beginLink(): number {
    const identity = this.history ?? this.sink.lastIdentity();
    this.sinceAsked = identity ? this.sink.cursor(identity) : 0;
    this.builder.begin(identity, this.sinceAsked);
    this.status.storedSeq = this.sinceAsked;
    this.helloOnThisLink = false;
    return this.sinceAsked;
  }

  /** Reads one frame; false when the link was left partway (the rest is fetched again). */
  readFrame(data: Buffer, now: number): boolean {
    const parsed = parseFrame(data, { maxFrameBytes: this.maxFrameBytes });
    const rejected = parsed.rejections.at(-1);
    if (rejected) this.status.lastRejection = { reason: rejected.reason, detail: rejected.detail, at: now };
    this.builder.addRejections(parsed.rejections, now);
    this.builder.addUnknownFields(parsed.unknownFields);
    this.status.counts.rejections += parsed.rejections.length;
    this.status.counts.unknownFields += parsed.unknownFields;
    for (const message of parsed.messages) {
      if (isSessionType(message.type) && !isUnknownMessage(message)) this.onMessage(message, now);
      else this.onEvent(message as StoredMessage, now);
      if (!this.link.reading()) return false;
    }
    return true;
  }

  /** ws dropped a frame past the hard ceiling before it could be parsed; it still counts. */
  rejectOversized(now: number): void {
    const limit = this.maxFrameBytes * HARD_FRAME_FACTOR;
    const detail = `expected at most ${this.maxFrameBytes} bytes, got a frame over ${limit} bytes (connection dropped)`;
    this.reject({ reason: 'frame_too_large', detail, raw: '' }, now);
  }

  private reject(rejection: Rejection, now: number): void {
    this.builder.addRejections([rejection], now);
    this.status.counts.rejections++;
  }

  private onEvent(message: StoredMessage, now: number): void {
    if (!this.helloOnThisLink) {
      // Without a hello there is no telling which history this seq belongs to.
      const detail = `type: expected hello first, got ${message.type}`;
      const { seq, type } = message;
      this.reject({ reason: 'invalid_envelope', detail, raw: JSON.stringify(message).slice(0, 8192), seq, type }, now);
      return;
    }
    if (!this.builder.addEvent(message, now)) this.status.counts.rejections++;
    else this.status.raiseHubNewest(message.seq);
  }

  private onMessage(message: TelemetryMessage, now: number): void {
    if (message.type === 'hello') this.onHello(message);
    else if (message.type === 'reset') this.onReset(message);
    else if (message.type === 'registry.snapshot') {
      if (this.helloOnThisLink) this.builder.addRegistry(message, now);
    } else if (message.type === 'heartbeat') {
      this.status.raiseHubNewest(message.data.newestSeq);
      this.link.refreshState();
    }
  }

  private onHello(hello: HelloMessage): void {
    if (!this.link.reading()) return;
    const identity = this.historyFor(hello);
    if (this.helloOnThisLink) {
      if (!sameIdentity(identity, this.builder.identity)) {
        this.status.noteError('hub changed identity mid-stream; reconnecting');
        return this.link.leave(true);
      }
      // A repeated hello on the same link only refreshes what the hub says about itself.
      this.status.acceptHello(hello);
      return this.status.raiseHubNewest(hello.data.newestSeq);
    }
    const cursor = this.fileHello(hello, identity);
    if (cursor === undefined) return;
    this.status.acceptHello(hello);
    this.history = identity;
    if (cursor !== this.sinceAsked) {
      // A new epoch or another hub: the since= sent was another history's; ask again with this one's cursor.
      return this.link.leave(true);
    }
    this.helloOnThisLink = true;
    this.builder.begin(identity, cursor);
    this.status.storedSeq = cursor;
    this.status.hubNewestSeq = hello.data.newestSeq;
    this.link.helloAccepted(hello);
  }

  private onReset(reset: MessageOf<'reset'>): void {
    const { reason, requestedSince, oldestSeq, newestSeq } = reset.data;
    this.status.raiseHubNewest(newestSeq);
    if (reason === 'since_too_old') {
      const from = this.builder.acceptedSeq + 1;
      if (oldestSeq > from) {
        this.builder.addGap(from, oldestSeq - 1, reason);
        this.status.noteError(`hub no longer holds seq ${from}–${oldestSeq - 1}; recorded as a gap`, false);
      }
    } else if (reason === 'since_ahead' && this.helloOnThisLink && requestedSince === this.sinceAsked) {
      this.splitHistory(requestedSince, newestSeq, oldestSeq);
    } else {
      this.status.noteError(`hub could not resume after seq ${requestedSince}: ${reason}`, false);
    }
  }

  /** The hub's numbering started over under the same epoch: what it sends now is filed as a history of its own. */
  private splitHistory(requestedSince: number, newestSeq: number, oldestSeq: number): void {
    const hello = this.status.hello;
    const current = this.history;
    if (!this.link.reading() || !hello || !current) return;
    if (this.builder.pendingEvents > 0) {
      // Events of the old history are still waiting; write them and ask again from scratch.
      return this.link.leave(true);
    }
    const next = nextHistory(current, hello.data.epoch);
    const cursor = this.fileHello(hello, next);
    if (cursor === undefined) return;
    this.history = next;
    this.builder.begin(next, cursor);
    this.status.storedSeq = cursor;
    if (oldestSeq > cursor + 1) this.builder.addGap(cursor + 1, oldestSeq - 1, 'since_ahead');
    this.status.noteError(
      `since_ahead: the hub's numbering started over under epoch ${hello.data.epoch} (cache holds seq ${requestedSince}, hub ${newestSeq}); ` +
        `new events kept apart as ${next.epoch}`,
      false,
    );
  }

  /** Files the hello under `history` and returns its cursor; undefined (link left) when the cache cannot. */
  private fileHello(hello: HelloMessage, history: HubIdentity): number | undefined {
    try {
      this.sink.onHello(helloFiledAs(hello, history));
      return this.sink.cursor(history);
    } catch (err) {
      this.status.noteError(`cache unavailable: ${describeError(err)}`);
      this.link.leave(false);
      return undefined;
    }
  }

  /** The history a hello continues: one split off its epoch earlier, if that is the latest. */
  private historyFor(hello: HelloMessage): HubIdentity {
    const base = identityOf(hello);
    for (const candidate of [this.history, this.sink.lastIdentity()])
      if (candidate && candidate.hubId === base.hubId && splitOff(candidate.epoch, base.epoch)) return candidate;
    return base;
  }
}
