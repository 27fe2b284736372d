import { DELIVERY_FAILURE_REASONS } from '../protocol/index.js';
import { ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import { deadlineTotals } from './deadlines.js';
import type { MinuteRows } from './rollup-rows.js';
import type { NationalTotals, WindowKey } from './types.js';
import { oldestRollupMinute, walkWindow } from './rollup-sums.js';
import { coveredMinutes, minuteWindow, type MinuteWindow } from './window.js';

const FAILS = DELIVERY_FAILURE_REASONS.map((r) => `fail_${r}` as RollupColumn);
const COLUMNS: RollupColumn[] = ['sent', 'received', 'sig_checked', 'sig_failed', ...FAILS];

/** The whole hub in one row, for the Overview header; an agency is active with any of COLUMNS. */
export function totals(ctx: MetricsContext, now: number, window: WindowKey): NationalTotals {
  const w = minuteWindow(now, window);
  const { sums, agenciesActive } = nationalSums(ctx, w);
  const [sent, received, signaturesVerified, signaturesFailed] = sums as [number, number, number, number];
  const deliveryFailures = sums.slice(4).reduce((n, s) => n + s, 0);
  const agencies = ctx.rows.registry().agencies.length;
  const servers = ctx
    .statement(
      `SELECT count(*), coalesce(sum(state = 'disconnected'), 0), coalesce(sum(state = 'degraded'), 0) FROM servers`,
    )
    .raw()
    .get() as number[];
  const deadlines = deadlineTotals(ctx, now);
  const covered = coveredMinutes(w, oldestRollupMinute(ctx));
  return {
    sent,
    received,
    sentPerMin: sent / covered,
    receivedPerMin: received / covered,
    coveredMinutes: covered,
    agencies,
    agenciesActive,
    servers: servers[0]!,
    serversDown: servers[1]!,
    serversDegraded: servers[2]!,
    signaturesVerified,
    signaturesFailed,
    overdueReplies: deadlines.overdue,
    dueWithin24h: deadlines.dueWithin24h,
    deliveryFailures,
  };
}

/**
 * COLUMNS summed over every agency in the window, and how many agencies had any: the same rows as `sumByAgency` walks,
 * a minute's taken whole from its totals (the Overview reads this on every tick).
 */
function nationalSums(ctx: MetricsContext, w: MinuteWindow): { sums: number[]; agenciesActive: number } {
  const sums = new Array<number>(COLUMNS.length).fill(0);
  let active: Uint8Array = new Uint8Array(ctx.ids.maxId() + 1);
  let agenciesActive = 0;
  const mark = (agency: number): void => {
    if (agency >= active.length) active = grown(active, agency);
    if (active[agency] === 1) return;
    active[agency] = 1;
    agenciesActive++;
  };
  const add = (agency: number, values: ArrayLike<number>, base: number, at: readonly number[]): void => {
    let any = false;
    for (let c = 0; c < at.length; c++) {
      const v = values[base + at[c]!]!;
      if (v === 0) continue;
      sums[c]! += v;
      any = true;
    }
    if (any) mark(agency);
  };
  walkWindow(ctx, w, COLUMNS, null, add, (minute) => {
    const t = minuteTotals(minute);
    for (let c = 0; c < sums.length; c++) sums[c]! += t.sums[c]!;
    for (let i = 0; i < t.active.length; i++) mark(t.active[i]!);
  });
  return { sums, agenciesActive };
}

const AT = COLUMNS.map((c) => ROLLUP_COLUMNS.indexOf(c));
const WIDTH = ROLLUP_COLUMNS.length;
/**
 * A minute's COLUMNS over every agency, and the agencies with any, per minute's rows: the live model hands out the same
 * rows for a minute until it is written again (`live-rollups.ts`), so a tick adds an hour's 60 totals, not its rows.
 */
const totalsOfMinute = new WeakMap<MinuteRows, { readonly sums: readonly number[]; readonly active: Int32Array }>();
function minuteTotals(minute: MinuteRows): { readonly sums: readonly number[]; readonly active: Int32Array } {
  let t = totalsOfMinute.get(minute);
  if (t) return t;
  const { agencies, counts } = minute;
  const sums = new Array<number>(AT.length).fill(0);
  const active: number[] = [];
  for (let r = 0; r < agencies.length; r++) {
    let any = false;
    for (let c = 0; c < AT.length; c++) {
      const v = counts[r * WIDTH + AT[c]!]!;
      if (v === 0) continue;
      sums[c]! += v;
      any = true;
    }
    if (any) active.push(agencies[r]!);
  }
  totalsOfMinute.set(minute, (t = { sums, active: Int32Array.from(active) }));
  return t;
}

const grown = (flags: Uint8Array, id: number): Uint8Array => {
  const next = new Uint8Array(Math.max(id + 1, flags.length * 2));
  next.set(flags);
  return next;
};
