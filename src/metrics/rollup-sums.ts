import { ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import { foldedUntilHour, scopeFlags, type MetricsContext } from './context.js';
import { columnOffsets } from './minute-cache.js';
import { Tally } from './tally.js';
import { rangeParts, type MinuteWindow } from './window.js';

/**
 * Sums rollup columns per agency over a window: minute rows at the edges, hour rows for the
 * whole hours between. Returns each agency's sums in `columns` order, in a tally (no object
 * per agency: a national 24-hour read sums ~10,000 of them). Both come from the context's
 * caches (the closed minutes, the folded hours): a live console asks for the whole country
 * several times a minute. Scoped (a province's few hundred units, one agency), the same rows
 * are walked and the scope's kept: SQLite has no index by agency on the rollups, so reading
 * a scope's rows there scanned a day's ~200,000 hour rows each time.
 */
export function sumByAgency(
  ctx: MetricsContext,
  w: MinuteWindow,
  columns: readonly RollupColumn[],
  scope: string | null,
): Tally {
  const parts = rangeParts(w, foldedUntilHour(ctx));
  const want = scopeFlags(scope);
  // Sized for every agency the cache knows: a national read reaches most of them.
  const out = new Tally(columns.length, want === null ? ctx.ids.maxId() + 1 : 64);
  const add = (agency: number, values: ArrayLike<number>, base: number, at: readonly number[]): void => {
    if (want !== null && want[agency] !== 1) return;
    const o = out.slot(agency);
    // Read after `slot`, which may have grown the tally onto a new array.
    const sums = out.sums;
    for (let c = 0; c < at.length; c++) sums[o + c] = sums[o + c]! + values[base + at[c]!]!;
  };
  const at = columnOffsets(columns);
  const inRow = columns.map((_, i) => i + 1);
  for (const [a, b] of [parts.minutesBefore, parts.minutesAfter]) {
    if (a > b) continue;
    const { from, minutes } = ctx.minutes.minutes(a, b);
    if (from > a) {
      // A stretch longer than the minute cache serves (a young cache): summed by SQLite.
      const rows = ctx.minutes.older(columns, a, from - 1, scope);
      for (let i = 0; i < rows.length; i++) add(rows[i]![0]!, rows[i]!, 0, inRow);
    }
    for (let k = 0; k < minutes.length; k++) {
      const { agencies, counts } = minutes[k]!;
      for (let r = 0; r < agencies.length; r++) add(agencies[r]!, counts, r * ROLLUP_COLUMNS.length, at);
    }
  }
  if (parts.hours[0] > parts.hours[1]) return out;
  const hours = ctx.hours.sums(parts.hours[0], parts.hours[1], columns);
  const inTally = columns.map((_, i) => i);
  if (want === null) {
    const ids = hours.ids;
    for (let i = 0; i < ids.length; i++) add(ids[i]!, hours.sums, ids[i]! * hours.width, inTally);
  } else {
    // Scoped, only the scope's agencies are looked up, each once.
    for (let id = 0; id < want.length; id++)
      if (want[id] === 1 && hours.has(id)) add(id, hours.sums, id * hours.width, inTally);
  }
  return out;
}

/** Oldest minute the rollups reach back to, or null when they hold nothing. */
export function oldestRollupMinute(ctx: MetricsContext): number | null {
  const m = ctx.statement('SELECT min(minute) FROM rollup_minute').pluck().get() as number | null;
  const h = ctx.statement('SELECT min(hour) FROM rollup_hour').pluck().get() as number | null;
  if (m === null) return h === null ? null : h * 60;
  return h === null ? m : Math.min(m, h * 60);
}
