import type { Rejection } from '../protocol/index.js';
import type { Gap } from './event-intake.js';
import type { HubIdentity } from './streams.js';

/** What the ingest client knows about a batch besides its messages. */
export interface BatchMeta {
  /** When the batch's last frame arrived; the time rejections are stamped with. */
  readonly receivedAt?: number;
  /** The history the events belong to, when no hello is in the batch. */
  readonly identity?: HubIdentity;
  /** Holes the hub announced (a reset with `since_too_old`). */
  readonly gaps?: readonly Pick<Gap, 'fromSeq' | 'toSeq' | 'reason'>[];
  /** Fields the parser tolerated without knowing them. */
  readonly unknownFields?: number;
}

/** What one batch did to the cache; `rejected` counts the rejections written, the parser's and the writer's. */
export type ApplyResult = BatchReport['result'];

/** One batch's tally: what it stored, ignored and refused. */
export class BatchReport {
  stored = 0;
  /** Events already stored (same seq, same content): ignored, nothing changed. */
  duplicates = 0;
  gapsOpened = 0;
  gapsFilled = 0;
  unknownTypes = 0;
  /** Events stored more than the tolerance ahead of their receipt; the first of a batch is listed in `kept`. */
  clockAhead = 0;

  constructor(
    /** Rejections to record: the parser's, then the writer's. */
    readonly kept: Rejection[],
  ) {}

  get result() {
    const { stored, duplicates, gapsOpened, gapsFilled, clockAhead } = this;
    return {
      stored,
      duplicates,
      rejected: this.kept.length - Math.min(clockAhead, 1),
      gapsOpened,
      gapsFilled,
      clockAhead,
    };
  }
}
