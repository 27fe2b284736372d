import type Database from 'better-sqlite3';
import type { AgencyIds } from '../store/agency-ids.js';
import type { Agency } from '../protocol/index.js';
import type { AgencyScope } from './types.js';

/** Tunables of the numbers; defaults suit the hub's rules and can be set per console. */
export interface MetricsOptions {
  /** A delivered document with no status at all after this long counts as without status. */
  readonly withoutStatusAfterMs: number;
  /** A package neither delivered nor failed after this long counts as undelivered. */
  readonly undeliveredAfterMs: number;
  /** How far back those two look (older ones are history, not a live problem). */
  readonly lookbackMs: number;
  /** How long a security server may stay silent before its heartbeat counts as missing. */
  readonly heartbeatTimeoutMs: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = {
  withoutStatusAfterMs: 4 * 3_600_000,
  undeliveredAfterMs: 15 * 60_000,
  lookbackMs: 7 * 86_400_000,
  heartbeatTimeoutMs: 2 * 60_000,
};

/** What every metric reads through: the connection, the id map and the options. */
export interface MetricsContext {
  readonly db: Database.Database;
  readonly ids: AgencyIds;
  readonly options: MetricsOptions;
  /** Prepared once per SQL text. */
  statement(sql: string): Database.Statement;
  /** The registry as listed now, re-read only when the writer has changed it. */
  registry(): RegistrySnapshot;
}

/** The listed agencies and servers, cached between registry changes. */
export interface RegistrySnapshot {
  readonly agencies: readonly Agency[];
  /** Their codes, sorted. */
  readonly codes: readonly string[];
}

export function createContext(db: Database.Database, ids: AgencyIds, options: MetricsOptions): MetricsContext {
  const cache = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  let snapshot: RegistrySnapshot | null = null;
  let version: number | null = null;
  return {
    db,
    ids,
    options,
    statement,
    registry() {
      const now =
        (statement("SELECT n FROM counters WHERE name = 'registry_version'").pluck().get() as number | undefined) ?? 0;
      if (snapshot && version === now) return snapshot;
      const rows = statement(
        `SELECT code, name, level, parent, connection, server FROM agencies
         WHERE listed = 1 AND removed_at IS NULL ORDER BY code`,
      )
        .raw()
        .all() as [string, string, 1 | 2 | 3 | 4, string | null, 'direct' | 'lgsp', string][];
      const agencies = rows.map(([id, name, level, parent, connection, securityServer]) => ({
        id,
        name,
        level,
        parent,
        connection,
        securityServer,
      }));
      snapshot = { agencies, codes: agencies.map((a) => a.id) };
      version = now;
      return snapshot;
    },
  };
}

/** The integer ids of a scope, as JSON for `json_each`; null when unscoped. */
export function scopeIds(ctx: MetricsContext, scope: AgencyScope | undefined): string | null {
  if (!scope?.agencyIds) return null;
  const ids: number[] = [];
  for (const code of scope.agencyIds) {
    const id = ctx.ids.find(code);
    if (id !== undefined) ids.push(id);
  }
  return JSON.stringify(ids);
}

/** SQL filter on an agency column for a scope (bound as `@scope`). */
export const scopeFilter = (column: string, scoped: boolean): string =>
  scoped ? ` AND ${column} IN (SELECT value FROM json_each(@scope))` : '';

/**
 * The agencies a per-agency list holds: the scope's, or every agency in the registry; agencies
 * with data but not (or no longer) listed are added by the caller as it meets them.
 */
export function agencyUniverse(ctx: MetricsContext, scope: AgencyScope | undefined): string[] {
  if (scope?.agencyIds) return [...scope.agencyIds];
  return [...ctx.registry().codes];
}

/** Hours before this are complete in `rollup_hour`. */
export function foldedUntilHour(ctx: MetricsContext): number | null {
  const v = ctx.statement("SELECT value FROM meta WHERE key = 'hours_compacted_until'").pluck().get() as
    string | undefined;
  return v === undefined ? null : Number(v);
}
