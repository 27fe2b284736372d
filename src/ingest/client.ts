import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { backoffDelay } from './backoff.js';
import { BatchBuilder } from './batch-builder.js';
import { BatchWriter } from './batch-writer.js';
import { describeError } from './describe-error.js';
import { HubSession } from './hub-session.js';
import { displayHubUrl, parseHubUrl, subscribeUrl } from './hub-url.js';
import { LinkStatus } from './link-status.js';
import { LivenessWatch, seconds } from './liveness.js';
import {
  HARD_FRAME_FACTOR,
  PRE_HELLO_STALE_MS,
  resolveIngestOptions,
  type IngestOptions,
  type ResolvedIngestOptions,
} from './options.js';
import type { IngestListener, IngestState, IngestStatus } from './status.js';
import type { TimerHandle } from './timers.js';

/** A running ingest client: one subscription to one hub, feeding one sink. */
export type IngestClient = Pick<IngestSession, 'hubUrl' | 'status' | 'subscribe' | 'flush' | 'stop'>;

/** Connects to the hub and keeps the sink fed until stopped. Throws only for a bad URL. */
export const startIngest = (options: IngestOptions): IngestClient => new IngestSession(options);

/** Holds one link at a time and wires the parts: dial, redial, liveness, frames, session, writer, status. */
class IngestSession {
  /** The hub as shown to an operator. */
  readonly hubUrl: string;
  private readonly hub: URL;
  private readonly o: ResolvedIngestOptions;
  private readonly wsOptions: WebSocket.ClientOptions;
  private readonly builder = new BatchBuilder();
  private readonly link: LinkStatus;
  private readonly session: HubSession;
  private readonly writer: BatchWriter;

  private ws: WebSocket | undefined;
  private liveness: LivenessWatch | undefined;
  private socketPaused = false;
  private stopped = false;
  private closed: Promise<void> = Promise.resolve();
  /** Some link has carried a hello since start: dialling again reads `reconnecting`. */
  private everConnected = false;
  /** The link was left to ask again (another history, an identity change): redial at once. */
  private resyncPending = false;
  /** Immediate redials in a row; reset when a hello is accepted. */
  private resyncStreak = 0;
  private redialTimer: TimerHandle | undefined;

