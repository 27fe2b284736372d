/** An opaque handle returned by {@link Timers.setTimeout}. */
export type TimerHandle = unknown;

/** The clock and timers the ingest client runs on; tests advance a manual clock instead of waiting. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  // A client waiting to reconnect must not keep a finished CLI process alive.
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
