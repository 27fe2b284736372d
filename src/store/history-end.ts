import { DRAFT_COLUMNS as COLUMNS } from './delivery-effects.js';
import { Prepared } from './multi-row.js';

/**
 * A new epoch is a new history: the hub will say no more about the earlier one's documents.
 * Their open items (deliveries neither delivered nor failed, deadlines not answered) are moved
 * out of `deliveries` into `ended_deliveries` and out of the deadline counts, so that no figure
 * counts them with the new history's (docs/PROTOCOL.md, "Epochs"). What was done or counted stays.
 */
export const ENDED_DELIVERIES_TABLE = `
  CREATE TABLE ended_deliveries (
    doc INTEGER NOT NULL,
    recipient INTEGER NOT NULL,
    sent_at INTEGER NOT NULL,
    reply_by INTEGER,
    delivered_at INTEGER,
    failed_at INTEGER,
    fail_reason TEXT,
    statuses INTEGER NOT NULL,
    arrived_at INTEGER,
    accepted_at INTEGER,
    answered_at INTEGER,
    ended_at INTEGER NOT NULL,
    PRIMARY KEY (doc, recipient, ended_at)
  ) WITHOUT ROWID;
`;

/** Open in the sense of every screen's partial indexes (schema store/1). */
const OPEN = `((reply_by IS NOT NULL AND answered_at IS NULL) OR (delivered_at IS NULL AND failed_at IS NULL))`;
const EARLIER = 'doc IN (SELECT id FROM documents WHERE stream IS NOT @stream)';
const moved = (where: string): string =>
  `INSERT OR IGNORE INTO ended_deliveries (${COLUMNS}, ended_at) SELECT ${COLUMNS}, @at FROM deliveries WHERE ${where}`;

export class HistoryEnd extends Prepared {
  private readonly openDeadlines = this.db.prepare<{ stream: number }, { recipient: number; n: number }>(
    `SELECT recipient, count(*) n FROM deliveries WHERE ${EARLIER} AND reply_by IS NOT NULL AND answered_at IS NULL
     GROUP BY recipient`,
  );
  private readonly move = this.db.prepare<{ stream: number; at: number }>(moved(`${EARLIER} AND ${OPEN}`));
  private readonly drop = this.db.prepare<{ stream: number }>(`DELETE FROM deliveries WHERE ${EARLIER} AND ${OPEN}`);
  private readonly recount = this.db.prepare<{ agency: number; n: number }>(
    `UPDATE deadline_counts SET open = open - @n,
       oldest_open = (SELECT min(reply_by) FROM deliveries INDEXED BY deliveries_open_deadline
         WHERE recipient = @agency AND reply_by IS NOT NULL AND answered_at IS NULL)
     WHERE agency = @agency`,
  );
  private readonly adoptMove = this.db.prepare<{ doc: number; at: number }>(moved('doc = @doc'));
  private readonly adoptDrop = this.db.prepare<{ doc: number }>('DELETE FROM deliveries WHERE doc = @doc');

  /** Ends the open items of every history but `stream`, after the batch's derived rows are written. */
  endAllBut(stream: number, at: number): { ended: number; recipients: number[] } {
    const open = this.openDeadlines.all({ stream });
    this.move.run({ stream, at });
    const ended = this.drop.run({ stream }).changes;
    for (const { recipient, n } of open) this.recount.run({ agency: recipient, n });
    return { ended, recipients: open.map((o) => o.recipient) };
  }

  /** An earlier history's document id sent again is the new history's: its earlier (closed) deliveries step aside. */
  adopt(doc: number, at: number): void {
    this.adoptMove.run({ doc, at });
    this.adoptDrop.run({ doc });
  }
}
