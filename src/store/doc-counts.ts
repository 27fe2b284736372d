import type Database from 'better-sqlite3';
import type { MessageOf } from '../protocol/index.js';
import { AGENCY_ID_LIMIT, type AgencyIds } from './agency-ids.js';
import { DELIVERY, DOC, DocMarks, FIRST, REPEAT } from './doc-marks.js';
import type { RollupAccumulator } from './rollup-accumulator.js';
import { COL } from './rollup-columns.js';

export type Counted =
  | 'document.sent'
  | 'document.delivered'
  | 'document.failed'
  | 'status.reported'
  | 'document.replied'
  | 'signature.verified';

export const minuteOf = (ts: number): number => Math.floor(ts / 60_000);

/**
 * The rollup counts of traffic events, written with the event (the derived rows may follow
 * later). A document (or document × recipient) counts once per figure, in the minute of the
 * earliest event that made it, later ones as repeats (`DocMarks`, docs/FIGURES.md).
 */
export class DocCounts {
  private readonly marks: DocMarks;
  /** The party offset of the current event's history in `doc_marks`. */
  private history = 0;

  constructor(
    db: Database.Database,
    private readonly agencies: AgencyIds,
    private readonly minutes: RollupAccumulator,
  ) {
    this.marks = new DocMarks(db);
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
    const was = this.marks.mark(docId, this.history + party, mark, ts);
    const minute = minuteOf(ts);
    if (was === FIRST) return this.minutes.add(minute, agency, column);
    // A repeat, or a later event of the same minute stored first: this one is the repeat.
    const before = was === REPEAT ? minute : minuteOf(was);
    if (before === minute) return repeats >= 0 ? this.minutes.add(minute, agency, repeats) : undefined;
    this.minutes.add(before, agency, column, -1);
    this.minutes.add(minute, agency, column);
    if (repeats >= 0) this.minutes.add(before, agency, repeats);
  }

  /** After a rolled-back transaction. */
  reset(): void {
    this.marks.forget();
  }
}
