import type { Cache } from '../store/index.js';
import { agencies, securityServers } from './registry.js';
import { recentEvents, rejections, streamInfo } from './activity.js';
import { createContext, DEFAULT_METRICS_OPTIONS, type MetricsOptions } from './context.js';
import { deadlines, overdueDocuments } from './deadlines.js';
import { documentRecord } from './document.js';
import { delivery } from './delivery.js';
import { feedback } from './feedback.js';
import { serverHistory, servers } from './servers.js';
import { signatures } from './signatures.js';
import { statusReports } from './status-reports.js';
import { throughput } from './throughput.js';
import { totals } from './totals.js';
import type { Metrics } from './types.js';

/**
 * The numbers operators watch, read from a cache (writable or read-only). Every method reads
 * rollups, derived tables or indexes; none scans raw events.
 */
export function createMetrics(cache: Pick<Cache, 'db' | 'agencyIds'>, options: Partial<MetricsOptions> = {}): Metrics {
  const ctx = createContext(cache.db, cache.agencyIds, { ...DEFAULT_METRICS_OPTIONS, ...options });
  return {
    stream: () => streamInfo(ctx),
    agencies: () => agencies(ctx),
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
    throughputOver: (now, windowMs, scope) => throughput(ctx, now, windowMs, scope),
    statusReportsOver: (now, windowMs, scope) => statusReports(ctx, now, windowMs, scope),
  };
}
