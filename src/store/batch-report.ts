import type { Rejection } from '../protocol/index.js';
import type { Gap } from './event-intake.js';
import { Prepared } from './prepared.js';
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
  /** Events newly stored. */
  stored = 0;
  /** Events already stored (same seq, same content): ignored, nothing changed. */
  duplicates = 0;
  gapsOpened = 0;
  gapsFilled = 0;
  unknownTypes = 0;
  /** Events stored more than the tolerance ahead of their receipt; the first of a batch is listed in `kept`. */
  clockAhead = 0;
  /** Rejections to record: the parser's, then the writer's. */
  readonly kept: Rejection[];

  constructor(rejections: readonly Rejection[]) {
    this.kept = [...rejections];
  }

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

/** Writes batches' rejections (`rejections`, with their reasons) and counters (`counters`). */
export class RejectionLog extends Prepared {
  private readonly insertRejection = this.db.prepare(
    'INSERT INTO rejections (at, reason, detail, raw, seq, type, stream) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  readonly bump = this.db.prepare(
    'INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n',
  );

  write(report: BatchReport, unknownFields: number, at: number, stream: number | null): void {
    const { kept, clockAhead } = report;
    for (const r of kept) {
      this.insertRejection.run(at, r.reason, r.detail, r.raw, r.seq ?? null, r.type ?? null, stream);
      this.bump.run(`rejections.${r.reason}`, 1);
    }
    if (kept.length) this.bump.run('rejections', kept.length);
    if (clockAhead) {
      this.bump.run('clock_ahead', clockAhead);
      this.bump.run('rejections.clock_ahead', clockAhead - 1);
    }
    if (report.duplicates) this.bump.run('duplicates', report.duplicates);
    if (report.unknownTypes) this.bump.run('unknown_types', report.unknownTypes);
    if (unknownFields) this.bump.run('unknown_fields', unknownFields);
  }
}
