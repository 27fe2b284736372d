/** Rollup columns summed per agency over a window: minute rows at its edges, folded hours' packs between. */
import { columnEnd, firstColumn, foldedUntil } from '../store/hour-packs.js';
import { COL, ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import { scopeFilter, scopeFlags, withScope, type MetricsContext } from './context.js';
import type { HourPack, MinuteRows } from './rollup-rows.js';
import { Tally } from './tally.js';
import { rangeParts, type MinuteWindow, type RangeParts } from './window.js';

const WIDTH = ROLLUP_COLUMNS.length;

/**
 * The longest stretch of minutes read as rows at either edge of a window (up to an hour, or two before the writer folds
 * them); anything longer (a young cache with no hours folded yet) is summed by SQLite before it.
 */
const SPAN_MINUTES = 180;

/** Adds `values[base + at[c]]` for each column c to an agency's sums, and to sparkline bucket `bucket`. */
type AddRow = (agency: number, values: ArrayLike<number>, base: number, at: readonly number[], bucket: number) => void;

/**
 * Hands `add` every agency's row of the minutes at a window's edges: rows of the last SPAN_MINUTES of each, sums from
 * SQLite before them; scoped, the scope's agencies alone (`want`: its flags by id). With `spark`, each with its bucket
 * of the `n` the window `w` is cut in: minute m is in bucket ⌊(m − start)·n / W⌋.
 */
export function walkMinutes(
  ctx: MetricsContext,
  parts: RangeParts,
  columns: readonly RollupColumn[],
  scope: string | null,
  want: Uint8Array | null,
  spark: { readonly w: MinuteWindow; readonly n: number } | null,
  add: AddRow,
  whole?: (minute: MinuteRows) => void,
): void {
  const at = columns.map((c) => ROLLUP_COLUMNS.indexOf(c));
  const inRow = columns.map((_, i) => i + 1);
  const older = `SELECT agency, ${columns.map((c) => `sum(${c})`).join(', ')}
    ${spark ? ', CAST((minute - @start) * @n / @total AS INTEGER) AS b' : ''} FROM rollup_minute
    WHERE minute BETWEEN @m1 AND @m2${scopeFilter('agency', scope !== null)} GROUP BY agency${spark ? ', b' : ''}`;
  for (const [a, b] of [parts.minutesBefore, parts.minutesAfter]) {
    if (a > b) continue;
    const from = Math.max(a, b - SPAN_MINUTES + 1);
    if (from > a) {
      const range = { m1: a, m2: from - 1 };
      const params = spark ? { ...range, start: spark.w.startMin, n: spark.n, total: spark.w.minutes } : range;
      const rows = ctx.statement(older).raw().all(withScope(params, scope)) as number[][];
      for (let i = 0; i < rows.length; i++) add(rows[i]![0]!, rows[i]!, 0, inRow, rows[i]![columns.length + 1] ?? 0);
    }
    const minutes = ctx.rows.minutes(from, b);
    for (let k = 0; k < minutes.length; k++) {
      if (whole) {
        whole(minutes[k]!);
        continue;
      }
      const { agencies, counts } = minutes[k]!;
      const bucket = spark ? Math.floor(((from + k - spark.w.startMin) * spark.n) / spark.w.minutes) : 0;
      // Scoped, the national minute rows are walked and the scope's kept.
      for (let r = 0; r < agencies.length; r++)
        if (want === null || want[agencies[r]!] === 1) add(agencies[r]!, counts, r * WIDTH, at, bucket);
    }
  }
}

/**
 * Each agency's sums of `columns` over a window, in that order, in a tally (no object per agency: a national 24-hour
 * read sums ~10,000 of them). Scoped (a province's few hundred units, one agency), the same rows are walked and the
 * scope's kept: SQLite has no index by agency on the rollups.
 */
export function sumByAgency(
  ctx: MetricsContext,
  w: MinuteWindow,
  columns: readonly RollupColumn[],
  scope: string | null,
): Tally {
  // Sized for every agency the cache knows: a national read reaches most of them.
  const out = new Tally(columns.length, scope === null ? ctx.ids.maxId() + 1 : 64);
  walkWindow(ctx, w, columns, scope, (agency, values, base, at) => {
    const o = out.slot(agency);
    // Read after `slot`, which may have grown the tally onto a new array.
    const sums = out.sums;
    for (let c = 0; c < at.length; c++) sums[o + c] = sums[o + c]! + values[base + at[c]!]!;
  });
  return out;
}

/**
 * Hands `add` every row of `columns` over a window (of the scope's agencies when scoped): the minute rows at its edges,
 * then each agency's sum of the folded hours between.
 */
export function walkWindow(
  ctx: MetricsContext,
  w: MinuteWindow,
  columns: readonly RollupColumn[],
  scope: string | null,
  add: (agency: number, values: ArrayLike<number>, base: number, at: readonly number[]) => void,
  /** Unscoped, each minute's rows whole instead of row by row. */
  whole?: (minute: MinuteRows) => void,
): void {
  const parts = rangeParts(w, foldedUntil(ctx.db));
  const want = scopeFlags(scope);
  walkMinutes(ctx, parts, columns, scope, want, null, add, want === null ? whole : undefined);
  if (parts.hours[0] > parts.hours[1]) return;
  const hours = ctx.rows.hoursSummed(`sums ${columns.join(',')}`, parts.hours[0], parts.hours[1], (packs) =>
    hourSums(packs, columns),
  );
  const inTally = columns.map((_, i) => i);
  if (want === null) {
    const ids = hours.ids;
    for (let i = 0; i < ids.length; i++) add(ids[i]!, hours.sums, ids[i]! * hours.width, inTally);
  } else {
    // Scoped, only the scope's agencies are looked up, each once.
    for (let id = 0; id < want.length; id++)
      if (want[id] === 1 && hours.has(id)) add(id, hours.sums, id * hours.width, inTally);
  }
}

/** Oldest minute the rollups reach back to, or null when they hold nothing. */
export function oldestRollupMinute(ctx: Pick<MetricsContext, 'statement'>): number | null {
  const sql = `SELECT min(coalesce(m, h), coalesce(h, m)) FROM
    (SELECT (SELECT min(minute) FROM rollup_minute) m, (SELECT min(hour) * 60 FROM rollup_hour) h)`;
  return ctx.statement(sql).pluck().get() as number | null;
}

/** Per agency, the sums of `columns` (in that order) over the packs. */
export function hourSums(packs: readonly HourPack[], columns: readonly RollupColumn[]): Tally {
  // Each rollup column's place among `columns`, or −1 for one not asked for.
  const slotOf = new Int32Array(ROLLUP_COLUMNS.length).fill(-1);
  columns.forEach((c, k) => (slotOf[ROLLUP_COLUMNS.indexOf(c)] = k));
  const out = new Tally(columns.length);
  for (const { words } of packs) {
    // Every agency of the hour has data, whichever columns its counts are in.
    const start = firstColumn(words);
    for (let j = 1; j < start; j++) out.slot(words[j]!);
    for (let i = start; i < words.length; i = columnEnd(words, i)) {
      const k = slotOf[words[i]!] ?? -1;
      if (k < 0) continue;
      const end = columnEnd(words, i);
      for (let j = i + 2; j < end; j += 2) {
        const at = out.slot(words[j]!) + k;
        out.sums[at] = out.sums[at]! + words[j + 1]!;
      }
    }
  }
  return out;
}

/** Each folded hour's sent and received, for the sparklines: every agency of the hour (ids ascending), zeros too. */
export function hourTraffic(packs: readonly HourPack[]) {
  return packs.map(({ hour, words }) => {
    const start = firstColumn(words);
    const agencies = words.slice(1, start);
    const sent = new Float64Array(agencies.length);
    const received = new Float64Array(agencies.length);
    for (let i = start; i < words.length; i = columnEnd(words, i)) {
      const into = words[i] === COL.sent ? sent : words[i] === COL.received ? received : null;
      if (into === null) continue;
      // A column's agencies ascend, as the hour's do: each found by walking on.
      const end = columnEnd(words, i);
      for (let j = i + 2, r = 0; j < end; j += 2) {
        while (r < agencies.length && agencies[r]! < words[j]!) r++;
        if (agencies[r] === words[j]) into[r] = words[j + 1]!;
      }
    }
    return { hour, agencies, sent, received };
  });
}
