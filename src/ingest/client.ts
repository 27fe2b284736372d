import WebSocket from 'ws';
import {
  isSessionType,
  isUnknownMessage,
  parseFrame,
  type MessageOf,
  type TelemetryMessage,
} from '../protocol/index.js';
import { backoffDelay } from './backoff.js';
import { BatchBuilder } from './batch-builder.js';
import { displayHubUrl, parseHubUrl, subscribeUrl } from './hub-url.js';
import { LivenessWatch, seconds } from './liveness.js';
import {
  HARD_FRAME_FACTOR,
  PRE_HELLO_STALE_MS,
  resolveIngestOptions,
  type IngestOptions,
  type ResolvedIngestOptions,
} from './options.js';
import { RateMeter } from './rate-meter.js';
import type { HelloMessage, HubIdentity, IngestBatch, IngestSink, StoredMessage } from './sink.js';
import { StatusEmitter, type IngestListener, type IngestState, type IngestStatus } from './status.js';
import type { TimerHandle } from './timers.js';

/** A running ingest client: one subscription to one hub, feeding one sink. */
export interface IngestClient {
  /** The hub as shown to an operator. */
  readonly hubUrl: string;
  status(): IngestStatus;
  /** Called on every state change and after every batch; returns the unsubscribe function. */
  subscribe(listener: IngestListener): () => void;
  /** Resolves once everything received so far has been written to the sink. */
  flush(): Promise<void>;
  /** Writes what is pending, closes the connection and stops reconnecting. */
  stop(): Promise<void>;
}

/** Connects to the hub and keeps the sink fed until stopped. Throws only for a bad URL. */
export function startIngest(options: IngestOptions): IngestClient {
  return new IngestSession(options);
}

const sameIdentity = (a: HubIdentity | undefined, b: HubIdentity | undefined): boolean =>
  a !== undefined && b !== undefined && a.hubId === b.hubId && a.epoch === b.epoch;

type Counts = { events: number; rejections: number; unknownFields: number; reconnects: number };

class IngestSession implements IngestClient {
  readonly hubUrl: string;
  private readonly hub: URL;
  private readonly o: ResolvedIngestOptions;
  private readonly sink: IngestSink;
  private readonly emitter = new StatusEmitter();
  private readonly builder = new BatchBuilder();
  private readonly rate: RateMeter;
  private readonly wsOptions: WebSocket.ClientOptions;

  private state: IngestState = 'connecting';
  private stateSince: number;
  private lastMessageAt: number | undefined;
  private lastRejection: IngestStatus['lastRejection'];
  private ws: WebSocket | undefined;
  private liveness: LivenessWatch | undefined;
  private hello: HelloMessage | undefined;
  /** The history events are filed under: the hello's, or one split off it (see onReset). */
  private history: HubIdentity | undefined;
  private helloOnThisLink = false;
  private sinceAsked = 0;
  private hubNewestSeq: number | undefined;
  private storedSeq = 0;
  private newestEventTs: string | undefined;
  private counts: Counts = { events: 0, rejections: 0, unknownFields: 0, reconnects: 0 };
  private lastError: IngestStatus['lastError'];
  private failures = 0;
  private everConnected = false;
  private resyncPending = false;
  private resyncStreak = 0;
  private nextAttemptAt: number | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private batchTimer: TimerHandle | undefined;
  private flushScheduled = false;
  private writing: Promise<void> | undefined;
  private socketPaused = false;
  private stopped = false;
  private closed: Promise<void> = Promise.resolve();

  constructor(options: IngestOptions) {
    this.hub = parseHubUrl(options.url);
    this.hubUrl = displayHubUrl(this.hub);
    this.o = resolveIngestOptions(options);
    this.stateSince = this.o.timers.now();
    this.sink = options.sink;
    this.rate = new RateMeter(this.o.timers.now);
    this.wsOptions = {
      perMessageDeflate: false,
      maxPayload: this.o.maxFrameBytes * HARD_FRAME_FACTOR,
      // Invalid UTF-8 must become a counted rejection, not a torn-down socket.
      skipUTF8Validation: true,
      handshakeTimeout: this.o.connectTimeoutMs,
      followRedirects: false,
      headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
      ...(options.ca !== undefined && { ca: options.ca }),
    };
    this.connect();
  }

