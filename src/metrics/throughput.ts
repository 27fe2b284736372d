import { agencyRows, scopeFlags, scopeIds, type MetricsContext } from './context.js';
import { foldedUntil } from '../store/hour-packs.js';
import { hourTraffic, oldestRollupMinute, sumByAgency, walkMinutes } from './rollup-sums.js';
import type { AgencyScope, ThroughputRow, WindowKey } from './types.js';
import { Tally } from './tally.js';
import { coveredMinutes, minuteWindow, rangeParts, WEEK_MINUTES, type MinuteWindow } from './window.js';

/** Sparkline buckets when the caller does not say: one per minute up to an hour's half-minutes. */
const DEFAULT_SPARK_BUCKETS: Record<WindowKey, number> = { '5m': 5, '1h': 30, '24h': 24 };

/**
 * Sent and received per agency over the window, per minute, against the same window a week earlier, with a sparkline.
 * Hour rows (whole hours of a long window) are spread over the buckets they overlap in proportion, so a bucket narrower
 * than an hour shows the hour's rate. With `buckets` 0, no sparkline (each row's `spark` is empty): the sums alone.
 */
export function throughput(
  ctx: MetricsContext,
  now: number,
  window: WindowKey | number,
  scope?: AgencyScope,
  buckets?: number,
): ThroughputRow[] {
  const w = minuteWindow(now, window);
  const asked = buckets ?? (typeof window === 'number' ? Math.min(30, w.minutes) : DEFAULT_SPARK_BUCKETS[window]);
  // No sparkline asked for: 0 buckets.
  const n = asked === 0 ? 0 : Math.max(1, Math.floor(asked));
  const scoped = scopeIds(ctx, scope);
  // Per agency: sent, received, then the sparkline's n buckets.
  const acc: Tally = n === 0 ? sumByAgency(ctx, w, ['sent', 'received'], scoped) : sparkSums(ctx, w, n, scoped);
  const weekAgo = minuteWindow(now, window, WEEK_MINUTES);
  const oldest = oldestRollupMinute(ctx);
  const covered = coveredMinutes(w, oldest);
  const reaches = oldest !== null && oldest <= weekAgo.startMin;
  const before = reaches ? sumByAgency(ctx, weekAgo, ['sent', 'received'], scoped) : new Tally(2, 0);

  const rows: ThroughputRow[] = [];
  // Agencies with no traffic in the window share one empty sparkline.
  const flat: readonly number[] = Object.freeze(new Array<number>(n).fill(0));
  const keys = agencyRows(ctx, scope, [acc, before]);
  // Indexed: see agency-model's buildAgencyModels.
  for (let i = 0; i < keys.length; i++) {
    const { code, id } = keys[i]!;
    const a = id === undefined ? -1 : acc.offset(id);
    const b = id === undefined ? -1 : before.offset(id);
    const sent = a < 0 ? 0 : acc.sums[a]!;
    const received = a < 0 ? 0 : acc.sums[a + 1]!;
    rows.push({
      agencyId: code,
      sent,
      received,
      sentPerMin: sent / covered,
      receivedPerMin: received / covered,
      sentWeekAgo: reaches ? (b < 0 ? 0 : before.sums[b]!) : null,
      receivedWeekAgo: reaches ? (b < 0 ? 0 : before.sums[b + 1]!) : null,
      spark: a >= 0 && n > 0 ? acc.slice(id!, 2, n) : flat,
    });
  }
  return rows;
}

/** Per agency: sent, received, then `n` buckets: edge minutes as rows, whole hours spread over their buckets. */
function sparkSums(ctx: MetricsContext, w: MinuteWindow, n: number, scoped: string | null): Tally {
  const acc = new Tally(2 + n, scoped === null ? ctx.ids.maxId() + 1 : 64);
  /** Adds an hour's sent and received to an agency, its sparkline share by `spread` (see hourSpread). */
  const addHour = (agency: number, sent: number, received: number, spread: readonly number[]): void => {
    const at = acc.slot(agency);
    // Read after `slot`, which may have grown the tally onto a new array.
    const sums = acc.sums;
    sums[at] = sums[at]! + sent;
    sums[at + 1] = sums[at + 1]! + received;
    const perMinute = (sent + received) / 60;
    for (let j = 0; j < spread.length; j += 2) {
      const k = at + 2 + spread[j]!;
      sums[k] = sums[k]! + spread[j + 1]! * perMinute;
    }
  };
  const parts = rangeParts(w, foldedUntil(ctx.db));
  const want = scopeFlags(scoped);
  walkMinutes(ctx, parts, ['sent', 'received'], scoped, want, { w, n }, (agency, values, base, at, bucket) => {
    const o = acc.slot(agency);
    const sums = acc.sums;
    const s = values[base + at[0]!]!;
    const r = values[base + at[1]!]!;
    sums[o] = sums[o]! + s;
    sums[o + 1] = sums[o + 1]! + r;
    sums[o + 2 + bucket] = sums[o + 2 + bucket]! + s + r;
  });
  if (parts.hours[0] <= parts.hours[1]) {
    for (const { hour, agencies, sent, received } of ctx.rows.hoursSummed(
      'traffic',
      parts.hours[0],
      parts.hours[1],
      hourTraffic,
    )) {
      // The same buckets for every agency of the hour, worked out once.
      const spread = hourSpread(n, w, hour * 60);
      for (let i = 0; i < agencies.length; i++)
        if (want === null || want[agencies[i]!] === 1) addHour(agencies[i]!, sent[i]!, received[i]!, spread);
    }
  }
  return acc;
}

/** The buckets an hour's minutes fall in, as (bucket, minutes) pairs: minute m is in bucket ⌊(m − start)·n / W⌋. */
export function hourSpread(n: number, w: MinuteWindow, firstMinute: number): number[] {
  const out: number[] = [];
  const W = w.minutes;
  const from = Math.max(firstMinute, w.startMin);
  const to = Math.min(firstMinute + 60, w.endMin + 1);
  if (from >= to) return out;
  for (let b = Math.floor(((from - w.startMin) * n) / W); b < n; b++) {
    // Minutes of bucket b: from start + ⌈b·W/n⌉ up to (not including) start + ⌈(b+1)·W/n⌉.
    const lo = Math.max(from, w.startMin + Math.ceil((b * W) / n));
    const hi = Math.min(to, w.startMin + Math.ceil(((b + 1) * W) / n));
    if (lo >= to) break;
    if (hi > lo) out.push(b, hi - lo);
  }
  return out;
}
