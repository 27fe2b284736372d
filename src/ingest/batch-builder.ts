import { keepRaw, type Rejection } from '../protocol/index.js';
import type { HubIdentity, IngestBatch, RegistrySnapshot, SeqGap, StoredMessage } from './sink.js';

/** Gathers consecutive frames into one batch; an event whose `seq` is not above every one before is set aside. */
export class BatchBuilder {
  private registry: RegistrySnapshot[] = [];
  private events: StoredMessage[] = [];
  private rejections: Rejection[] = [];
  private gaps: SeqGap[] = [];
  private unknownFields = 0;
  private receivedAt = 0;
  /** The history of what is pending. */
  identity: HubIdentity | undefined;
  /** Highest seq accepted in the current history (stored or pending). */
  acceptedSeq = 0;

  /** Starts a history (or resumes one) after `cursor`; call only when nothing is pending. */
  begin(identity: HubIdentity | undefined, cursor: number): void {
    this.identity = identity;
    this.acceptedSeq = cursor;
  }

  /** Messages, rejections and gaps waiting to be written. */
  get size(): number {
    return this.events.length + this.rejections.length + this.gaps.length + this.registry.length;
  }

  /** Anything at all to hand over, tolerated-field counts included. */
  get hasPending(): boolean {
    return this.size > 0 || this.unknownFields > 0;
  }

  get pendingEvents(): number {
    return this.events.length;
  }

  /** Offers one durable event; returns false when it was set aside as a seq regression. */
  addEvent(message: StoredMessage, receivedAt: number): boolean {
    this.receivedAt = receivedAt;
    if (message.seq <= this.acceptedSeq) {
      const how = message.seq === this.acceptedSeq ? 'repeats the last one' : 'goes backwards';
      this.rejections.push({
        reason: 'seq_regression',
        detail: `seq: expected more than ${this.acceptedSeq}, got ${message.seq} (${how})`,
        raw: keepRaw(JSON.stringify(message)),
        seq: message.seq,
        type: message.type,
      });
      return false;
    }
    this.acceptedSeq = message.seq;
    this.events.push(message);
    return true;
  }

  addRejections(rejections: readonly Rejection[], receivedAt: number): void {
    if (rejections.length === 0) return;
    this.receivedAt = receivedAt;
    for (const r of rejections) this.rejections.push(r);
  }

  addRegistry(part: RegistrySnapshot, receivedAt: number): void {
    this.receivedAt = receivedAt;
    this.registry.push(part);
  }

  addUnknownFields(count: number): void {
    this.unknownFields += count;
  }

  /** Records a hole the hub announced and moves past it. */
  addGap(fromSeq: number, toSeq: number, reason: string): void {
    if (toSeq < fromSeq) return;
    this.gaps.push({ fromSeq, toSeq, reason });
    if (toSeq > this.acceptedSeq) this.acceptedSeq = toSeq;
  }

  /** Hands over everything pending and starts an empty batch. */
  take(): IngestBatch | undefined {
    if (!this.hasPending) return undefined;
    const batch: IngestBatch = {
      identity: this.identity,
      registry: this.registry,
      events: this.events,
      rejections: this.rejections,
      gaps: this.gaps,
      unknownFields: this.unknownFields,
      receivedAt: this.receivedAt,
    };
    this.registry = [];
    this.events = [];
    this.rejections = [];
    this.gaps = [];
    this.unknownFields = 0;
    return batch;
  }
}
