import { DELIVERY_FAILURE_REASONS, type DeliveryFailureReason } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import { agencyRows, LOOKBACK_MS, scopeFilter, scopeIds, withScope, type MetricsContext } from './context.js';
import { sumByAgency } from './rollup-sums.js';
import type { AgencyScope, DeliveryRow, WindowKey } from './types.js';
import { minuteWindow } from './window.js';

const COLUMNS: RollupColumn[] = [
  ...DELIVERY_FAILURE_REASONS.map((r) => `fail_${r}` as RollupColumn),
  'dup_sent',
  'dup_received',
];

/** A package neither delivered nor failed after this long counts as undelivered. */
const UNDELIVERED_AFTER_MS = 15 * 60_000;

const NO_FAILURES = Object.freeze(
  Object.fromEntries(DELIVERY_FAILURE_REASONS.map((r) => [r, 0])) as Record<DeliveryFailureReason, number>,
);

/**
 * Delivery problems per agency: packages to it failed in the window (by reason), still neither delivered nor failed
 * after the grace period (sent within the lookback), and repeats sent or delivered (docs/FIGURES.md).
 */
export function delivery(ctx: MetricsContext, now: number, window: WindowKey, scope?: AgencyScope): DeliveryRow[] {
  const scoped = scopeIds(ctx, scope);
  const sums = sumByAgency(ctx, minuteWindow(now, window), COLUMNS, scoped);
  const pending = new Map<number, number>(
    ctx
      .statement(
        `SELECT recipient, count(*) FROM deliveries INDEXED BY deliveries_pending
         WHERE delivered_at IS NULL AND failed_at IS NULL AND sent_at BETWEEN @from AND @to${scopeFilter('recipient', scoped !== null)}
         GROUP BY recipient`,
      )
      .raw()
      .all(withScope({ from: now - LOOKBACK_MS, to: now - UNDELIVERED_AFTER_MS }, scoped)) as [number, number][],
  );
  return agencyRows(ctx, scope, [sums, pending]).map(({ code, id }) => {
    const at = id === undefined ? -1 : sums.offset(id);
    const undelivered = (id === undefined ? undefined : pending.get(id)) ?? 0;
    // Most agencies had no failure in the window: they share one frozen set of zeros.
    if (at < 0)
      return {
        agencyId: code,
        failed: 0,
        failedByReason: NO_FAILURES,
        undelivered,
        duplicateSends: 0,
        duplicateDeliveries: 0,
      };
    const failedByReason: Record<DeliveryFailureReason, number> = { ...NO_FAILURES };
    let failed = 0;
    DELIVERY_FAILURE_REASONS.forEach((r, i) => {
      failedByReason[r] = sums.sums[at + i]!;
      failed += failedByReason[r];
    });
    return {
      agencyId: code,
      failed,
      failedByReason,
      undelivered,
      duplicateSends: sums.sums[at + DELIVERY_FAILURE_REASONS.length]!,
      duplicateDeliveries: sums.sums[at + DELIVERY_FAILURE_REASONS.length + 1]!,
    };
  });
}