  status(): IngestStatus {
    const now = this.o.timers.now();
    const hubNewest = this.hubNewestSeq;
    const hello = this.hello?.data;
    return {
      state: this.state,
      stateSince: this.stateSince,
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
      consecutiveFailures: this.failures,
    };
  }

  subscribe(listener: IngestListener): () => void {
    return this.emitter.subscribe(listener);
  }

  async flush(): Promise<void> {
    for (;;) {
      if (this.writing) await this.writing;
      else if (this.builder.hasPending) this.writeNow();
      else return;
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.closed;
    this.stopped = true;
    if (this.reconnectTimer !== undefined) this.o.timers.clearTimeout(this.reconnectTimer);
    this.nextAttemptAt = undefined;
    this.ws?.close(1000, 'client stopping');
    await this.closed;
    await this.flush();
    this.setState('offline');
  }

  // ---- connection lifecycle -------------------------------------------------------------

  private connect(): void {
    this.reconnectTimer = undefined;
    this.nextAttemptAt = undefined;
    if (this.stopped) return;
    let identity: HubIdentity | undefined;
    try {
      identity = this.history ?? this.sink.lastIdentity();
      this.sinceAsked = identity ? this.sink.cursor(identity) : 0;
    } catch (err) {
      this.noteError(`cache unavailable: ${describeError(err)}`);
      this.scheduleReconnect(false);
      return;
    }
    this.builder.begin(identity, this.sinceAsked);
    this.storedSeq = this.sinceAsked;
    this.helloOnThisLink = false;
    const ws = new WebSocket(subscribeUrl(this.hub, this.sinceAsked), this.wsOptions);
    this.ws = ws;
    let resolveClosed!: () => void;
    this.closed = new Promise((r) => (resolveClosed = r));
    ws.binaryType = 'nodebuffer';
    let socket: import('node:net').Socket | undefined;
    ws.on('upgrade', (res) => (socket = res.socket));
    ws.on('open', () => {
      // On a slow link one frame can take longer than the stale limit or a ping period to
      // arrive; every byte of it shows the hub is talking, so it counts as a sign of life.
      // (Listened to only once ws reads the socket itself, so no byte is taken from it.)
      socket?.on('data', () => {
        if (ws === this.ws) {
          this.liveness?.message();
          this.lastMessageAt = this.o.timers.now();
        }
      });
      this.onOpen(ws);
    });
    ws.on('message', (data: WebSocket.RawData) => {
      // Frames still buffered from a link we are leaving belong to no one; they are fetched again.
      if (ws === this.ws) this.onFrame(toBuffer(data));
    });
    ws.on('pong', () => this.liveness?.pong());
    ws.on('error', (err: Error & { code?: string }) => this.onSocketError(err));
    ws.on('close', (code: number, reason: Buffer) => {
      void this.onClose(ws, code, reason.toString('utf8')).finally(resolveClosed);
    });
  }

  private onOpen(ws: WebSocket): void {
    if (ws !== this.ws) return;
    this.liveness = new LivenessWatch(
      this.o.timers,
      { staleAfterMs: this.o.staleAfterMs ?? PRE_HELLO_STALE_MS, pingIntervalMs: this.o.pingIntervalMs },
      {
        ping: () => ws.ping(),
        stale: (silentMs) => {
          this.noteError(`hub silent for ${seconds(silentMs)}`, false);
          this.updateConnectedState();
        },
        dead: (why) => {
          this.noteError(why);
          this.leaveLink(ws, false);
        },
      },
    );
    if (this.socketPaused) this.liveness.setPaused(true);
  }

  private onSocketError(err: Error & { code?: string }): void {
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      const limit = this.o.maxFrameBytes * HARD_FRAME_FACTOR;
      this.builder.addRejections(
        [
          {
            reason: 'frame_too_large',
            detail: `expected at most ${this.o.maxFrameBytes} bytes, got a frame over ${limit} bytes (connection dropped)`,
            raw: '',
          },
        ],
        this.o.timers.now(),
      );
      this.counts.rejections++;
    }
    this.noteError(describeError(err), false);
  }

