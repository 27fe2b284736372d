/**
 * A `Metrics` answered from rows held in memory. The console's rendering tests and benchmark
 * use it to put exactly known figures on screen without a hub or a cache; it is not a cache.
 */
import { NO_STREAM } from '../../src/metrics/activity.js';
import { WINDOW_MS } from '../../src/metrics/types.js';
import type { Agency, SecurityServer, StatusCode } from '../../src/protocol/index.js';
import type {
  AgencyScope,
  DeadlineRow,
  DeliveryRow,
  DocumentRecord,
  FeedbackRow,
  Metrics,
  NationalTotals,
  OverdueDocument,
  RecentEvent,
  RejectionRow,
  ServerRow,
  ServerTransition,
  SignatureRow,
  StreamInfo,
  ThroughputRow,
} from '../../src/metrics/types.js';

export interface MemoryData {
  stream?: Partial<StreamInfo>;
  agencies: Agency[];
  securityServers?: SecurityServer[];
  throughput?: ThroughputRow[];
  servers?: ServerRow[];
  serverHistory?: ServerTransition[];
  signatures?: SignatureRow[];
  deadlines?: DeadlineRow[];
  overdue?: OverdueDocument[];
  feedback?: FeedbackRow[];
  delivery?: DeliveryRow[];
  events?: (RecentEvent & { agencyId: string })[];
  rejections?: RejectionRow[];
  documents?: DocumentRecord[];
  totals?: Partial<NationalTotals>;
}

const inScope = (scope: AgencyScope | undefined, id: string): boolean =>
  !scope?.agencyIds || scope.agencyIds.includes(id);

const zeroFunnel = (): Record<StatusCode, number> => ({
  '01': 0,
  '02': 0,
  '03': 0,
  '04': 0,
  '05': 0,
  '06': 0,
  '13': 0,
  '15': 0,
  '16': 0,
});

/** Resamples a stored spark to the bucket count asked for, so every caller gets its width. */
function rebucket(spark: readonly number[], buckets: number): number[] {
  if (spark.length === buckets) return [...spark];
  const out = new Array<number>(buckets).fill(0);
  spark.forEach((v, i) => {
    const at = Math.min(buckets - 1, Math.floor((i * buckets) / Math.max(1, spark.length)));
    out[at] = (out[at] ?? 0) + v;
  });
  return out;
}

export function memoryMetrics(data: MemoryData): Metrics & { data: MemoryData } {
  const scopeSet = (scope?: AgencyScope): Set<string> | null => (scope?.agencyIds ? new Set(scope.agencyIds) : null);
  return {
    data,
    stream: () => ({ ...NO_STREAM, hubId: 'hub', epoch: 'e1', ...data.stream }),
    agencies: () => data.agencies,
    securityServers: () => data.securityServers ?? [],
    document: (docId) => (data.documents ?? []).find((d) => d.docId === docId) ?? null,
    totals(_now, window): NationalTotals {
      const t = data.throughput ?? [];
      const servers = data.servers ?? [];
      const sig = data.signatures ?? [];
      const dl = data.deadlines ?? [];
      return {
        sent: t.reduce((s, r) => s + r.sent, 0),
        received: t.reduce((s, r) => s + r.received, 0),
        sentPerMin: t.reduce((s, r) => s + r.sentPerMin, 0),
        receivedPerMin: t.reduce((s, r) => s + r.receivedPerMin, 0),
        coveredMinutes: WINDOW_MS[window] / 60_000,
        agencies: data.agencies.length,
        agenciesActive: t.filter((r) => r.sent + r.received > 0).length,
        servers: servers.length,
        serversDown: servers.filter((s) => s.state === 'disconnected').length,
        serversDegraded: servers.filter((s) => s.state === 'degraded').length,
        signaturesVerified: sig.reduce((s, r) => s + r.verified, 0),
        signaturesFailed: sig.reduce((s, r) => s + r.failed, 0),
        overdueReplies: dl.reduce((s, r) => s + r.overdue, 0),
        dueWithin24h: dl.reduce((s, r) => s + r.dueWithin24h, 0),
        deliveryFailures: (data.delivery ?? []).reduce((s, r) => s + r.failed, 0),
        ...data.totals,
      };
    },
    throughput(_now, _window, scope, buckets = 12) {
      const only = scopeSet(scope);
      return (data.throughput ?? [])
        .filter((r) => !only || only.has(r.agencyId))
        .map((r) => ({ ...r, spark: rebucket(r.spark, buckets) }));
    },
    servers: () => data.servers ?? [],
    serverHistory: (serverId, since, limit = 100) =>
      (data.serverHistory ?? []).filter((h) => h.serverId === serverId && h.at >= since).slice(-limit),
    signatures: (_n, _w, scope) => (data.signatures ?? []).filter((r) => inScope(scope, r.agencyId)),
    deadlines: (_n, scope) => (data.deadlines ?? []).filter((r) => inScope(scope, r.agencyId)),
    overdueDocuments: (_n, scope, limit = 100) =>
      (data.overdue ?? []).filter((d) => inScope(scope, d.recipient)).slice(0, limit),
    feedback: (_n, _w, scope) =>
      (data.feedback ?? [])
        .filter((r) => inScope(scope, r.agencyId))
        .map((r) => ({ ...r, funnel: { ...zeroFunnel(), ...r.funnel } })),
    delivery: (_n, _w, scope) => (data.delivery ?? []).filter((r) => inScope(scope, r.agencyId)),
    recentEvents: (agencyId, limit = 50) => (data.events ?? []).filter((e) => e.agencyId === agencyId).slice(0, limit),
    rejections: (limit = 50) => (data.rejections ?? []).slice(0, limit),
    signaturesOver: (_n, _ms, scope) => (data.signatures ?? []).filter((r) => inScope(scope, r.agencyId)),
    throughputOver: (_n, _ms, scope) => (data.throughput ?? []).filter((r) => inScope(scope, r.agencyId)),
    statusReportsOver: () => [],
  };
}
