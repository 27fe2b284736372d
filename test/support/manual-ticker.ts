/** A console ticker that ticks when told to; a full refresh unless told otherwise. */
import type { TickKind, Ticker } from '../../src/ui/hooks/ticker.js';

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
