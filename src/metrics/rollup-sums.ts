import type { RollupColumn } from '../store/rollup-columns.js';
import { foldedUntilHour, scopeFilter, type MetricsContext } from './context.js';
import { rangeParts, type MinuteWindow } from './window.js';

/**
 * Sums rollup columns per agency over a window: minute rows at the edges, hour rows for the
 * whole hours between. Returns agency id → sums in `columns` order. Unscoped, the hours' sums
 * come from the context's hour cache (a 24-hour window is ~22 hours of every agency); scoped to
 * a few agencies, SQLite reads just their rows.
 */
export function sumByAgency(
  ctx: MetricsContext,
  w: MinuteWindow,
  columns: readonly RollupColumn[],
  scope: string | null,
): Map<number, number[]> {
  const parts = rangeParts(w, foldedUntilHour(ctx));
  const cols = columns.join(', ');
  const filter = scopeFilter('agency', scope !== null);
  const cached = scope === null && parts.hours[0] <= parts.hours[1];
  const hourPart = cached
    ? ''
    : `UNION ALL SELECT agency, ${cols} FROM rollup_hour WHERE hour BETWEEN @h1 AND @h2${filter}`;
  const sql = `SELECT agency, ${columns.map((c) => `sum(${c})`).join(', ')} FROM (
      SELECT agency, ${cols} FROM rollup_minute WHERE minute BETWEEN @m1 AND @m2${filter}
      ${hourPart}
      UNION ALL SELECT agency, ${cols} FROM rollup_minute WHERE minute BETWEEN @m3 AND @m4${filter}
    ) GROUP BY agency`;
  const params: Record<string, unknown> = {
    m1: parts.minutesBefore[0],
    m2: parts.minutesBefore[1],
    m3: parts.minutesAfter[0],
    m4: parts.minutesAfter[1],
  };
  if (!cached) {
    params.h1 = parts.hours[0];
    params.h2 = parts.hours[1];
  }
  if (scope !== null) params.scope = scope;
  const out = new Map<number, number[]>();
  const rows = ctx.statement(sql).raw().all(params) as number[][];
  // Indexed, for the same reason as the forEach below.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out.set(row[0]!, row.slice(1));
  }
  if (!cached) return out;
  // forEach, not for…of: a minute's worth of calls is too few for V8 to optimise this, and an
  // unoptimised for…of allocates per entry.
  ctx.hours.sums(parts.hours[0], parts.hours[1], columns).forEach((hours, agency) => {
    const sums = out.get(agency);
    if (!sums) out.set(agency, hours.slice());
    else for (let j = 0; j < sums.length; j++) sums[j] = sums[j]! + hours[j]!;
  });
  return out;
}

/** Oldest minute the rollups reach back to, or null when they hold nothing. */
export function oldestRollupMinute(ctx: MetricsContext): number | null {
  const m = ctx.statement('SELECT min(minute) FROM rollup_minute').pluck().get() as number | null;
  const h = ctx.statement('SELECT min(hour) FROM rollup_hour').pluck().get() as number | null;
  if (m === null) return h === null ? null : h * 60;
  return h === null ? m : Math.min(m, h * 60);
}
