import type Database from 'better-sqlite3';
import { instantMs, type MessageOf } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import type { Counted } from './doc-marks.js';
import { DeliveryEffects } from './delivery-effects.js';
import { HistoryEnd } from './history-end.js';
import { Prepared } from './multi-row.js';

/** Events that change documents, deliveries and deadlines: derived in seq order. */
export type Derived = Exclude<Counted, 'signature.verified'>;

export const DERIVED: ReadonlySet<string> = new Set<Derived>([
  'document.sent',
  'document.delivered',
  'document.failed',
  'status.reported',
  'document.replied',
]);

/** Recent documents whose row id is kept in memory; older ones are looked up (about 100 B each). */
const DOC_CACHE_SIZE = 200_000;

/**
 * The documents, deliveries and deadlines document events change (`derive`, in seq order).
 * Whatever order events come in, the rows end the same: a follow-up for a document not sent
 * yet is held until it is, and every time kept is the earliest one (see docs/FIGURES.md).
 */
export class DocumentEffects extends Prepared {
  private readonly upsertDocument = this.db.prepare<
    [string, number, number, number | null, string | null, number, number],
    { id: number; sends: number }
  >(
    `INSERT INTO documents (doc_id, sender, sent_at, reply_by, subject, recipients, stream) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET sends = sends + 1, sent_at = min(sent_at, excluded.sent_at)
       WHERE stream IS excluded.stream
     RETURNING id, sends`,
  );
  private readonly insertDeliveries = this.db
    .prepare<[number, number, number | null, string], number>(
      `INSERT OR IGNORE INTO deliveries (doc, sent_at, reply_by, recipient)
       SELECT ?, ?, ?, value FROM json_each(?) RETURNING recipient`,
    )
    .pluck();
  private readonly earlierSend = this.db.prepare<[number, number, number]>(
    'UPDATE deliveries SET sent_at = ? WHERE doc = ? AND sent_at > ?',
  );
  private readonly findDocument = this.db
    .prepare<[string], number>('SELECT id FROM documents WHERE doc_id = ?')
    .pluck();
  private readonly openDeadlinesOf = this.db
    .prepare<[number], number>(
      'SELECT recipient FROM deliveries WHERE doc = ? AND reply_by IS NOT NULL AND answered_at IS NULL',
    )
    .pluck();
  private readonly adoptDocument = this.db.prepare<
    [number, number, number, number | null, string | null, number, number]
  >(
    `UPDATE documents SET stream = ?, sender = ?, sent_at = ?, reply_by = ?, subject = ?, recipients = ?, sends = 1
     WHERE id = ?`,
  );
  /** Ends earlier histories' open items (the writer's, at a new epoch, and an adopted document's). */
  readonly ending = new HistoryEnd(this.db);
  private readonly held = new HeldEvents(this.db);
  private readonly deliveries = new DeliveryEffects(this.db);
  /** Document id → row id of documents sent lately (follow-ups come within days): lookups skip the text index. */
  private readonly docRows = new Map<string, number>();

  constructor(
    db: Database.Database,
    private readonly agencies: AgencyIds,
  ) {
    super(db);
  }

  derive(m: MessageOf<Derived>, ts: number, stream: number): void {
    if (m.type === 'document.sent') return this.documentSent(m, ts, stream);
    const doc = this.docRow(m.data.docId);
    if (doc === undefined) return this.held.hold(m.data.docId, stream, m.seq, ts, m.type, m.data);
    const ids = this.agencies;
    switch (m.type) {
      case 'document.delivered':
        return this.deliveries.delivered(doc, ids.idOf(m.data.recipient), ts);
      case 'document.failed':
        return this.deliveries.failed(doc, ids.idOf(m.data.recipient), ts, m.data.reason);
      case 'status.reported':
        return this.deliveries.status(doc, ids.idOf(m.data.agency), ts, m.data.code);
      case 'document.replied':
        return this.deliveries.replied(doc, ids.idOf(m.data.agency), ts);
    }
  }

