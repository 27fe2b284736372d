/** What paces the console's refreshes: a timer in production, a hand-cranked one in tests. */

export interface Ticker {
  /** Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A few refreshes per second, whatever the event rate: the screen never redraws for each event. */
export const DEFAULT_REFRESH_MS = 250;

export function intervalTicker(ms: number = DEFAULT_REFRESH_MS): Ticker {
  return {
    subscribe(listener) {
      const timer = setInterval(listener, ms);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}

/** A ticker that ticks when told to. */
export function manualTicker(): Ticker & { tick(): void } {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick() {
      for (const l of [...listeners]) l();
    },
  };
}
