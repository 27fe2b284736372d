import type { Rejection } from '../../../src/protocol/index.js';
import type {
  HelloMessage,
  HubIdentity,
  IngestBatch,
  IngestSink,
  SeqGap,
  StoredMessage,
} from '../../../src/ingest/index.js';

const key = (id: HubIdentity): string => `${id.hubId}\u0000${id.epoch}`;

/**
 * An in-memory sink that keeps every history apart and records every offer, so tests can
 * tell "stored once" from "offered twice and deduplicated".
 */
export class MemorySink implements IngestSink {
  readonly histories = new Map<string, StoredMessage[]>();
  readonly rejections: Rejection[] = [];
  readonly gaps: SeqGap[] = [];
  readonly hellos: HelloMessage[] = [];
  readonly batches: IngestBatch[] = [];
  /** Events offered with a seq already stored in their history. */
  duplicateOffers = 0;
  private last: HubIdentity | undefined;
  /** Makes the next writes fail, as a full disk would. */
  failWrites = 0;

  lastIdentity(): HubIdentity | undefined {
    return this.last;
  }

  cursor(identity: HubIdentity): number {
    const events = this.histories.get(key(identity));
    const lastSeq = events?.[events.length - 1]?.seq ?? 0;
    const gapEnd = this.gaps.length ? Math.max(...this.gaps.map((g) => g.toSeq)) : 0;
    return Math.max(lastSeq, gapEnd);
  }

  onHello(hello: HelloMessage): void {
    this.hellos.push(hello);
    this.last = { hubId: hello.data.hubId, epoch: hello.data.epoch };
    if (!this.histories.has(key(this.last))) this.histories.set(key(this.last), []);
  }

  write(batch: IngestBatch): void {
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error('SQLITE_FULL: database or disk is full');
    }
    this.batches.push(batch);
    this.rejections.push(...batch.rejections);
    this.gaps.push(...batch.gaps);
    if (batch.events.length === 0) return;
    if (!batch.identity) throw new Error('events without an identity');
    const events = this.histories.get(key(batch.identity)) ?? [];
    this.histories.set(key(batch.identity), events);
    for (const e of batch.events) {
      const lastSeq = events[events.length - 1]?.seq ?? 0;
      if (e.seq <= lastSeq) this.duplicateOffers++;
      else events.push(e);
    }
  }

  events(identity: HubIdentity = { hubId: 'hub-test', epoch: 'epoch-1' }): StoredMessage[] {
    return this.histories.get(key(identity)) ?? [];
  }
}
