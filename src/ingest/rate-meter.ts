/** Events per second over a sliding window of five one-second buckets. */
export class RateMeter {
  private readonly windowSeconds = 5;
  private readonly buckets = new Array<number>(this.windowSeconds).fill(0);
  private readonly starts = new Array<number>(this.windowSeconds).fill(-1);

  constructor(private readonly now: () => number) {}

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
