import type Database from 'better-sqlite3';
import type { AgencyIds } from '../store/agency-ids.js';
import type { Agency } from '../protocol/index.js';
import { DeadlineCounts } from './deadline-counts.js';
import { DeadlinesAhead } from './deadlines-ahead.js';
import { HourCache } from './hour-cache.js';
import { MinuteCache } from './minute-cache.js';
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
  /** Folded hour rollups, read once and re-read only when they change. */
  readonly hours: HourCache;
  /** Minute rollups of the last two hours: closed minutes read once, re-read only when they change. */
  readonly minutes: MinuteCache;
  /** Deadline counts per recipient, re-reading only the rows written since the last read. */
  readonly deadlineCounts: DeadlineCounts;
  /** Open deadlines not yet due per recipient, moved along with the clock and the writes. */
  readonly deadlinesAhead: DeadlinesAhead;
}

/** The listed agencies and servers, cached between registry changes. */
export interface RegistrySnapshot {
  readonly agencies: readonly Agency[];
  /** Their codes, sorted. */
  readonly codes: readonly string[];
  /** Their integer ids, in the same order (undefined for one not in the id map yet). */
  readonly ids: readonly (number | undefined)[];
  /**
   * 1 at each listed agency's id: a national list asks it of ~12,000 ids (a Set lookup each
   * cost a tenth of the list).
   */
  readonly listed: Uint8Array;
  /** One key per listed agency, in code order: the rows of every unscoped per-agency list. */
  readonly keys: readonly AgencyKey[];
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
    hours: new HourCache(db),
    minutes: new MinuteCache(db),
    deadlineCounts: new DeadlineCounts(db),
    deadlinesAhead: new DeadlinesAhead(db),
    registry() {
      const now =
        (statement("SELECT n FROM counters WHERE name = 'registry_version'").pluck().get() as number | undefined) ?? 0;
      if (snapshot && version === now) return snapshot;
      // As one JSON text read in the table's order, sorted here: for 12,000 agencies, cheaper
      // than a row each through the code index, and the first read is on the first frame.
      const agencies = JSON.parse(
        statement(
          `SELECT coalesce(json_group_array(json_object('id', code, 'name', name, 'level', level, 'parent', parent,
             'connection', connection, 'securityServer', server)), '[]')
           FROM agencies WHERE listed = 1 AND removed_at IS NULL`,
        )
          .pluck()
          .get() as string,
      ) as Agency[];
      agencies.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const codes = agencies.map((a) => a.id);
      const idList = codes.map((c) => ids.find(c));
      snapshot = {
        agencies,
        codes,
        ids: idList,
        listed: idFlags(idList),
        keys: codes.map((code, i) => ({ code, id: idList[i] })),
      };
      version = now;
      return snapshot;
    },
  };
}

/** Flags by agency id, 1 at each of `ids` (an undefined one skipped). */
function idFlags(ids: readonly (number | undefined)[]): Uint8Array {
  let max = -1;
  for (const id of ids) if (id !== undefined && id > max) max = id;
  const flags = new Uint8Array(max + 1);
  for (const id of ids) if (id !== undefined) flags[id] = 1;
  return flags;
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

/**
 * A scope's ids (as `scopeIds` gives them) as flags by id, 1 for each in it; null when
 * unscoped. A scoped read walks the national rows kept in the process and keeps the flagged.
 */
export function scopeFlags(scope: string | null): Uint8Array | null {
  return scope === null ? null : idFlags(JSON.parse(scope) as number[]);
}

/** SQL filter on an agency column for a scope (bound as `@scope`). */
export const scopeFilter = (column: string, scoped: boolean): string =>
  scoped ? ` AND ${column} IN (SELECT value FROM json_each(@scope))` : '';

/** One line of a per-agency list: the agency's code and, if the cache knows it, its id. */
export interface AgencyKey {
  readonly code: string;
  readonly id: number | undefined;
}

/** Results keyed by agency id, as agencyRows reads them: a Map, or a Tally. */
export interface ById {
  has(id: number): boolean;
  forEach(f: (value: unknown, id: number) => void): void;
}

/**
 * The agencies a per-agency list holds: the scope's (by code), or every agency in the registry
 * (by code) followed by any agency that has data but is not, or no longer, listed; with
 * `scope.withData`, only the agencies with data. `withData` are the id-keyed results the list
 * is built from. The registry's keys are shared between
 * lists (a list of 12,000 agencies is built several times a minute): do not modify them.
 */
export function agencyRows(
  ctx: MetricsContext,
  scope: AgencyScope | undefined,
  withData: readonly ById[],
): readonly AgencyKey[] {
  if (scope?.agencyIds) return [...new Set(scope.agencyIds)].sort().map((code) => ({ code, id: ctx.ids.find(code) }));
  const reg = ctx.registry();
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

/** Hours before this are complete in `rollup_hour`. */
export function foldedUntilHour(ctx: MetricsContext): number | null {
  const v = ctx.statement("SELECT value FROM meta WHERE key = 'hours_compacted_until'").pluck().get() as
    string | undefined;
  return v === undefined ? null : Number(v);
}
