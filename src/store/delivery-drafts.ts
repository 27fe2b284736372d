import type Database from 'better-sqlite3';
import { MultiRow } from './multi-row.js';

/** One recipient's copy of a document as it stands within the current batch. */
export interface DeliveryDraft {
  readonly doc: number;
  readonly recipient: number;
  sentAt: number;
  readonly replyBy: number | null;
  deliveredAt: number | null;
  failedAt: number | null;
  failReason: string | null;
  statuses: number;
  arrivedAt: number | null;
  acceptedAt: number | null;
  answeredAt: number | null;
}

/** The deliveries columns a draft fills, in the order of {@link draftRow}. */
export const DRAFT_COLUMNS =
  'doc, recipient, sent_at, reply_by, delivered_at, failed_at, fail_reason, statuses, arrived_at, accepted_at, answered_at';

/** A draft as the values of a deliveries row, in {@link DRAFT_COLUMNS} order. */
export const draftRow = (d: DeliveryDraft): (number | string | null)[] => [
  d.doc,
  d.recipient,
  d.sentAt,
  d.replyBy,
  d.deliveredAt,
  d.failedAt,
  d.failReason,
  d.statuses,
  d.arrivedAt,
  d.acceptedAt,
  d.answeredAt,
];

/**
 * Deliveries of documents first sent in the current batch, kept in memory until it is written:
 * in a catch-up their follow-ups mostly come in the same batch, and folding them into the row
 * before its insert saves an UPDATE per event and the churn of the partial indexes.
 */
export class DeliveryDrafts {
  private readonly byDoc = new Map<number, Map<number, DeliveryDraft>>();
  private readonly rows: MultiRow;

  constructor(db: Database.Database) {
    this.rows = new MultiRow(
      db,
      11,
      (n) => `INSERT OR IGNORE INTO deliveries (${DRAFT_COLUMNS}) VALUES ${MultiRow.placeholders(11, n)}`,
    );
  }

  /** Whether the document's deliveries are drafts of this batch (so none is in the table yet). */
  holds(doc: number): boolean {
    return this.byDoc.has(doc);
  }

  /** Adds drafts for recipients not drafted yet; returns those added. */
  add(doc: number, recipients: readonly number[], sentAt: number, replyBy: number | null): number[] {
    let drafts = this.byDoc.get(doc);
    if (!drafts) this.byDoc.set(doc, (drafts = new Map()));
    const added: number[] = [];
    for (const recipient of recipients) {
      const drafted = drafts.get(recipient);
      if (drafted) {
        if (sentAt < drafted.sentAt) drafted.sentAt = sentAt;
        continue;
      }
      drafts.set(recipient, {
        doc,
        recipient,
        sentAt,
        replyBy,
        deliveredAt: null,
        failedAt: null,
        failReason: null,
        statuses: 0,
        arrivedAt: null,
        acceptedAt: null,
        answeredAt: null,
      });
      added.push(recipient);
    }
    return added;
  }

  get(doc: number, recipient: number): DeliveryDraft | undefined {
    return this.byDoc.get(doc)?.get(recipient);
  }

  /** Inserts every draft (inside the batch's transaction) and forgets them. */
  flush(): void {
    for (const drafts of this.byDoc.values()) for (const d of drafts.values()) this.rows.add(draftRow(d));
    this.rows.flush();
    this.byDoc.clear();
  }

  clear(): void {
    this.rows.clear();
    this.byDoc.clear();
  }
}
