/**
 * The key hints a footer has room for. When not all fit, the most important are kept (by the
 * bindings' hint rank, then table order) and the others step aside, wherever they stand; those
 * kept are shown in table order, so a hint does not move as the terminal narrows.
 */
import { shownKeys, type Binding } from '../keys/bindings.js';
import { widthOf } from '../text/fit.js';

interface FooterHint {
  /** The keys as written: "↓/j", "Enter". */
  readonly keys: string;
  readonly label: string;
}

/** Space after each hint. */
export const HINT_GAP = 2;

const DEFAULT_RANK = 1;

/** `label` gives a hint's label in the current language. */
export function fitHints(bindings: readonly Binding[], width: number, label: (b: Binding) => string): FooterHint[] {
  const hints = bindings.map((b, order) => ({
    keys: shownKeys(b),
    label: label(b),
    rank: b.hintRank ?? DEFAULT_RANK,
    order,
  }));
  const kept = new Set<number>();
  let used = 0;
  for (const h of [...hints].sort((a, b) => a.rank - b.rank || a.order - b.order)) {
    const cost = widthOf(h.keys) + 1 + widthOf(h.label) + HINT_GAP;
    if (used + cost > width) continue;
    kept.add(h.order);
    used += cost;
  }
  return hints.filter((h) => kept.has(h.order)).map(({ keys, label }) => ({ keys, label }));
}
