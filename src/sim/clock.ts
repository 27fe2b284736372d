/** The simulated hub's clock: `realtime` runs `speed` times the wall clock from `start`; `manual` moves when told. */
export type ClockMode = 'realtime' | 'manual';

/** `start`: simulated time at creation; `speed`: simulated ms per wall ms (realtime mode). */
export function createClock(options: { readonly mode: ClockMode; readonly start: number; readonly speed: number }) {
  const wallStart = performance.now();
  /** How far simulated time was moved forward by hand. */
  let offset = 0;
  const realtime = options.mode === 'realtime';
  /** Current simulated time, epoch milliseconds. */
  const now = (): number =>
    offset + (realtime ? Math.floor(options.start + (performance.now() - wallStart) * options.speed) : options.start);
  const advance = (ms: number): void => {
    if (!(ms >= 0)) throw new RangeError(`clock can only move forward, got ${ms} ms`);
    offset += ms;
  };
  // `advanceTo` sets simulated time, never backwards.
  return { mode: options.mode, now, advance, advanceTo: (t: number): void => advance(Math.max(0, t - now())) };
}
