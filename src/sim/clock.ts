/** The simulated hub's clock: `realtime` runs `speed` times the wall clock from `start`; `manual` moves when told. */
export type ClockMode = 'realtime' | 'manual';

/** `start`: simulated time at creation; `speed`: simulated ms per wall ms (realtime mode). */
export function createClock(options: { readonly mode: ClockMode; readonly start: number; readonly speed: number }) {
  const wallStart = performance.now();
  let offset = 0;
  let manual = options.start;
  const realtime = options.mode === 'realtime';
  /** Current simulated time, epoch milliseconds. */
  const now = (): number =>
    realtime ? Math.floor(options.start + (performance.now() - wallStart) * options.speed) + offset : manual;
  /** Moves simulated time forward (in realtime mode it shifts the offset). */
  const advance = (ms: number): void => {
    if (!(ms >= 0)) throw new RangeError(`clock can only move forward, got ${ms} ms`);
    if (realtime) offset += ms;
    else manual += ms;
  };
  // `advanceTo` sets simulated time, never backwards.
  return { mode: options.mode, now, advance, advanceTo: (t: number): void => advance(Math.max(0, t - now())) };
}
