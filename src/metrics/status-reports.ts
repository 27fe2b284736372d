import { STATUS_CODES } from '../protocol/index.js';
import type { RollupColumn } from '../store/rollup-columns.js';
import { agencyRows, scopeIds, type MetricsContext } from './context.js';
import { sumByAgency } from './rollup-sums.js';
import type { AgencyScope, StatusReportRow } from './types.js';
import { minuteWindow } from './window.js';

const COLUMNS: RollupColumn[] = ['received', ...STATUS_CODES.map((c) => `st_${c}` as RollupColumn)];

/** Documents delivered to each agency and statuses it reported (phản hồi trạng thái), in any window up to `now`. */
export function statusReports(
  ctx: MetricsContext,
  now: number,
  windowMs: number,
  scope?: AgencyScope,
): StatusReportRow[] {
  const sums = sumByAgency(ctx, minuteWindow(now, windowMs), COLUMNS, scopeIds(ctx, scope));
  const values = sums.sums;
  const keys = agencyRows(ctx, scope, [sums]);
  const rows = new Array<StatusReportRow>(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const { code, id } = keys[k]!;
    const at = id === undefined ? -1 : sums.offset(id);
    if (at < 0) {
      rows[k] = { agencyId: code, received: 0, statuses: 0, arrived: 0 };
      continue;
    }
    let statuses = 0;
    for (let i = 1; i < COLUMNS.length; i++) statuses += values[at + i]!;
    // STATUS_CODES starts with 01, "arrived": the one a document system reports by itself.
    rows[k] = { agencyId: code, received: values[at]!, statuses, arrived: values[at + 1]! };
  }
  return rows;
}
