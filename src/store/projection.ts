import type Database from 'better-sqlite3';
import type { MessageOf } from '../protocol/index.js';
import { DERIVED, type Derived, type DocumentEffects } from './document-effects.js';
import type { Durable, EventIntake } from './event-intake.js';
import { BLOCK_EVENTS, type EventLog, type StoredEvent } from './event-log.js';
import { Prepared } from './multi-row.js';
import type { Streams, StreamState } from './streams.js';

/** Seqs behind the hub's newest past which a batch leaves documents to `Projection` (~0.3 s of work). */
export const DEFER_BACKLOG = 50_000;

/** Events derived per slice: ~60 ms of work. */
export const PROJECT_SLICE = 10_000;

/** Derives from the event log, in seq order from a stream's `derivedSeq`, what a catch-up left behind. */
export class Projection extends Prepared {
  // The block holding `from` (or the first after it) and enough blocks after it for a slice.
  private readonly blocksFrom = this.db.prepare<{ stream: number; from: number; blocks: number }, { events: string }>(
    `SELECT events FROM event_blocks WHERE stream = @stream
       AND first_seq >= coalesce((SELECT max(first_seq) FROM event_blocks WHERE stream = @stream AND first_seq <= @from), @from)
     ORDER BY first_seq LIMIT @blocks`,
  );
  /** A slice finished an earlier history in this transaction: its open items are to end. */
  private historyDerived = false;

  constructor(
    db: Database.Database,
    private readonly log: EventLog,
    private readonly documents: DocumentEffects,
    private readonly intake: EventIntake,
    private readonly streams: Streams,
  ) {
    super(db);
  }

  /** Derives up to `max` stored events past `derivedSeq` (in the caller's transaction, before its flushes). */
  slice(stream: StreamState, max: number): void {
    let done = 0;
    const pageBlocks = Math.ceil(max / BLOCK_EVENTS) + 1;
    for (;;) {
      const from = stream.derivedSeq + 1;
      const blocks = this.blocksFrom.all({ stream: stream.id, from, blocks: pageBlocks });
      for (const block of blocks) {
        for (const [seq, ts, type, data] of JSON.parse(block.events) as StoredEvent[]) {
          if (seq < from) continue;
          if (done === max) return this.log.flush();
          const event = { seq, type, data } as Durable;
          if (DERIVED.has(type)) this.documents.derive(event as MessageOf<Derived>, ts, stream.id);
          this.log.entry(this.intake.agencyIdOf(event), ts, stream.id, seq);
          stream.derivedSeq = seq;
          done++;
        }
      }
      if (blocks.length < pageBlocks) break;
    }
    // The log's end: nothing stored past it waits to be derived.
    stream.derivedSeq = stream.lastSeq;
    // An earlier history derived to its end after the epoch changed: its open items end now.
    if (stream !== this.streams.current) this.historyDerived = true;
    this.log.flush();
  }

  /** Once a slice derived an earlier history to its end, ends its open items; returns their recipients. */
  endDerivedHistory(at: number): readonly number[] {
    if (!this.historyDerived) return [];
    this.historyDerived = false;
    const current = this.streams.current;
    return current ? this.documents.ending.endAllBut(current.id, at).recipients : [];
  }
}
