import type { BatchBuilder } from './batch-builder.js';
import { describeError } from './describe-error.js';
import type { LinkStatus } from './link-status.js';
import type { ResolvedIngestOptions } from './options.js';
import type { IngestSink } from './sink.js';
import type { TimerHandle } from './timers.js';

/** What the writer needs of the link it drains. */
interface WriterLink {
  /** Stops (or resumes) reading from the socket while the sink is behind. */
  pause(paused: boolean): void;
  /** Drops the link; the next one resumes from the cache's own cursor. */
  leave(): void;
  /** A write has settled, whatever its outcome. */
  settled(): void;
}

/** Hands batches to the sink: a full one at once, a partial one after `batchMaxMs`; one write in flight. */
export class BatchWriter {
  private timer: TimerHandle | undefined;
  private flushScheduled = false;
  private writing: Promise<void> | undefined;
  private idleScheduled = false;
  private idleStopped = false;

  constructor(
    private readonly o: ResolvedIngestOptions,
    private readonly builder: BatchBuilder,
    private readonly sink: IngestSink,
    private readonly status: LinkStatus,
    private readonly link: WriterLink,
  ) {}

  /** Resolves once everything received so far has been written to the sink. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.writing) await this.writing;
      else if (this.builder.hasPending) this.writeNow();
      else return;
    }
  }

  /** A batch is waiting to be written, or being written. */
  get busy(): boolean {
    return this.writing !== undefined || this.builder.hasPending;
  }

  /** Something was added to the batch: write it now (full, or the end of a catch-up), or once it has waited long enough. */
  schedule(): void {
    if (!this.builder.hasPending) return;
    if (this.builder.size >= this.limit() || this.catchUpEnding()) {
      this.link.pause(true);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // Yield to the event loop between batches so the console stays responsive.
        setImmediate(() => {
          this.flushScheduled = false;
          this.writeNow();
        });
      }
    } else if (this.timer === undefined) {
      this.timer = this.o.timers.setTimeout(() => {
        this.timer = undefined;
        this.writeNow();
      }, this.o.batchMaxMs);
    }
  }

  /** Everything the hub had is received and waits to be written: the catch-up ends when it is, not at the live pace. */
  private catchUpEnding(): boolean {
    return this.status.state === 'catching_up' && this.builder.acceptedSeq >= (this.status.hubNewestSeq ?? 0);
  }

  /** Messages a batch holds before it is written: more during a catch-up, while the hub is far ahead. */
  private limit(): number {
    const ahead = (this.status.hubNewestSeq ?? 0) - this.builder.acceptedSeq;
    return ahead >= this.o.catchUpBatchMessages ? this.o.catchUpBatchMessages : this.o.batchMaxMessages;
  }

  /** Writes the pending batch unless a write is already in flight (that one reschedules). */
  private writeNow(): void {
    if (this.writing) return;
    this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.builder.take();
    if (!batch) return this.link.pause(false);
    let result: void | Promise<void>;
    try {
      result = this.sink.write(batch);
    } catch (err) {
      return this.onWriteFailed(err);
    }
    if (result instanceof Promise) {
      this.link.pause(true);
      this.writing = result
        .then(
          () => this.status.noteWritten(batch),
          (err: unknown) => this.onWriteFailed(err),
        )
        .finally(() => {
          this.writing = undefined;
          this.afterWriteSettled();
        });
    } else {
      this.status.noteWritten(batch);
      this.afterWriteSettled();
    }
  }

  private afterWriteSettled(): void {
    if (this.builder.size < this.limit()) this.link.pause(false);
    this.schedule();
    this.link.settled();
    this.idleSoon();
  }

  /** No more idle work (the client is stopping). */
  stopIdle(): void {
    this.idleStopped = true;
  }

  /** Gives the sink's idle work one slice per event-loop turn while nothing waits to be written. */
  idleSoon(): void {
    if (!this.sink.idle || this.idleScheduled || this.idleStopped) return;
    this.idleScheduled = true;
    setImmediate(() => {
      this.idleScheduled = false;
      if (this.idleStopped || this.writing || this.builder.hasPending) return;
      let more: boolean;
      try {
        more = this.sink.idle!();
      } catch (err) {
        return this.status.noteError(`cache write failed: ${describeError(err)}`);
      }
      if (more) this.idleSoon();
    });
  }

  /** The cache refused the batch: dropping it and the link loses nothing, the next link resumes from the cache. */
  private onWriteFailed(err: unknown): void {
    this.status.noteError(`cache write failed: ${describeError(err)}`);
    // Nothing after the failed batch may be written, or its events would leave a silent hole.
    this.builder.take();
    this.link.leave();
  }
}
