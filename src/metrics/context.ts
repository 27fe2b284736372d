import type Database from 'better-sqlite3';
import type { AgencyIds } from '../store/agency-ids.js';
import { idFlags, type AgencyKey, type RollupRows } from './rollup-rows.js';
import type { Tally } from './tally.js';
import type { AgencyScope } from './types.js';

/** How far back the undelivered and without-status counts look (older ones are history, not a live problem). */
export const LOOKBACK_MS = 7 * 86_400_000;

/** What every metric reads through: the connection, the id map and the rollup rows. */
export interface MetricsContext {
  readonly db: Database.Database;
  readonly ids: AgencyIds;
  /** Prepared once per SQL text. */
  statement(sql: string): Database.Statement;
  /** Minute and hour rollups, deadline counts and the registry (see `rollup-rows.ts`). */
  readonly rows: RollupRows;
}

/** The integer ids of a scope, as JSON for `json_each`; null when unscoped. */
export function scopeIds(ctx: MetricsContext, scope: AgencyScope | undefined): string | null {
  if (!scope?.agencyIds) return null;
  return JSON.stringify(scope.agencyIds.map((code) => ctx.ids.find(code)).filter((id) => id !== undefined));
}

/** A scope's ids as flags by id (null when unscoped): a scoped read walks the national rows and keeps the flagged. */
export function scopeFlags(scope: string | null): Uint8Array | null {
  return scope === null ? null : idFlags(JSON.parse(scope) as number[]);
}

/** SQL filter on an agency column for a scope (bound as `@scope`). */
export const scopeFilter = (column: string, scoped: boolean): string =>
  scoped ? ` AND ${column} IN (SELECT value FROM json_each(@scope))` : '';

/** Statement parameters, with `@scope` (`scopeIds`) when scoped. */
export const withScope = (params: Record<string, unknown>, scope: string | null): Record<string, unknown> =>
  scope === null ? params : { ...params, scope };

/** Results keyed by agency id, as agencyRows reads them: a Map, or a Tally. */
type ById = Pick<Tally, 'has' | 'forEach'>;

/**
 * The agencies a per-agency list holds: the scope's (by code), or every agency in the registry (by code) followed by
 * any agency that has data but is not, or no longer, listed; with `scope.withData`, only the agencies with data.
 * `withData` are the id-keyed results the list is built from. The registry's keys are shared between lists (a list of
 * 12,000 agencies is built several times a minute): do not modify them.
 */
export function agencyRows(
  ctx: MetricsContext,
  scope: AgencyScope | undefined,
  withData: readonly ById[],
): readonly AgencyKey[] {
  if (scope?.agencyIds) return [...new Set(scope.agencyIds)].sort().map((code) => ({ code, id: ctx.ids.find(code) }));
  const reg = ctx.rows.registry();
  let extra: Set<number> | undefined;
  for (const data of withData)
    data.forEach((_, id) => {
      if (reg.listed[id] !== 1) (extra ??= new Set()).add(id);
    });
  const listed = scope?.withData ? reg.keys.filter((key) => hasData(key.id, withData)) : reg.keys;
  if (!extra) return listed;
  const extras = [...extra].map((id) => ({ code: ctx.ids.codeOf(id), id })).sort((a, b) => (a.code < b.code ? -1 : 1));
  return listed.concat(extras);
}

function hasData(id: number | undefined, withData: readonly ById[]): boolean {
  if (id === undefined) return false;
  for (let i = 0; i < withData.length; i++) if (withData[i]!.has(id)) return true;
  return false;
}
