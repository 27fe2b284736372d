/** What paces the console's refreshes: a timer in production, a hand-cranked one in tests. */

/** `header`: only the header's figures (link, lag, age, events/s, alert counts) are read again; `full`: the list too. */
export type TickKind = 'header' | 'full';

/** Calls `listener` at each tick; `subscribe` returns the unsubscribe function. */
export type Ticker = { subscribe(listener: (kind: TickKind) => void): () => void };

/**
 * A full refresh every 2 s, as k9s does, whatever the event rate: the screen never redraws for each event, and a
 * console left open all night costs a frame every 2 s.
 */
export function intervalTicker(): Ticker {
  return {
    subscribe(listener) {
      const timer = setInterval(() => listener('full'), 2000).unref();
      return () => clearInterval(timer);
    },
  };
}