  private documentSent(m: MessageOf<'document.sent'>, ts: number, stream: number): void {
    const d = m.data;
    const sender = this.agencies.idOf(d.sender);
    const replyBy = d.replyBy ? instantMs(d.replyBy) : null;
    const subject = d.subject ?? null;
    const recipients = d.recipients.length;
    let doc = this.upsertDocument.get(d.docId, sender, ts, replyBy, subject, recipients, stream);
    if (!doc) {
      // An earlier history's document id sent again: the new history's document (see HistoryEnd.adopt).
      const id = this.findDocument.get(d.docId)!;
      for (const recipient of this.openDeadlinesOf.all(id)) this.deliveries.ended(recipient);
      this.ending.adopt(id, ts);
      this.adoptDocument.run(stream, sender, ts, replyBy, subject, recipients, id);
      doc = { id, sends: 1 };
    }
    if (this.docRows.size >= DOC_CACHE_SIZE) this.docRows.clear();
    this.docRows.set(d.docId, doc.id);
    const ids = d.recipients.map((r) => this.agencies.idOf(r));
    let added: number[];
    if (doc.sends === 1 || this.deliveries.holds(doc.id)) {
      // A new document (or one first sent in this batch): none of its deliveries is stored yet.
      added = this.deliveries.draft(doc.id, ids, ts, replyBy);
    } else {
      // Sent again: a repeat stored before the first send keeps the first send's time.
      this.earlierSend.run(ts, doc.id, ts);
      added = this.insertDeliveries.all(doc.id, ts, replyBy, JSON.stringify(ids));
    }
    if (replyBy !== null) for (const recipient of added) this.deliveries.opened(recipient, replyBy);
    if (doc.sends === 1) this.release(d.docId);
  }

  /** Derives, in seq order, the follow-ups held for a document that has just been sent. */
  private release(docId: string): void {
    for (const h of this.held.take(docId)) {
      const m = { seq: h.seq, type: h.type, data: JSON.parse(h.data) as unknown } as MessageOf<Derived>;
      this.derive(m, h.ts, h.stream);
    }
  }

  /** The row id of a document, or undefined for one not sent yet. */
  private docRow(docId: string): number | undefined {
    const cached = this.docRows.get(docId);
    if (cached !== undefined) return cached;
    const id = this.findDocument.get(docId);
    if (id !== undefined) this.docRows.set(docId, id);
    return id;
  }

  /** Writes the batch's deliveries and deadline counts; returns the recipients whose counts it wrote. */
  flush(): number[] {
    return this.deliveries.flush();
  }

  /** After a rolled-back transaction (or retention): forget everything that may name undone rows. */
  reset(): void {
    this.deliveries.clear();
    this.docRows.clear();
    this.held.reload();
  }
}

/** Follow-ups of documents not sent yet, held in `held_events` until their document is. */
class HeldEvents extends Prepared {
  private readonly holdEvent = this.db.prepare<[string, number, number, number, string, string]>(
    'INSERT OR IGNORE INTO held_events (doc_id, stream, seq, ts, type, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  private readonly heldFor = this.db.prepare<
    [string],
    { stream: number; seq: number; ts: number; type: string; data: string }
  >('SELECT stream, seq, ts, type, data FROM held_events WHERE doc_id = ? ORDER BY stream, seq');
  private readonly dropHeld = this.db.prepare<[string]>('DELETE FROM held_events WHERE doc_id = ?');
  private readonly countHeld = this.db.prepare<[], number>('SELECT count(*) FROM held_events').pluck();
  /** Rows held: none, no lookup per document sent. */
  private held = this.countHeld.get()!;

  hold(docId: string, stream: number, seq: number, ts: number, type: string, data: unknown): void {
    this.holdEvent.run(docId, stream, seq, ts, type, JSON.stringify(data));
    this.held++;
  }

  /** The follow-ups held for a document, in seq order, no longer held. */
  take(docId: string) {
    if (this.held === 0) return [];
    const held = this.heldFor.all(docId);
    if (held.length === 0) return held;
    this.dropHeld.run(docId);
    this.held -= held.length;
    return held;
  }

  /** After a rolled-back transaction: counts again what is held. */
  reload(): void {
    this.held = this.countHeld.get()!;
  }
}
