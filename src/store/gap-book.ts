import type Database from 'better-sqlite3';

/** A stretch of sequence numbers missing from a stream. */
export interface Gap {
  readonly fromSeq: number;
  readonly toSeq: number;
  /** `missing`: seen as a jump in seq, may still arrive; otherwise the hub's word (e.g. lost). */
  readonly reason: string;
  readonly noticedAt: number;
}

/** The missing ranges of each stream: opened by a jump, narrowed or closed as events fill them. */
export class GapBook {
  private readonly insert;
  private readonly containing;
  private readonly remove;
  private readonly list;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO gaps (stream, from_seq, to_seq, reason, noticed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream, from_seq) DO UPDATE SET reason = excluded.reason WHERE to_seq = excluded.to_seq`,
    );
    this.containing = db.prepare<
      [number, number],
      { from_seq: number; to_seq: number; reason: string; noticed_at: number }
    >(
      'SELECT from_seq, to_seq, reason, noticed_at FROM gaps WHERE stream = ? AND from_seq <= ? ORDER BY from_seq DESC LIMIT 1',
    );
    this.remove = db.prepare('DELETE FROM gaps WHERE stream = ? AND from_seq = ?');
    this.list = db.prepare<[number], Gap>(
      'SELECT from_seq AS fromSeq, to_seq AS toSeq, reason, noticed_at AS noticedAt FROM gaps WHERE stream = ? ORDER BY from_seq',
    );
  }

  open(stream: number, fromSeq: number, toSeq: number, at: number): void {
    this.insert.run(stream, fromSeq, toSeq, 'missing', at);
  }

  /** Records a range the hub announced as lost; returns whether it was new. */
  announce(stream: number, fromSeq: number, toSeq: number, reason: string, at: number): boolean {
    if (toSeq < fromSeq) return false;
    return this.insert.run(stream, fromSeq, toSeq, reason, at).changes > 0;
  }

  /** Takes `seq` out of the gap holding it, splitting the gap if `seq` falls inside; false when no gap holds it. */
  fill(stream: number, seq: number): boolean {
    const gap = this.containing.get(stream, seq);
    if (!gap || gap.to_seq < seq) return false;
    this.remove.run(stream, gap.from_seq);
    if (gap.from_seq < seq) this.insert.run(stream, gap.from_seq, seq - 1, gap.reason, gap.noticed_at);
    if (seq < gap.to_seq) this.insert.run(stream, seq + 1, gap.to_seq, gap.reason, gap.noticed_at);
    return true;
  }

  gaps(stream: number): Gap[] {
    return this.list.all(stream);
  }
}
