import type Database from 'better-sqlite3';
import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS, STATUS_CODES } from '../protocol/index.js';
import type { DeliveryFailureReason, SignatureResult, StatusCode } from '../protocol/index.js';

/**
 * What the cache has already counted of each document, so that every figure counts a document
 * (or a document × recipient) once however many events mention it, and in whatever order they
 * are stored: the rollups are written with each event, before any document row may exist.
 *
 * One row per (document id, party): party 0 holds the document's own marks (sent, signature
 * checked, signed, failed by reason), party = recipient id the marks of one delivery
 * (delivered, failed by reason, each status code, answered). `at` is the time of the first
 * mark, for retention. docs/FIGURES.md says which figure each mark stands for.
 */
export const DOC_MARKS_TABLE = `
  CREATE TABLE doc_marks (
    doc_id TEXT NOT NULL,
    party INTEGER NOT NULL,
    bits INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, party)
  ) WITHOUT ROWID;
`;

/** The document's own marks (party 0). */
export const DOC = {
  sent: 1 << 0,
  checked: 1 << 1,
  signed: 1 << 2,
  sigFailed: 1 << 3,
  sigFail: (r: Exclude<SignatureResult, 'valid'>): number => 1 << (4 + SIGNATURE_RESULTS.indexOf(r) - 1),
} as const;

/** One delivery's marks (party = recipient). */
export const DELIVERY = {
  delivered: 1 << 0,
  answered: 1 << 1,
  fail: (r: DeliveryFailureReason): number => 1 << (2 + DELIVERY_FAILURE_REASONS.indexOf(r)),
  status: (c: StatusCode): number => 1 << (2 + DELIVERY_FAILURE_REASONS.length + STATUS_CODES.indexOf(c)),
} as const;

/** The book of marks: `mark` tells whether a mark is new, and records it. */
export class DocMarks {
  private readonly insert;
  private readonly update;
  private readonly bitsOf;

  constructor(db: Database.Database) {
    this.insert = db.prepare<[string, number, number, number]>(
      'INSERT OR IGNORE INTO doc_marks (doc_id, party, bits, at) VALUES (?, ?, ?, ?)',
    );
    this.update = db.prepare<[number, string, number, number]>(
      'UPDATE doc_marks SET bits = bits | ? WHERE doc_id = ? AND party = ? AND bits & ? = 0',
    );
    this.bitsOf = db
      .prepare<[string, number], number>('SELECT bits FROM doc_marks WHERE doc_id = ? AND party = ?')
      .pluck();
  }

  /**
   * Records `bits` for (docId, party) and returns those of them that were not recorded yet:
   * the first event to mark something counts it, every later one finds it marked.
   */
  mark(docId: string, party: number, bits: number, at: number): number {
    if (this.insert.run(docId, party, bits, at).changes > 0) return bits;
    // A row exists. Most events set one bit: one update says whether it was new.
    if ((bits & (bits - 1)) === 0) return this.update.run(bits, docId, party, bits).changes > 0 ? bits : 0;
    const fresh = bits & ~(this.bitsOf.get(docId, party) ?? 0);
    if (fresh) this.update.run(fresh, docId, party, fresh);
    return fresh;
  }
}
