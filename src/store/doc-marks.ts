import type Database from 'better-sqlite3';
import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS, STATUS_CODES } from '../protocol/index.js';
import type { DeliveryFailureReason, SignatureResult, StatusCode } from '../protocol/index.js';

/**
 * What the cache has counted of each document, so that every figure counts a document (or a
 * document × recipient) once however many events mention it, in whatever order they are stored.
 * Documents are numbered in `doc_keys`. One row per (document, party, mark): party 0 holds the
 * document's own marks, party = recipient id those of one delivery. `at` is the time of the
 * earliest event that made the mark, whose minute the figure counts in (docs/FIGURES.md), and
 * the time retention goes by.
 */
export const DOC_MARKS_TABLE = `
  CREATE TABLE doc_keys (key INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE);
  CREATE TABLE doc_marks (
    doc INTEGER NOT NULL,
    mark INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (doc, mark)
  ) WITHOUT ROWID;
`;

/** Document ids whose key is kept in memory; older ones are looked up. */
const KEY_CACHE_SIZE = 200_000;
/** Marks per party: a mark number is party × MARKS + mark. */
const MARKS = 32;

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

export class DocMarks {
  private readonly insert;
  private readonly atOf;
  private readonly moveTo;
  private readonly findKey;
  private readonly addKey;
  /** Document id → key of documents marked lately; emptied on rollback (`forget`). */
  private readonly keys = new Map<string, number>();

  constructor(db: Database.Database) {
    this.insert = db.prepare<[number, number, number]>(
      'INSERT OR IGNORE INTO doc_marks (doc, mark, at) VALUES (?, ?, ?)',
    );
    this.atOf = db.prepare<[number, number], number>('SELECT at FROM doc_marks WHERE doc = ? AND mark = ?').pluck();
    this.moveTo = db.prepare<[number, number, number]>('UPDATE doc_marks SET at = ? WHERE doc = ? AND mark = ?');
    this.findKey = db.prepare<[string], number>('SELECT key FROM doc_keys WHERE doc_id = ?').pluck();
    this.addKey = db.prepare<[string], number>('INSERT INTO doc_keys (doc_id) VALUES (?) RETURNING key').pluck();
  }

  private keyOf(docId: string): number {
    let key = this.keys.get(docId);
    if (key !== undefined) return key;
    key = this.findKey.get(docId) ?? this.addKey.get(docId)!;
    if (this.keys.size >= KEY_CACHE_SIZE) this.keys.clear();
    this.keys.set(docId, key);
    return key;
  }

  /** After a rolled-back transaction: keys it added are gone. */
  forget(): void {
    this.keys.clear();
  }

  /**
   * Records that an event at `ts` made a mark: FIRST if nothing had, REPEAT if an event at or
   * before `ts` had, else the time of the later event that had (which becomes the repeat).
   */
  mark(docId: string, party: number, mark: number, ts: number): number {
    const doc = this.keyOf(docId);
    const m = party * MARKS + mark;
    if (this.insert.run(doc, m, ts).changes > 0) return FIRST;
    const at = this.atOf.get(doc, m)!;
    if (ts >= at) return REPEAT;
    this.moveTo.run(ts, doc, m);
    return at;
  }
}
