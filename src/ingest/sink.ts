import type { MessageOf, Rejection, TelemetryMessage, UnknownMessage } from '../protocol/index.js';

/** Which history a sequence number belongs to: a `seq` means something only within one epoch of one hub. */
export interface HubIdentity {
  readonly hubId: string;
  readonly epoch: string;
}

/** A message the hub sent once and the cache keeps: a durable event, or one of an unknown type. */
export type StoredMessage =
  Exclude<TelemetryMessage, { type: 'hello' | 'heartbeat' | 'reset' | 'registry.snapshot' }> | UnknownMessage;

/** The hello that opened a connection (lời chào của trục). */
export type HelloMessage = MessageOf<'hello'>;

/** One part of the hub's registry (danh mục cơ quan, máy chủ bảo mật), sent after every hello. */
export type RegistrySnapshot = MessageOf<'registry.snapshot'>;

/** Seqs the hub can no longer send (`since_too_old`): shown as a hole, not as zero; both ends inclusive. */
export interface SeqGap {
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly reason: string;
}

/** What the ingest client hands over in one write: everything parsed since the previous write. */
export interface IngestBatch {
  /** The history these events belong to; absent only when the batch holds no events. */
  readonly identity: HubIdentity | undefined;
  /** Registry parts received in this batch, in order; they describe the hub now, not history. */
  readonly registry: readonly RegistrySnapshot[];
  /** Durable events in strictly increasing `seq`, every one above the sink's cursor. */
  readonly events: readonly StoredMessage[];
  /** Frames and messages set aside, with their reasons, in arrival order. */
  readonly rejections: readonly Rejection[];
  /** Holes the hub announced. */
  readonly gaps: readonly SeqGap[];
  /** Fields the client did not know but tolerated (forward compatibility), counted. */
  readonly unknownFields: number;
  /** When the client received the last frame of this batch (ms since the Unix epoch). */
  readonly receivedAt: number;
}

/** Where ingested telemetry goes (`cache-sink.ts`); writes are idempotent on (identity, seq). */
export interface IngestSink {
  /** The history written last, so a restarted client can resume before any hello arrives. */
  lastIdentity(): HubIdentity | undefined;
  /** Highest `seq` stored for that history; 0 when none. The client resumes after it. */
  cursor(identity: HubIdentity): number;
  /** Every hello, before its events; synchronous (the next cursor sees its history); a throw refuses the link. */
  onHello(hello: HelloMessage): void;
  /** Stores one batch atomically. A returned promise holds the socket paused until it settles. */
  write(batch: IngestBatch): void | Promise<void>;
  /** One short slice of work a write left for later (documents after a catch-up); true while more remains. */
  idle?(): boolean;
}