  constructor(options: IngestOptions) {
    this.hub = parseHubUrl(options.url);
    this.hubUrl = displayHubUrl(this.hub);
    this.o = resolveIngestOptions(options);
    this.link = new LinkStatus(this.o.timers);
    this.session = new HubSession(options.sink, this.builder, this.link, this.o.maxFrameBytes, {
      reading: () => this.ws !== undefined,
      leave: (resync) => this.leaveCurrent(resync),
      helloAccepted: (hello) => {
        this.resyncStreak = 0;
        if (this.o.staleAfterMs === undefined) this.liveness?.setStaleAfter(3 * hello.data.heartbeatMs);
        this.updateConnectedState();
        // Work a previous run left (documents still to derive) goes on even if the hub is quiet.
        this.writer.idleSoon();
      },
      refreshState: () => this.updateConnectedState(),
    });
    this.writer = new BatchWriter(this.o, this.builder, options.sink, this.link, {
      pause: (paused) => this.pauseSocket(paused),
      leave: () => this.leaveCurrent(false),
      settled: () => {
        if (this.ws) this.updateConnectedState();
        this.link.emit();
      },
    });
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

  readonly status = (): IngestStatus => this.link.snapshot();
  /** Called on every state change and after every batch; returns the unsubscribe function. */
  readonly subscribe = (listener: IngestListener): (() => void) => this.link.subscribe(listener);
  /** Resolves once everything received so far has been written to the sink. */
  readonly flush = (): Promise<void> => this.writer.flush();

  /** Writes what is pending, closes the connection and stops reconnecting. */
  async stop(): Promise<void> {
    if (this.stopped) return this.closed;
    this.stopped = true;
    this.writer.stopIdle();
    if (this.redialTimer !== undefined) this.o.timers.clearTimeout(this.redialTimer);
    this.link.nextAttemptAt = undefined;
    this.ws?.close(1000, 'client stopping');
    await this.closed;
    await this.flush();
    this.link.setState('offline');
  }

  private connect(): void {
    this.redialTimer = this.link.nextAttemptAt = undefined;
    if (this.stopped) return;
    let since: number;
    try {
      since = this.session.beginLink();
    } catch (err) {
      this.link.noteError(`cache unavailable: ${describeError(err)}`);
      return this.redial(false);
    }
    const ws = new WebSocket(subscribeUrl(this.hub, since), this.wsOptions);
    this.ws = ws;
    this.closed = new Promise<void>((resolve) =>
      ws.on('close', (code: number, reason: Buffer) => {
        void this.onClose(ws, code, reason.toString('utf8')).finally(resolve);
      }),
    );
    ws.binaryType = 'nodebuffer';
    let socket: Socket | undefined;
    ws.on('upgrade', (res) => (socket = res.socket));
    ws.on('open', () => {
      // On a slow link one frame can take longer than the stale limit or a ping period to
      // arrive; every byte of it shows the hub is talking, so it counts as a sign of life.
      // (Listened to only once ws reads the socket itself, so no byte is taken from it.)
      socket?.on('data', () => {
        if (ws !== this.ws) return;
        this.liveness?.message();
        this.link.lastMessageAt = this.o.timers.now();
      });
      this.onOpen(ws);
    });
    // Frames still buffered from a link we are leaving belong to no one; they are fetched again.
    ws.on('message', (data: Buffer) => {
      if (ws === this.ws) this.onFrame(data);
    });
    ws.on('pong', () => this.liveness?.pong());
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.session.rejectOversized(this.o.timers.now());
      this.link.noteError(describeError(err), false);
    });
  }

  private onOpen(ws: WebSocket): void {
    if (ws !== this.ws) return;
    const staleAfterMs = this.o.staleAfterMs ?? PRE_HELLO_STALE_MS;
    this.liveness = new LivenessWatch(this.o.timers, staleAfterMs, this.o.pingIntervalMs, {
      ping: () => ws.ping(),
      stale: (silentMs) => {
        this.link.noteError(`hub silent for ${seconds(silentMs)}`, false);
        this.updateConnectedState();
      },
      dead: (why) => {
        this.link.noteError(why);
        this.leaveLink(ws, false);
      },
    });
    if (this.socketPaused) this.liveness.setPaused(true);
  }

  private onFrame(data: Buffer): void {
    const now = this.o.timers.now();
    this.liveness?.message();
    this.link.lastMessageAt = now;
    if (!this.session.readFrame(data, now)) return;
    this.updateConnectedState();
    this.writer.schedule();
  }

  private async onClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.liveness?.stop();
    this.liveness = undefined;
    if (ws === this.ws) this.ws = undefined;
    this.pauseSocket(false);
    if (code !== 1000 && code !== 1005 && !this.link.lastErrorIsFresh())
      this.link.noteError(`connection closed (${code}${reason ? `: ${reason}` : ''})`, false);
    try {
      await this.flush();
    } catch {
      // Already noted by the writer; what was not written is fetched again after reconnecting.
    }
    if (!this.stopped) this.redial(this.session.helloSeen || this.resyncPending);
  }

  /** The next dial after a link that carried a hello (`linkWasUp`) or a failed one: at once to resync, else backoff. */
  private redial(linkWasUp: boolean): void {
    const status = this.link;
    if (linkWasUp) {
      this.everConnected = true;
      status.failures = 0;
    } else status.failures++;
    // One immediate redial to resync; a hub that changes identity on every link gets backoff.
    const immediate = this.resyncPending && this.resyncStreak++ < 1;
    const delay = immediate ? 0 : backoffDelay(linkWasUp ? 0 : status.failures - 1, this.o.backoff, this.o.random);
    this.resyncPending = false;
    status.counts.reconnects++;
    status.nextAttemptAt = this.o.timers.now() + delay;
    const offline = status.failures >= this.o.offlineAfterFailures;
    status.setState(offline ? 'offline' : this.everConnected || status.failures > 0 ? 'reconnecting' : 'connecting');
    this.redialTimer = this.o.timers.setTimeout(() => this.connect(), delay);
  }

  private leaveCurrent(resync: boolean): void {
    if (this.ws) this.leaveLink(this.ws, resync);
  }

  /** Stops reading a link at once and closes it; the close handler writes what is pending and redials. */
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

  private updateConnectedState(): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    let next: IngestState;
    if (this.liveness?.stale) next = 'stale';
    else if (!this.session.helloSeen) next = this.everConnected ? 'reconnecting' : 'connecting';
    else if (this.builder.acceptedSeq < (this.link.hubNewestSeq ?? 0)) next = 'catching_up';
    // A catch-up ends once its last batch is written: until then screens and alerts would take part of it for the present.
    else if (this.link.state === 'catching_up' && this.writer.busy) next = 'catching_up';
    else next = 'live';
    this.link.setState(next);
  }
}
