/** Events per second over a sliding window of one-second buckets. */
export class RateMeter {
  private readonly buckets: number[];
  private readonly starts: number[];

  constructor(
    private readonly now: () => number,
    private readonly windowSeconds = 5,
  ) {
    this.buckets = new Array<number>(windowSeconds).fill(0);
    this.starts = new Array<number>(windowSeconds).fill(-1);
  }

  add(count: number): void {
    const second = Math.floor(this.now() / 1000);
    const i = second % this.windowSeconds;
    if (this.starts[i] !== second) {
      this.starts[i] = second;
      this.buckets[i] = 0;
    }
    this.buckets[i] = (this.buckets[i] ?? 0) + count;
  }

  /** Mean rate over the completed seconds of the window plus the current one. */
  perSecond(): number {
    const second = Math.floor(this.now() / 1000);
    let total = 0;
    let oldest = second;
    for (let i = 0; i < this.windowSeconds; i++) {
      const start = this.starts[i] ?? -1;
      if (start >= 0 && second - start < this.windowSeconds) {
        total += this.buckets[i] ?? 0;
        if (start < oldest) oldest = start;
      }
    }
    const elapsed = (this.now() - oldest * 1000) / 1000;
    return total === 0 ? 0 : total / Math.max(elapsed, 1);
  }
}
