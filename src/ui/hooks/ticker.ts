/** What paces the console's refreshes: a timer in production, a hand-cranked one in tests. */

/**
 * `header`: only the header's figures (link, lag, age, events/s, alert counts) are read again;
 * `full`: the list on screen too.
 */
export type TickKind = 'header' | 'full';

export interface Ticker {
  /** Returns the unsubscribe function. */
  subscribe(listener: (kind: TickKind) => void): () => void;
}

/**
 * One refresh every 2 s, as k9s does, whatever the event rate: the screen never redraws for
 * each event, and a console left open all night costs a frame every 2 s.
 */
export const DEFAULT_REFRESH_MS = 2000;
/** Lists (every agency rolled up) are read again every this many ticks; the header on every one. */
export const DEFAULT_FULL_EVERY = 1;

export function intervalTicker(ms: number = DEFAULT_REFRESH_MS, fullEvery: number = DEFAULT_FULL_EVERY): Ticker {
  return {
    subscribe(listener) {
      let n = 0;
      const timer = setInterval(() => listener(++n % fullEvery === 0 ? 'full' : 'header'), ms);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}

/** A ticker that ticks when told to; a full refresh unless told otherwise. */
export function manualTicker(): Ticker & { tick(kind?: TickKind): void } {
  const listeners = new Set<(kind: TickKind) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick(kind: TickKind = 'full') {
      for (const l of [...listeners]) l(kind);
    },
  };
}
