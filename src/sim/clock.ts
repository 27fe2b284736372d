/** The simulated hub's clock: `realtime` runs `speed` times the wall clock from `start`; `manual` moves when told. */
export type ClockMode = 'realtime' | 'manual';

export interface SimClock {
  readonly mode: ClockMode;
  /** Current simulated time, epoch milliseconds. */
  now(): number;
  /** Moves simulated time forward (manual mode; in realtime mode it shifts the offset). */
  advance(ms: number): void;
  /** Sets simulated time, never backwards. */
  advanceTo(t: number): void;
}

interface ClockOptions {
  readonly mode: ClockMode;
  /** Simulated time at creation. */
  readonly start: number;
  /** Simulated milliseconds per wall millisecond (realtime mode). */
  readonly speed: number;
}

export function createClock(options: ClockOptions): SimClock {
  const wallNow = (): number => performance.now();
  const wallStart = wallNow();
  let offset = 0;
  let manual = options.start;
  const realtime = options.mode === 'realtime';
  const now = (): number =>
    realtime ? Math.floor(options.start + (wallNow() - wallStart) * options.speed) + offset : manual;
  return {
    mode: options.mode,
    now,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`clock can only move forward, got ${ms} ms`);
      if (realtime) offset += ms;
      else manual += ms;
    },
    advanceTo(t) {
      const current = now();
      if (t > current) this.advance(t - current);
    },
  };
}
