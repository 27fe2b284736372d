/**
 * One connected client: hello, registry, reset if needed, catch-up in batches, live events, heartbeats; a slow
 * client holds a cursor into the buffer instead of a growing queue in memory.
 */
import type { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type MessageOf } from '../protocol/index.js';
import type { ReplayBuffer } from './replay-buffer.js';

/** Stop writing to a client once this much is queued in its socket. */
const HIGH_WATER_BYTES = 1 << 20;

type ResetReason = MessageOf<'reset'>['data']['reason'];

/** What the hub lends each session. */
export type SessionHost = ReturnType<typeof bufferHost>;

/** The host of a hub serving from `buffer`: messages stamped with `now()` and the newest seq. */
export function bufferHost(o: {
  readonly buffer: ReplayBuffer;
  readonly batchMax: number;
  readonly heartbeatMs: number;
  readonly now: () => number;
  /** Who the hub says it is in its hello (the rest of the hello is the buffer's and the clock's); its `epoch` is the
   * one a resuming client's `epoch` parameter is compared with. */
  readonly hub: () => Pick<MessageOf<'hello'>['data'], 'hubId' | 'hubName' | 'hubVersion' | 'epoch' | 'notReported'>;
  /** The serialized `data` of each registry snapshot part, as it is now. */
  readonly snapshot: () => readonly string[];
}) {
  const { buffer, now, heartbeatMs } = o;
  const iso = (): string => new Date(now()).toISOString();
  /** A session message (seq = newest so far, ts = hub time) around its serialized `data`. */
  const message = (type: string, data: string): string =>
    `{"v":${PROTOCOL_VERSION},"seq":${buffer.newestSeq},"ts":"${iso()}","type":${JSON.stringify(type)},"data":${data}}`;
  return {
    ...o,
    /** Faults the simulator stages: sending paused holds catch-up and live events (heartbeats go on till silenced). */
    flags: { sendingPaused: false, silenced: false },
    message,
    heartbeat: () => message('heartbeat', JSON.stringify({ serverTime: iso(), newestSeq: buffer.newestSeq })),
    /** Hello and the registry snapshot parts, serialized, for a new connection. */
    opening: (): string[] => {
      const { notReported, ...hub } = o.hub();
      const { newestSeq, oldestSeq } = buffer;
      const hello = {
        ...hub,
        serverTime: iso(),
        newestSeq,
        oldestSeq,
        heartbeatMs,
        ...(notReported && { notReported }),
      };
      return [message('hello', JSON.stringify(hello)), ...o.snapshot().map((d) => message('registry.snapshot', d))];
    },
  };
}

export class ClientSession {
  /** Highest seq sent to this client. */
  private cursor = 0;
  private lastSentAt = performance.now();
  private waitingForDrain = false;
  /** Frames handed to the socket whose write has not completed. */
  private inFlight = 0;
  private closed = false;

  constructor(
    readonly ws: WebSocket,
    private readonly host: SessionHost,
  ) {
    ws.on('close', () => (this.closed = true));
    ws.on('error', () => (this.closed = true));
  }

  /** Sends the opening and starts streaming from where the client asked. */
  open({ since, epoch }: { readonly since?: number; readonly epoch?: string }): void {
    const { buffer } = this.host;
    for (const text of this.host.opening()) this.sendText(text);
    const oldest = buffer.oldestSeq;
    let reason: ResetReason | undefined;
    if (epoch !== undefined && epoch !== this.host.hub().epoch) reason = 'epoch_changed';
    else if (since !== undefined && since > buffer.newestSeq) reason = 'since_ahead';
    else if (since !== undefined && since < oldest - 1) reason = 'since_too_old';
    if (reason) this.sendReset(reason, since ?? 0);
    this.cursor = reason || since === undefined ? oldest - 1 : since;
    this.pump();
  }

  private sendReset(reason: ResetReason, requestedSince: number): void {
    const { oldestSeq, newestSeq } = this.host.buffer;
    this.sendText(this.host.message('reset', JSON.stringify({ reason, requestedSince, oldestSeq, newestSeq })));
  }

  /** Sends as much as the socket takes without queuing past the high-water mark. */
  pump(): void {
    const { buffer, batchMax, flags } = this.host;
    if (this.closed || flags.sendingPaused || flags.silenced || this.waitingForDrain) return;
    const ws = this.ws;
    if (this.cursor < buffer.oldestSeq - 1) {
      // This client fell so far behind that the buffer dropped what it still needs.
      this.sendReset('since_too_old', this.cursor);
      this.cursor = buffer.oldestSeq - 1;
    }
    let pos = buffer.positionAfter(this.cursor);
    const size = buffer.size;
    if (pos >= size) return;
    while (pos < size) {
      const end = Math.min(size, pos + batchMax);
      let frame: string;
      if (end - pos === 1) frame = buffer.textAt(pos);
      else {
        const parts = new Array<string>(end - pos);
        for (let i = pos; i < end; i++) parts[i - pos] = buffer.textAt(i);
        frame = `[${parts.join(',')}]`;
      }
      this.cursor = buffer.seqAt(end - 1);
      pos = end;
      this.inFlight++;
      ws.send(frame, this.onFlushed);
      if (ws.bufferedAmount >= HIGH_WATER_BYTES) {
        this.waitingForDrain = true;
        break;
      }
    }
    this.lastSentAt = performance.now();
  }

  /** A frame reached the socket: resume once the backlog has halved or nothing is left in flight. */
  private readonly onFlushed = (): void => {
    this.inFlight--;
    if (!this.waitingForDrain || this.closed) return;
    if (this.inFlight === 0 || this.ws.bufferedAmount < HIGH_WATER_BYTES / 2) {
      this.waitingForDrain = false;
      setImmediate(() => this.pump());
    }
  };

  /** Sends a heartbeat if nothing went out for the heartbeat interval. */
  heartbeatIfIdle(now: number, heartbeat: string): void {
    if (!this.closed && !this.host.flags.silenced && now - this.lastSentAt >= this.host.heartbeatMs)
      this.sendText(heartbeat);
  }

  sendText(text: string | Buffer, binary = false): void {
    if (this.closed) return;
    this.ws.send(text, { binary });
    this.lastSentAt = performance.now();
  }
}
