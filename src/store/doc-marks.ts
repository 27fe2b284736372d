import type Database from 'better-sqlite3';
import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS, STATUS_CODES } from '../protocol/index.js';
import type { DeliveryFailureReason, MessageOf, SignatureResult, StatusCode } from '../protocol/index.js';
import { AGENCY_ID_LIMIT, type AgencyIds } from './agency-ids.js';
import { Prepared } from './multi-row.js';
import type { RollupAccumulator } from './rollup-accumulator.js';
import { COL } from './rollup-columns.js';

/**
 * What the cache has counted of each document, so that every figure counts a document (or a document × recipient) once
 * however many events mention it, in whatever order they are stored. Documents are numbered in `doc_keys`. One row per
 * (document, party, mark): party 0 holds the document's own marks, party = recipient id those of one delivery. `at` is
 * the time of the earliest event that made the mark, whose minute the figure counts in (docs/FIGURES.md), and the time
 * retention goes by.
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
const DOC = {
  sent: 0,
  checked: 1,
  signed: 2,
  sigFailed: 3,
  sigFail: (r: Exclude<SignatureResult, 'valid'>): number => 3 + SIGNATURE_RESULTS.indexOf(r),
} as const;

/** One delivery's marks (party = recipient). */
const DELIVERY = {
  delivered: 0,
  answered: 1,
  fail: (r: DeliveryFailureReason): number => 2 + DELIVERY_FAILURE_REASONS.indexOf(r),
  status: (c: StatusCode): number => 2 + DELIVERY_FAILURE_REASONS.length + STATUS_CODES.indexOf(c),
} as const;

export type Counted =
  | 'document.sent'
  | 'document.delivered'
  | 'document.failed'
  | 'status.reported'
  | 'document.replied'
  | 'signature.verified';

export const minuteOf = (ts: number): number => Math.floor(ts / 60_000);

/** The rollup counts of traffic events, written with the event (the derived rows may follow later). */
export class DocCounts extends Prepared {
  private readonly insert = this.db.prepare<[number, number, number]>(
    'INSERT OR IGNORE INTO doc_marks (doc, mark, at) VALUES (?, ?, ?)',
  );
  private readonly atOf = this.db
    .prepare<[number, number], number>('SELECT at FROM doc_marks WHERE doc = ? AND mark = ?')
    .pluck();
  private readonly moveTo = this.db.prepare<[number, number, number]>(
    'UPDATE doc_marks SET at = ? WHERE doc = ? AND mark = ?',
  );
  private readonly findKey = this.db.prepare<[string], number>('SELECT key FROM doc_keys WHERE doc_id = ?').pluck();
  private readonly addKey = this.db
    .prepare<[string], number>('INSERT INTO doc_keys (doc_id) VALUES (?) RETURNING key')
    .pluck();
  /** Document id → key of documents marked lately; emptied on rollback (`reset`). */
  private readonly keys = new Map<string, number>();
  /** The party offset of the current event's history in `doc_marks`. */
  private history = 0;

  constructor(
    db: Database.Database,
    private readonly agencies: AgencyIds,
    private readonly minutes: RollupAccumulator,
  ) {
    super(db);
  }

  count(m: MessageOf<Counted>, ts: number, stream: number): void {
    const ids = this.agencies;
    // Marks are kept per history: a new epoch counts its documents afresh (docs/FIGURES.md).
    this.history = stream * AGENCY_ID_LIMIT;
    switch (m.type) {
      case 'document.sent':
        return this.tally(m.data.docId, 0, DOC.sent, ts, ids.idOf(m.data.sender), COL.sent, COL.dupSent);
      case 'document.delivered': {
        const recipient = ids.idOf(m.data.recipient);
        return this.tally(m.data.docId, recipient, DELIVERY.delivered, ts, recipient, COL.received, COL.dupReceived);
      }
      case 'document.failed': {
        const recipient = ids.idOf(m.data.recipient);
        const reason = m.data.reason;
        return this.tally(m.data.docId, recipient, DELIVERY.fail(reason), ts, recipient, COL.fail(reason));
      }
      case 'status.reported': {
        const agency = ids.idOf(m.data.agency);
        return this.tally(m.data.docId, agency, DELIVERY.status(m.data.code), ts, agency, COL.status(m.data.code));
      }
      case 'document.replied': {
        const agency = ids.idOf(m.data.agency);
        return this.tally(m.data.docId, agency, DELIVERY.answered, ts, agency, COL.replied);
      }
      case 'signature.verified':
        return this.signatureVerified(m, ts);
    }
  }

  /** Checked once, signed once its organisation (or kindless) signature is valid, failed once and once per reason. */
  private signatureVerified(m: MessageOf<'signature.verified'>, ts: number): void {
    const { docId, result, kind } = m.data;
    const agency = this.agencies.idOf(m.data.agency);
    this.tally(docId, 0, DOC.checked, ts, agency, COL.sigChecked);
    if (result === 'valid') {
      if (kind !== 'personal') this.tally(docId, 0, DOC.signed, ts, agency, COL.sig('valid'));
      return;
    }
    this.tally(docId, 0, DOC.sigFailed, ts, agency, COL.sigFailed);
    this.tally(docId, 0, DOC.sigFail(result), ts, agency, COL.sig(result));
  }

  /**
   * Counts a mark in `column` at the minute of the earliest event that made it, each later one in
   * `repeats` (if any): an earlier event stored late moves the count to its minute.
   */
  private tally(docId: string, party: number, mark: number, ts: number, agency: number, column: number, repeats = -1) {
    const doc = this.keyOf(docId);
    const m = (this.history + party) * MARKS + mark;
    const minute = minuteOf(ts);
    if (this.insert.run(doc, m, ts).changes > 0) return this.minutes.add(minute, agency, column);
    // Marked before: by an event at or before this one (a repeat), or by a later one, which becomes the repeat.
    const at = this.atOf.get(doc, m)!;
    if (ts < at) this.moveTo.run(ts, doc, m);
    const before = ts < at ? minuteOf(at) : minute;
    if (before === minute) return repeats >= 0 ? this.minutes.add(minute, agency, repeats) : undefined;
    this.minutes.add(before, agency, column, -1);
    this.minutes.add(minute, agency, column);
    if (repeats >= 0) this.minutes.add(before, agency, repeats);
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
  reset(): void {
    this.keys.clear();
  }
}
