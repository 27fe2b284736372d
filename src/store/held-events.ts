import type Database from 'better-sqlite3';

/** A follow-up kept until its document is sent. */
export interface HeldEvent {
  readonly stream: number;
  readonly seq: number;
  readonly ts: number;
  readonly type: string;
  readonly data: string;
}

/**
 * Follow-ups (deliveries, statuses, replies) of documents not sent yet, in `held_events`:
 * derived when their document is, so that the derived tables end the same whatever order the
 * events were stored in.
 */
export class HeldEvents {
  private readonly holdEvent;
  private readonly heldFor;
  private readonly dropHeld;
  private readonly countHeld;
  /** Rows held: none, no lookup per document sent. */
  private held: number;

  constructor(db: Database.Database) {
    this.holdEvent = db.prepare<[string, number, number, number, string, string]>(
      'INSERT OR IGNORE INTO held_events (doc_id, stream, seq, ts, type, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.heldFor = db.prepare<[string], HeldEvent>(
      'SELECT stream, seq, ts, type, data FROM held_events WHERE doc_id = ? ORDER BY stream, seq',
    );
    this.dropHeld = db.prepare<[string]>('DELETE FROM held_events WHERE doc_id = ?');
    this.countHeld = db.prepare<[], number>('SELECT count(*) FROM held_events').pluck();
    this.held = this.countHeld.get()!;
  }

  hold(docId: string, stream: number, seq: number, ts: number, type: string, data: unknown): void {
    this.holdEvent.run(docId, stream, seq, ts, type, JSON.stringify(data));
    this.held++;
  }

  /** The follow-ups held for a document, in seq order, no longer held. */
  take(docId: string): HeldEvent[] {
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
