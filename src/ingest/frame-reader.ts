import { isSessionType, isUnknownMessage, parseFrame, type Rejection } from '../protocol/index.js';
import type { BatchBuilder } from './batch-builder.js';
import type { HubSession } from './hub-session.js';
import type { LinkStatus } from './link-status.js';
import { HARD_FRAME_FACTOR } from './options.js';
import type { StoredMessage } from './sink.js';

/** Turns each frame into batch contents: rejections counted, session messages to the session, events to the batch. */
export class FrameReader {
  constructor(
    private readonly maxFrameBytes: number,
    private readonly builder: BatchBuilder,
    private readonly status: LinkStatus,
    private readonly session: HubSession,
    /** A link is still being read; a session message may leave it partway through a frame. */
    private readonly reading: () => boolean,
  ) {}

  /** Reads one frame; false when the link was left partway (the rest is fetched again). */
  read(data: Buffer, now: number): boolean {
    const parsed = parseFrame(data, { maxFrameBytes: this.maxFrameBytes });
    const rejected = parsed.rejections.at(-1);
    if (rejected) this.status.lastRejection = { reason: rejected.reason, detail: rejected.detail, at: now };
    this.builder.addRejections(parsed.rejections, now);
    this.builder.addUnknownFields(parsed.unknownFields);
    this.status.counts.rejections += parsed.rejections.length;
    this.status.counts.unknownFields += parsed.unknownFields;
    for (const message of parsed.messages) {
      if (isSessionType(message.type) && !isUnknownMessage(message)) this.session.onMessage(message, now);
      else this.onEvent(message as StoredMessage, now);
      if (!this.reading()) return false;
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
    if (!this.session.helloSeen) {
      // Without a hello there is no telling which history this seq belongs to.
      const detail = `type: expected hello first, got ${message.type}`;
      const { seq, type } = message;
      this.reject({ reason: 'invalid_envelope', detail, raw: JSON.stringify(message).slice(0, 8192), seq, type }, now);
      return;
    }
    if (!this.builder.addEvent(message, now)) this.status.counts.rejections++;
    else this.status.raiseHubNewest(message.seq);
  }
}
