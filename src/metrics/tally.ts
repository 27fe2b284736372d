/**
 * Running sums per agency id: `width` numbers per agency in one Float64Array indexed by id. Agency ids are small
 * consecutive integers, so a national list of 12,000 agencies is summed without a Map lookup or an object per agency
 * per row read. Behaves as an id-keyed map for `agencyRows` (`has`, `forEach`).
 */
export class Tally {
  /** The sums, agency after agency; read and add through `slot`, which may move them to a larger array. */
  sums: Float64Array;
  private seen: Uint8Array;
  /** Agency ids with any sum, in the order first added. */
  readonly ids: number[] = [];

  constructor(
    readonly width: number,
    capacity = 1024,
  ) {
    this.sums = new Float64Array(capacity * width);
    this.seen = new Uint8Array(capacity);
  }

  /** Where agency `id`'s sums start in `sums`; the agency counts as present from now on. */
  slot(id: number): number {
    if (id >= this.seen.length) this.grow(id);
    if (this.seen[id] === 0) {
      this.seen[id] = 1;
      this.ids.push(id);
    }
    return id * this.width;
  }

  has(id: number): boolean {
    return id < this.seen.length && this.seen[id] === 1;
  }

  /** Where agency `id`'s sums start in `sums`, or -1 when it has none. */
  offset(id: number): number {
    return this.has(id) ? id * this.width : -1;
  }

  /** Sums k..k+count−1 of agency `id` as a plain array. */
  slice(id: number, k: number, count: number): number[] {
    const out = new Array<number>(count);
    const base = id * this.width + k;
    for (let i = 0; i < count; i++) out[i] = this.sums[base + i]!;
    return out;
  }

  forEach(f: (value: unknown, id: number) => void): void {
    for (let i = 0; i < this.ids.length; i++) f(undefined, this.ids[i]!);
  }

  private grow(id: number): void {
    const capacity = Math.max(id + 1, this.seen.length * 2);
    const values = new Float64Array(capacity * this.width);
    values.set(this.sums);
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.sums = values;
    this.seen = seen;
  }
}
