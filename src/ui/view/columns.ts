/** Table columns that reflow: at 80 columns the least important step aside, at 200 the flexible ones take the room. */
import type { MessageKey } from '../i18n/translate.js';
import { widthOf, type Align } from '../text/fit.js';

export interface ColumnSpec {
  readonly id: string;
  readonly title: MessageKey;
  /** Narrowest useful width; the title plus a sort mark always fits too. */
  readonly min: number;
  /** Widest it grows to; unbounded when absent and flex is set. */
  readonly max?: number;
  /** Share of the spare width (0 = fixed). */
  readonly flex?: number;
  /** 0 is kept first; higher numbers are dropped first when the terminal is narrow. */
  readonly priority: number;
  readonly align?: Align;
  /** Sorting starts descending (numbers: biggest first). */
  readonly descFirst?: boolean;
}

export type LaidOutColumn<C extends ColumnSpec = ColumnSpec> = Readonly<{ spec: C; title: string; width: number }>;

/** Widest a name column grows: a shortened name fits, and on a wide terminal the figures stay next to it. */
export const NAME_MAX = 44;

/** An agency's or server's name, and an agency's code, as every list of them shows them. */
export const NAME_COLUMN = { id: 'name', title: 'col.name', min: 14, max: NAME_MAX, flex: 3, priority: 0 } as const;
export const ID_COLUMN = { id: 'id', title: 'col.id', min: 13, max: 13, priority: 1 } as const;

export const GAP = 1;

/** The columns that fit in `total` cells and their widths, in the declared order; `title` gives each heading. */
export function layoutColumns<C extends ColumnSpec>(
  specs: readonly C[],
  total: number,
  title: (spec: C) => string,
): LaidOutColumn<C>[] {
  const mins = new Map(specs.map((s) => [s.id, Math.max(s.min, widthOf(title(s)) + 1)]));
  const byPriority = [...specs].sort((a, b) => a.priority - b.priority);
  const kept = new Set<string>();
  let used = 0;
  for (const s of byPriority) {
    const need = (mins.get(s.id) ?? s.min) + (kept.size > 0 ? GAP : 0);
    if (used + need > total) continue;
    kept.add(s.id);
    used += need;
  }
  const chosen = specs.filter((s) => kept.has(s.id));
  const widths = new Map(chosen.map((s) => [s.id, mins.get(s.id) ?? s.min]));
  let spare = total - used;
  // Hand out spare room by flex share, capped at max; repeat while someone can still grow.
  for (let round = 0; round < 4 && spare > 0; round++) {
    const growing = chosen.filter((s) => (s.flex ?? 0) > 0 && (widths.get(s.id) ?? 0) < (s.max ?? Infinity));
    const shares = growing.reduce((sum, s) => sum + (s.flex ?? 0), 0);
    if (shares === 0) break;
    let given = 0;
    for (const s of growing) {
      const w = widths.get(s.id) ?? 0;
      const add = Math.min(Math.floor((spare * (s.flex ?? 0)) / shares), (s.max ?? Infinity) - w);
      widths.set(s.id, w + add);
      given += add;
    }
    if (given === 0) {
      const first = growing[0];
      if (first) widths.set(first.id, (widths.get(first.id) ?? 0) + 1);
      given = 1;
    }
    spare -= given;
  }
  return chosen.map((s) => ({ spec: s, title: title(s), width: widths.get(s.id) ?? s.min }));
}