  private async onClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.liveness?.stop();
    this.liveness = undefined;
    if (ws === this.ws) this.ws = undefined;
    this.pauseSocket(false);
    if (code !== 1000 && code !== 1005 && !this.lastErrorIsFresh()) {
      this.noteError(`connection closed (${code}${reason ? `: ${reason}` : ''})`, false);
    }
    try {
      await this.flush();
    } catch {
      // Already noted by writeNow; what was not written is fetched again after reconnecting.
    }
    if (this.stopped) return;
    this.scheduleReconnect(this.helloOnThisLink || this.resyncPending);
  }

  private scheduleReconnect(linkWasUp: boolean): void {
    if (this.stopped) return;
    if (linkWasUp) {
      this.everConnected = true;
      this.failures = 0;
    } else {
      this.failures++;
    }
    // One immediate redial to resync; a hub that changes identity on every link gets backoff.
    const immediate = this.resyncPending && this.resyncStreak++ < 1;
    const delay = immediate ? 0 : backoffDelay(linkWasUp ? 0 : this.failures - 1, this.o.backoff, this.o.random);
    this.resyncPending = false;
    this.counts.reconnects++;
    this.nextAttemptAt = this.o.timers.now() + delay;
    const next =
      this.failures >= this.o.offlineAfterFailures
        ? 'offline'
        : this.everConnected || this.failures > 0
          ? 'reconnecting'
          : 'connecting';
    this.setState(next);
    this.reconnectTimer = this.o.timers.setTimeout(() => this.connect(), delay);
  }

  // ---- frames ---------------------------------------------------------------------------

  private onFrame(data: Buffer): void {
    const now = this.o.timers.now();
    this.liveness?.message();
    this.lastMessageAt = now;
    const parsed = parseFrame(data, { maxFrameBytes: this.o.maxFrameBytes });
    const rejected = parsed.rejections.at(-1);
    if (rejected) this.lastRejection = { reason: rejected.reason, detail: rejected.detail, at: now };
    this.builder.addRejections(parsed.rejections, now);
    this.builder.addUnknownFields(parsed.unknownFields);
    this.counts.rejections += parsed.rejections.length;
    this.counts.unknownFields += parsed.unknownFields;
    for (const message of parsed.messages) {
      if (isSessionType(message.type) && !isUnknownMessage(message)) this.onSessionMessage(message, now);
      else this.onEvent(message as StoredMessage, now);
      if (this.ws === undefined) return;
    }
    this.updateConnectedState();
    this.scheduleWrite();
  }

  private onEvent(message: StoredMessage, now: number): void {
    if (!this.helloOnThisLink) {
      // Without a hello there is no telling which history this seq belongs to.
      this.builder.addRejections(
        [
          {
            reason: 'invalid_envelope',
            detail: `type: expected hello first, got ${message.type}`,
            raw: JSON.stringify(message).slice(0, 8192),
            seq: message.seq,
            type: message.type,
          },
        ],
        now,
      );
      this.counts.rejections++;
      return;
    }
    if (!this.builder.addEvent(message, now)) this.counts.rejections++;
    else this.raiseHubNewest(message.seq);
  }

  private onSessionMessage(message: TelemetryMessage, now: number): void {
    switch (message.type) {
      case 'hello':
        this.onHello(message);
        break;
      case 'heartbeat':
        this.raiseHubNewest(message.data.newestSeq);
        this.updateConnectedState();
        break;
      case 'reset':
        this.onReset(message);
        break;
      case 'registry.snapshot':
        if (this.helloOnThisLink) this.builder.addRegistry(message, now);
        break;
    }
  }

  private onHello(hello: HelloMessage): void {
    const ws = this.ws;
    if (!ws) return;
    const identity = this.historyFor(hello);
    if (this.helloOnThisLink) {
      if (!sameIdentity(identity, this.builder.pendingIdentity)) {
        this.noteError('hub changed identity mid-stream; reconnecting');
        this.leaveLink(ws, true);
        return;
      }
      // A repeated hello on the same link only refreshes what the hub says about itself.
      this.hello = hello;
      this.raiseHubNewest(hello.data.newestSeq);
      return;
    }
    let cursor: number;
    try {
      this.sink.onHello(helloFiledAs(hello, identity));
      cursor = this.sink.cursor(identity);
    } catch (err) {
      this.noteError(`cache unavailable: ${describeError(err)}`);
      this.leaveLink(ws, false);
      return;
    }
    this.hello = hello;
    this.history = identity;
    if (cursor !== this.sinceAsked) {
      // A new epoch or another hub: the since= we sent belonged to another history. Ask again
      // with this history's own cursor rather than take events numbered for something else.
      this.leaveLink(ws, true);
      return;
    }
    this.resyncStreak = 0;
    this.helloOnThisLink = true;
    this.builder.begin(identity, cursor);
    this.storedSeq = cursor;
    this.hubNewestSeq = hello.data.newestSeq;
    if (this.o.staleAfterMs === undefined) this.liveness?.setStaleAfter(3 * hello.data.heartbeatMs);
    this.updateConnectedState();
  }

  private onReset(reset: MessageOf<'reset'>): void {
    const { reason, requestedSince, oldestSeq, newestSeq } = reset.data;
    this.raiseHubNewest(newestSeq);
    if (reason === 'since_too_old') {
      const from = this.builder.acceptedSeq + 1;
      if (oldestSeq > from) {
        this.builder.addGap(from, oldestSeq - 1, reason);
        this.noteError(`hub no longer holds seq ${from}–${oldestSeq - 1}; recorded as a gap`, false);
      }
    } else if (reason === 'since_ahead' && this.helloOnThisLink && requestedSince === this.sinceAsked) {
      this.splitHistory(requestedSince, newestSeq, oldestSeq);
    } else {
      this.noteError(`hub could not resume after seq ${requestedSince}: ${reason}`, false);
    }
  }

  /**
   * The hub holds less than this cache under the same epoch: its numbering started over without
   * the new epoch the protocol asks for. What it sends now is not the continuation of the
   * history the cache holds, so it is filed as a history of its own, split off the old one,
   * instead of being mixed into it.
   */
  private splitHistory(requestedSince: number, newestSeq: number, oldestSeq: number): void {
    const ws = this.ws;
    const hello = this.hello;
    const current = this.history;
    if (!ws || !hello || !current) return;
    if (this.builder.pendingEvents > 0) {
      // Events of the old history are still waiting; write them and ask again from scratch.
      this.leaveLink(ws, true);
      return;
    }
    const next = nextHistory(current, hello.data.epoch);
    let cursor: number;
    try {
      this.sink.onHello(helloFiledAs(hello, next));
      cursor = this.sink.cursor(next);
    } catch (err) {
      this.noteError(`cache unavailable: ${describeError(err)}`);
      this.leaveLink(ws, false);
      return;
    }
    this.history = next;
    this.builder.begin(next, cursor);
    this.storedSeq = cursor;
    if (oldestSeq > cursor + 1) this.builder.addGap(cursor + 1, oldestSeq - 1, 'since_ahead');
    this.noteError(
      `since_ahead: the hub's numbering started over under epoch ${hello.data.epoch} (cache holds seq ${requestedSince}, hub ${newestSeq}); ` +
        `new events kept apart as ${next.epoch}`,
      false,
    );
  }

  /** The history a hello continues: one split off its epoch earlier, if that is the latest. */
  private historyFor(hello: HelloMessage): HubIdentity {
    const base = this.identityOf(hello);
    for (const candidate of [this.history, this.sink.lastIdentity()]) {
      if (candidate && candidate.hubId === base.hubId && splitOff(candidate.epoch, base.epoch)) return candidate;
    }
    return base;
  }

  // ---- writing --------------------------------------------------------------------------

  private scheduleWrite(): void {
    if (!this.builder.hasPending) return;
    if (this.builder.size >= this.o.batchMaxMessages) {
      this.pauseSocket(true);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // Yield to the event loop between batches so the console stays responsive.
        setImmediate(() => {
          this.flushScheduled = false;
          this.writeNow();
        });
      }
    } else if (this.batchTimer === undefined) {
      this.batchTimer = this.o.timers.setTimeout(() => {
        this.batchTimer = undefined;
        this.writeNow();
      }, this.o.batchMaxMs);
    }
  }

  /** Writes the pending batch unless a write is already in flight (that one reschedules). */
  private writeNow(): void {
    if (this.writing) return;
    if (this.batchTimer !== undefined) {
      this.o.timers.clearTimeout(this.batchTimer);
      this.batchTimer = undefined;
    }
    const batch = this.builder.take();
    if (!batch) {
      this.pauseSocket(false);
      return;
    }
    let result: void | Promise<void>;
    try {
      result = this.sink.write(batch);
    } catch (err) {
      this.onWriteFailed(err);
      return;
    }
    if (result instanceof Promise) {
      this.pauseSocket(true);
      this.writing = result
        .then(
          () => this.afterWrite(batch),
          (err: unknown) => this.onWriteFailed(err),
        )
        .finally(() => {
          this.writing = undefined;
          this.afterWriteSettled();
        });
    } else {
      this.afterWrite(batch);
      this.afterWriteSettled();
    }
  }

  private afterWrite(batch: IngestBatch): void {
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

  private afterWriteSettled(): void {
    if (this.builder.size >= this.o.batchMaxMessages) this.scheduleWrite();
    else {
      this.pauseSocket(false);
      this.scheduleWrite();
    }
    if (this.ws) this.updateConnectedState();
    this.emitter.emit(this.status());
  }

  /**
   * The cache refused the batch (disk full, read-only file…). Nothing is acknowledged to
   * anyone, so dropping the batch and the connection loses nothing the hub still holds: the
   * next connection resumes from the cache's own cursor and fetches it again.
   */
  private onWriteFailed(err: unknown): void {
    this.noteError(`cache write failed: ${describeError(err)}`);
    // Nothing after the failed batch may be written, or its events would leave a silent hole.
    this.builder.take();
    if (this.ws) this.leaveLink(this.ws, false);
  }

  /**
   * Stops reading from a link at once (frames still buffered on it are ignored) and closes
   * it; the close handler then writes what is pending and dials again.
   */
  private leaveLink(ws: WebSocket, resync: boolean): void {
    this.ws = undefined;
    this.liveness?.stop();
    if (resync) {
      this.resyncPending = true;
      ws.close(1000, 'resync');
    } else {
      ws.terminate();
    }
  }

  private pauseSocket(paused: boolean): void {
    if (paused === this.socketPaused) return;
    this.socketPaused = paused;
    this.liveness?.setPaused(paused);
    if (paused) this.ws?.pause();
    else this.ws?.resume();
  }

  // ---- state ----------------------------------------------------------------------------

  private identityOf(hello: HelloMessage): HubIdentity {
    return { hubId: hello.data.hubId, epoch: hello.data.epoch };
  }

  private raiseHubNewest(seq: number): void {
    if (this.hubNewestSeq === undefined || seq > this.hubNewestSeq) this.hubNewestSeq = seq;
  }

  private updateConnectedState(): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    let next: IngestState;
    if (this.liveness?.stale) next = 'stale';
    else if (!this.helloOnThisLink) next = this.everConnected ? 'reconnecting' : 'connecting';
    else next = this.builder.acceptedSeq < (this.hubNewestSeq ?? 0) ? 'catching_up' : 'live';
    this.setState(next);
  }

  private setState(next: IngestState): void {
    if (next === this.state) return;
    this.state = next;
    this.stateSince = this.o.timers.now();
    this.emitter.emit(this.status());
  }

  private noteError(message: string, emit = true): void {
    this.lastError = { message, at: this.o.timers.now() };
    if (emit) this.emitter.emit(this.status());
  }

  private lastErrorIsFresh(): boolean {
    return this.lastError !== undefined && this.o.timers.now() - this.lastError.at < 1000;
  }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  const m = /^Unexpected server response: (\d+)/.exec(err.message);
  if (m)
    return `hub refused the connection: HTTP ${m[1]}${m[1] === '401' || m[1] === '403' ? ' (check the token)' : ''}`;
  return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
}

/** Marks a history split off an epoch whose numbering started over: `E1#restart-2`. */
const RESTART_MARK = '#restart-';

const splitOff = (epoch: string, base: string): boolean => epoch === base || epoch.startsWith(base + RESTART_MARK);

function nextHistory(current: HubIdentity, base: string): HubIdentity {
  const n = current.epoch.startsWith(base + RESTART_MARK)
    ? Number(current.epoch.slice(base.length + RESTART_MARK.length))
    : 1;
  return { hubId: current.hubId, epoch: `${base}${RESTART_MARK}${(Number.isFinite(n) ? n : 1) + 1}` };
}

/** The hello as the sink should file it: under the history the client resolved it to. */
function helloFiledAs(hello: HelloMessage, history: HubIdentity): HelloMessage {
  return history.epoch === hello.data.epoch ? hello : { ...hello, data: { ...hello.data, epoch: history.epoch } };
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
