/** The hub's bounded ring of serialized events for resuming clients; the oldest fall out (a reset for who asks). */
export class ReplayBuffer {
  private readonly texts: (string | undefined)[];
  private readonly seqs: Float64Array;
  private head = 0;
  private count = 0;
  private lastSeq = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`buffer size must be a positive integer, got ${capacity}`);
    this.texts = new Array<string | undefined>(capacity);
    this.seqs = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Newest sequence number appended (0 before the first). */
  get newestSeq(): number {
    return this.lastSeq;
  }

  /** Oldest sequence number still held; `newestSeq + 1` when empty. */
  get oldestSeq(): number {
    return this.count === 0 ? this.lastSeq + 1 : (this.seqs[this.head] as number);
  }

  /** Appends one serialized event; `seq` must be above every seq already held. */
  append(seq: number, text: string): void {
    if (seq <= this.lastSeq) throw new RangeError(`seq ${seq} does not follow ${this.lastSeq}`);
    const cap = this.capacity;
    const slot = (this.head + this.count) % cap;
    this.texts[slot] = text;
    this.seqs[slot] = seq;
    if (this.count === cap) this.head = (this.head + 1) % cap;
    else this.count++;
    this.lastSeq = seq;
  }

  /** Forgets everything, as a restarted hub does; sequence numbers start over at `seq + 1`. */
  clear(seq = 0): void {
    this.texts.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.lastSeq = seq;
  }

  /** Position (0 = oldest) of the first event with a seq above `since`; `size` if none. */
  positionAfter(since: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seqAt(mid) > since) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  seqAt(position: number): number {
    return this.seqs[(this.head + position) % this.capacity] as number;
  }

  textAt(position: number): string {
    return this.texts[(this.head + position) % this.capacity] as string;
  }
}
