import type Database from 'better-sqlite3';
import type { Cache } from '../store/index.js';
import { documentRecord, recentEvents, rejections, streamInfo } from './activity.js';
import type { MetricsContext } from './context.js';
import { deadlines, overdueDocuments } from './deadlines.js';
import { delivery } from './delivery.js';
import { feedback, statusReports } from './feedback.js';
import { LiveRollups } from './live-rollups.js';
import { SqliteRollups, type RollupRows } from './rollup-rows.js';
import { securityServers, serverHistory, servers } from './servers.js';
import { signatures } from './signatures.js';
import { throughput } from './throughput.js';
import { totals } from './totals.js';
import type { Metrics } from './types.js';

/**
 * The numbers operators watch, from a cache (writable or read-only): rollups, derived tables or indexes, never raw
 * events. The rollup rows come from `rows`: by default read afresh at each call (see `liveMetrics`).
 */
export function createMetrics(
  cache: Pick<Cache, 'db' | 'agencyIds'>,
  rows: RollupRows = new SqliteRollups(cache.db, cache.agencyIds),
): Metrics {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = cache.db.prepare(sql)));
    return s;
  };
  const ctx: MetricsContext = { db: cache.db, ids: cache.agencyIds, statement, rows };
  return {
    stream: () => streamInfo(ctx),
    agencies: () => rows.registry().agencies,
    securityServers: () => securityServers(ctx),
    totals: (now, window) => totals(ctx, now, window),
    throughput: (now, window, scope, buckets) => throughput(ctx, now, window, scope, buckets),
    servers: (now, window) => servers(ctx, now, window),
    serverHistory: (serverId, since, limit) => serverHistory(ctx, serverId, since, limit),
    signatures: (now, window, scope) => signatures(ctx, now, window, scope),
    deadlines: (now, scope) => deadlines(ctx, now, scope),
    overdueDocuments: (now, scope, limit) => overdueDocuments(ctx, now, scope, limit),
    feedback: (now, window, scope) => feedback(ctx, now, window, scope),
    delivery: (now, window, scope) => delivery(ctx, now, window, scope),
    recentEvents: (agencyId, limit) => recentEvents(ctx, agencyId, limit),
    rejections: (limit) => rejections(ctx, limit),
    document: (docId) => documentRecord(ctx, docId),
    signaturesOver: (now, windowMs, scope) => signatures(ctx, now, windowMs, scope),
    throughputOver: (now, windowMs, scope) => throughput(ctx, now, windowMs, scope, 0),
    statusReportsOver: (now, windowMs, scope) => statusReports(ctx, now, windowMs, scope),
  };
}

/** Metrics of the process writing `cache` (console, replay): `live-rollups.ts`, told by the writer what changed. */
export function liveMetrics(cache: Pick<Cache, 'db' | 'agencyIds' | 'onWrite'>): Metrics {
  const rows = new LiveRollups(cache.db, cache.agencyIds);
  cache.onWrite((changes) => rows.changed(changes));
  return createMetrics(cache, rows);
}
