import type Database from 'better-sqlite3';
import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS, STATUS_CODES } from '../protocol/index.js';
import type { DeliveryFailureReason, SignatureResult, StatusCode } from '../protocol/index.js';

/**
 * What the cache has already counted of each document, so that every figure counts a document
 * (or a document × recipient) once however many events mention it, and in whatever order they
 * are stored: the rollups are written with each event, before any document row may exist.
 *
 * One row per (document id, party, mark): party 0 holds the document's own marks (sent,
 * signature checked, signed, failed by reason), party = recipient id the marks of one delivery
 * (delivered, answered, failed by reason, each status code). `at` is the time of the earliest
 * event that made the mark: the figure counts in that event's minute, and a repeat in its own
 * (docs/FIGURES.md). Also the time retention goes by.
 */
export const DOC_MARKS_TABLE = `
  CREATE TABLE doc_marks (
    doc_id TEXT NOT NULL,
    party INTEGER NOT NULL,
    mark INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, party, mark)
  ) WITHOUT ROWID;
`;

/** The document's own marks (party 0). */
export const DOC = {
  sent: 0,
  checked: 1,
  signed: 2,
  sigFailed: 3,
  sigFail: (r: Exclude<SignatureResult, 'valid'>): number => 3 + SIGNATURE_RESULTS.indexOf(r),
} as const;

/** One delivery's marks (party = recipient). */
export const DELIVERY = {
  delivered: 0,
  answered: 1,
  fail: (r: DeliveryFailureReason): number => 2 + DELIVERY_FAILURE_REASONS.indexOf(r),
  status: (c: StatusCode): number => 2 + DELIVERY_FAILURE_REASONS.length + STATUS_CODES.indexOf(c),
} as const;

/** `mark` found nothing before: this event counts. */
export const FIRST = -1;
/** `mark` found an event at the same time or earlier: this one is a repeat. */
export const REPEAT = -2;

/** The book of marks. */
export class DocMarks {
  private readonly insert;
  private readonly atOf;
  private readonly moveTo;

  constructor(db: Database.Database) {
    this.insert = db.prepare<[string, number, number, number]>(
      'INSERT OR IGNORE INTO doc_marks (doc_id, party, mark, at) VALUES (?, ?, ?, ?)',
    );
    this.atOf = db
      .prepare<[string, number, number], number>('SELECT at FROM doc_marks WHERE doc_id = ? AND party = ? AND mark = ?')
      .pluck();
    this.moveTo = db.prepare<[number, string, number, number]>(
      'UPDATE doc_marks SET at = ? WHERE doc_id = ? AND party = ? AND mark = ?',
    );
  }

  /**
   * Records that an event at `ts` made a mark. Returns FIRST when nothing had made it, REPEAT
   * when an event at or before `ts` had, and otherwise the time of the later event that had:
   * stored out of order, this event is the first and that one becomes the repeat.
   */
  mark(docId: string, party: number, mark: number, ts: number): number {
    if (this.insert.run(docId, party, mark, ts).changes > 0) return FIRST;
    const at = this.atOf.get(docId, party, mark)!;
    if (ts >= at) return REPEAT;
    this.moveTo.run(ts, docId, party, mark);
    return at;
  }
}
