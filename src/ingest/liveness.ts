import type { TimerHandle, Timers } from './timers.js';

interface LivenessEvents {
  /** Sends a WebSocket ping (a control frame, not a message to the hub). */
  ping(): void;
  /** The hub has been silent for `silentMs`; the link itself may still be fine. */
  stale(silentMs: number): void;
  /** Give up on this connection: `why` says what was seen. */
  dead(why: string): void;
}

/**
 * Watches one connection: is the hub still talking (messages, heartbeats), and is the link there at all (pings
 * answered: a half-open TCP connection sends no FIN)? Neither clock runs while the socket is paused.
 */
export class LivenessWatch {
  private lastMessageAt: number;
  private answeredSincePing = true;
  private pingTimer: TimerHandle | undefined;
  private silenceTimer: TimerHandle | undefined;
  private isStale = false;
  private paused = false;
  private stopped = false;

  constructor(
    private readonly timers: Timers,
    /** No message (not even a heartbeat) for this long → stale; twice this long → reconnect. */
    private staleAfterMs: number,
    /** How often to ping; a ping still unanswered at the next one means a half-open link. */
    private readonly pingIntervalMs: number,
    private readonly events: LivenessEvents,
  ) {
    this.lastMessageAt = timers.now();
    this.armPing();
    this.armSilence(staleAfterMs);
  }

  get stale(): boolean {
    return this.isStale;
  }

  /** A message arrived: the hub is talking and the link is up. */
  message(): void {
    this.lastMessageAt = this.timers.now();
    this.answeredSincePing = true;
    this.isStale = false;
  }

  /** A pong arrived: the link is up (the hub may still be silent). */
  pong(): void {
    this.answeredSincePing = true;
  }

  /** The hello told us the heartbeat period; staleness follows it unless configured. */
  setStaleAfter(ms: number): void {
    this.staleAfterMs = ms;
    this.rearmSilence();
  }

  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused) {
      // Time spent paused says nothing about the hub; start both clocks afresh.
      this.lastMessageAt = this.timers.now();
      this.answeredSincePing = true;
      this.armPing();
      this.rearmSilence();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.pingTimer !== undefined) this.timers.clearTimeout(this.pingTimer);
    if (this.silenceTimer !== undefined) this.timers.clearTimeout(this.silenceTimer);
    this.pingTimer = this.silenceTimer = undefined;
  }

  private armPing(): void {
    if (this.pingTimer !== undefined) this.timers.clearTimeout(this.pingTimer);
    this.pingTimer = this.timers.setTimeout(() => this.onPingTimer(), this.pingIntervalMs);
  }

  private onPingTimer(): void {
    this.pingTimer = undefined;
    if (this.stopped || this.paused) return;
    if (!this.answeredSincePing)
      return this.events.dead(`no answer to ping within ${seconds(this.pingIntervalMs)} (half-open connection)`);
    this.answeredSincePing = false;
    this.events.ping();
    this.armPing();
  }

  private rearmSilence(): void {
    const silent = this.timers.now() - this.lastMessageAt;
    const next = silent < this.staleAfterMs ? this.staleAfterMs : 2 * this.staleAfterMs;
    this.armSilence(Math.max(1, next - silent));
  }

  private armSilence(ms: number): void {
    if (this.silenceTimer !== undefined) this.timers.clearTimeout(this.silenceTimer);
    this.silenceTimer = this.timers.setTimeout(() => this.onSilenceTimer(), ms);
  }

  private onSilenceTimer(): void {
    this.silenceTimer = undefined;
    if (this.stopped || this.paused) return;
    const silent = this.timers.now() - this.lastMessageAt;
    const { staleAfterMs } = this;
    if (silent >= 2 * staleAfterMs) {
      // The link answers pings but the stream has stopped; a fresh subscription is the remedy.
      return this.events.dead(`hub silent for ${seconds(silent)}`);
    }
    if (silent >= staleAfterMs && !this.isStale) {
      this.isStale = true;
      this.events.stale(silent);
    }
    this.rearmSilence();
  }
}

/** "0.4 s", "12 s": enough precision for a reason line. */
export const seconds = (ms: number): string => `${ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000)} s`;
