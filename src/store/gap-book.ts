import { Prepared } from './prepared.js';

/** A stretch of sequence numbers missing from a stream. */
export interface Gap {
  readonly fromSeq: number;
  readonly toSeq: number;
  /** `missing`: seen as a jump in seq, may still arrive; otherwise the hub's word (e.g. lost). */
  readonly reason: string;
  readonly noticedAt: number;
}

const GAP = 'from_seq AS fromSeq, to_seq AS toSeq, reason, noticed_at AS noticedAt';

/** The missing ranges of each stream: opened by a jump, narrowed or closed as events fill them. */
export class GapBook extends Prepared {
  private readonly insert = this.db.prepare(
    `INSERT INTO gaps (stream, from_seq, to_seq, reason, noticed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (stream, from_seq) DO UPDATE SET reason = excluded.reason WHERE to_seq = excluded.to_seq`,
  );
  private readonly containing = this.db.prepare<[number, number], Gap>(
    `SELECT ${GAP} FROM gaps WHERE stream = ? AND from_seq <= ? ORDER BY from_seq DESC LIMIT 1`,
  );
  private readonly remove = this.db.prepare('DELETE FROM gaps WHERE stream = ? AND from_seq = ?');
  private readonly list = this.db.prepare<[number], Gap>(`SELECT ${GAP} FROM gaps WHERE stream = ? ORDER BY from_seq`);

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
    if (!gap || gap.toSeq < seq) return false;
    this.remove.run(stream, gap.fromSeq);
    if (gap.fromSeq < seq) this.insert.run(stream, gap.fromSeq, seq - 1, gap.reason, gap.noticedAt);
    if (seq < gap.toSeq) this.insert.run(stream, seq + 1, gap.toSeq, gap.reason, gap.noticedAt);
    return true;
  }

  gaps(stream: number): Gap[] {
    return this.list.all(stream);
  }
}
