import { DEFAULT_MAX_FRAME_BYTES } from '../protocol/index.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import type { IngestSink } from './sink.js';
import { realTimers, type Timers } from './timers.js';

/** How to reach the hub and where to put what it sends. */
export interface IngestOptions {
  /** `ws://HOST:PORT` or `wss://HOST:PORT` (the telemetry path is added when absent). */
  readonly url: string;
  readonly sink: IngestSink;
  /** Bearer token, sent as `Authorization: Bearer …` (see `resolveToken`). */
  readonly token?: string;
  /** PEM text of the certificate authorities to trust for `wss://` instead of the defaults (`--ca FILE`). */
  readonly ca?: string | Buffer;
  /** Frames above this are set aside as `frame_too_large`; default 16 MiB. */
  readonly maxFrameBytes?: number;
  /** Write a batch once it holds this many messages… (default 5,000) */
  readonly batchMaxMessages?: number;
  /**
   * While the hub's newest seq is at least this many past what was received (a catch-up), a batch is written once it
   * holds this many messages instead (default: `batchMaxMessages`): a transaction's fixed cost, paid per thousand
   * events, made a catch-up twice as slow as per five thousand.
   */
  readonly catchUpBatchMessages?: number;
  /** …or once its first message has waited this long (default 50 ms). */
  readonly batchMaxMs?: number;
  readonly backoff?: Partial<BackoffPolicy>;
  /** Silence after which the link is `stale`; default 3 × the hello's heartbeatMs (15 s before any hello). */
  readonly staleAfterMs?: number;
  /** Ping period; an unanswered ping at the next tick ends the connection. Default 10 s. */
  readonly pingIntervalMs?: number;
  /** Opening handshake deadline. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Failed attempts in a row before the state reads `offline`. Default 3. */
  readonly offlineAfterFailures?: number;
  /** Injected for tests: the clock and timers, and the jitter source. */
  readonly timers?: Timers;
  readonly random?: () => number;
}

export type ResolvedIngestOptions = ReturnType<typeof resolveIngestOptions>;

/** Staleness before the hello says how often the hub beats. */
export const PRE_HELLO_STALE_MS = 15_000;

/** ws refuses (1009) frames past this many times the limit; one merely oversized costs a rejection, not the link. */
export const HARD_FRAME_FACTOR = 2;

export function resolveIngestOptions(o: IngestOptions) {
  return {
    maxFrameBytes: o.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    batchMaxMessages: o.batchMaxMessages ?? 5_000,
    catchUpBatchMessages: Math.max(o.catchUpBatchMessages ?? 0, o.batchMaxMessages ?? 5_000),
    batchMaxMs: o.batchMaxMs ?? 50,
    backoff: { ...DEFAULT_BACKOFF, ...o.backoff },
    staleAfterMs: o.staleAfterMs,
    pingIntervalMs: o.pingIntervalMs ?? 10_000,
    connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
    offlineAfterFailures: o.offlineAfterFailures ?? 3,
    timers: o.timers ?? realTimers,
    random: o.random ?? Math.random,
  } as const;
}
