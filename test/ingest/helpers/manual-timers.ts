import type { Timers } from '../../../src/ingest/index.js';

interface Pending {
  at: number;
  order: number;
  fn: () => void;
}

/** Timers that fire only when the test moves the clock; `scheduled` shows what is waiting. */
export class ManualTimers implements Timers {
  private t: number;
  private order = 0;
  private readonly pending = new Set<Pending>();

  constructor(start = Date.UTC(2024, 2, 12, 1, 0, 0)) {
    this.t = start;
  }

  now = (): number => this.t;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const p = { at: this.t + Math.max(0, ms), order: this.order++, fn };
    this.pending.add(p);
    return p;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as Pending);
  };

  /** Delays (from now) of the timers waiting, soonest first. */
  scheduled(): number[] {
    return [...this.pending].map((p) => p.at - this.t).sort((a, b) => a - b);
  }

  /** Moves the clock, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: Pending | undefined;
      for (const p of this.pending) {
        if (p.at <= end && (!next || p.at < next.at || (p.at === next.at && p.order < next.order))) next = p;
      }
      if (!next) break;
      this.pending.delete(next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }
}
