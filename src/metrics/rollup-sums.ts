import { ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import { foldedUntilHour, scopeFilter, type MetricsContext } from './context.js';
import { columnOffsets } from './minute-cache.js';
import { Tally } from './tally.js';
import { rangeParts, type MinuteWindow, type RangeParts } from './window.js';

/**
 * Sums rollup columns per agency over a window: minute rows at the edges, hour rows for the
 * whole hours between. Returns each agency's sums in `columns` order, in a tally (no object
 * per agency: a national 24-hour read sums ~10,000 of them). Unscoped, both come from the
 * context's caches (the closed minutes, the folded hours): a live console asks for the whole
 * country several times a minute. Scoped to a few agencies, SQLite reads just their rows.
 */
export function sumByAgency(
  ctx: MetricsContext,
  w: MinuteWindow,
  columns: readonly RollupColumn[],
  scope: string | null,
): Tally {
  const parts = rangeParts(w, foldedUntilHour(ctx));
  if (scope !== null) return scopedSums(ctx, parts, columns, scope);
  // Sized for every agency the cache knows: a national read reaches most of them.
  const out = new Tally(columns.length, ctx.ids.maxId() + 1);
  const add = (agency: number, values: ArrayLike<number>, base: number, at: readonly number[]): void => {
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
      const rows = ctx.minutes.older(columns, a, from - 1);
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
  const ids = hours.ids;
  for (let i = 0; i < ids.length; i++) add(ids[i]!, hours.sums, ids[i]! * hours.width, inTally);
  return out;
}

/** The same for the agencies of a scope, read by SQLite. */
function scopedSums(ctx: MetricsContext, parts: RangeParts, columns: readonly RollupColumn[], scope: string): Tally {
  const cols = columns.join(', ');
  const filter = scopeFilter('agency', true);
  const sql = `SELECT agency, ${columns.map((c) => `sum(${c})`).join(', ')} FROM (
      SELECT agency, ${cols} FROM rollup_minute WHERE minute BETWEEN @m1 AND @m2${filter}
      UNION ALL SELECT agency, ${cols} FROM rollup_hour WHERE hour BETWEEN @h1 AND @h2${filter}
      UNION ALL SELECT agency, ${cols} FROM rollup_minute WHERE minute BETWEEN @m3 AND @m4${filter}
    ) GROUP BY agency`;
  const rows = ctx.statement(sql).raw().all({
    m1: parts.minutesBefore[0],
    m2: parts.minutesBefore[1],
    h1: parts.hours[0],
    h2: parts.hours[1],
    m3: parts.minutesAfter[0],
    m4: parts.minutesAfter[1],
    scope,
  }) as number[][];
  const out = new Tally(columns.length, 64);
  // Indexed: an unoptimised for…of allocates per element.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const o = out.slot(row[0]!);
    for (let c = 0; c < columns.length; c++) out.sums[o + c] = row[c + 1]!;
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
