/** Plain objects implementing the parts of `Metrics` the alert rules read, for hand-computed cases. */
import type { AlertMetrics } from '../../src/alerts/index.js';
import type {
  DeadlineRow,
  DeliveryRow,
  ServerRow,
  SignatureRow,
  ThroughputRow,
  WindowKey,
} from '../../src/metrics/types.js';
import type { Agency } from '../../src/protocol/index.js';

export const agency = (id: string, securityServer = 'MCBM-001'): Agency => ({
  id,
  name: `Agency ${id}`,
  level: 1,
  parent: null,
  connection: 'direct',
  securityServer,
});

export const server = (serverId: string, over: Partial<ServerRow> = {}): ServerRow => ({
  serverId,
  name: `Server ${serverId}`,
  state: 'connected',
  since: null,
  lastHeartbeat: null,
  latencyMs: null,
  downtimeMs: 0,
  drops: 0,
  certificateExpiresAt: null,
  agencyIds: [],
  ...over,
});

export const signatures = (agencyId: string, verified: number, failed: number): SignatureRow => ({
  agencyId,
  verified,
  failed,
  failureRate: verified ? failed / verified : null,
  byReason: {
    missing: 0,
    invalid: failed,
    expired_certificate: 0,
    revoked_certificate: 0,
    untrusted_issuer: 0,
    incomplete_info: 0,
  },
});

export const deadlines = (agencyId: string, overdue: number, oldestOverdueMs: number | null): DeadlineRow => ({
  agencyId,
  open: overdue,
  dueWithin24h: 0,
  overdue,
  oldestOverdueMs,
  answeredOnTime: 0,
  answeredLate: 0,
});

export const throughput = (agencyId: string, sent: number, sentWeekAgo: number | null): ThroughputRow => ({
  agencyId,
  sent,
  received: 0,
  sentPerMin: 0,
  receivedPerMin: 0,
  sentWeekAgo,
  receivedWeekAgo: sentWeekAgo === null ? null : 0,
  spark: [],
});

export const delivery = (
  agencyId: string,
  failed: number,
  undelivered: number,
  reason: 'security_server_unreachable' | 'recipient_unreachable' = 'security_server_unreachable',
): DeliveryRow => ({
  agencyId,
  failed,
  failedByReason: {
    security_server_unreachable: reason === 'security_server_unreachable' ? failed : 0,
    recipient_unreachable: reason === 'recipient_unreachable' ? failed : 0,
    package_rejected: 0,
    timeout: 0,
    attachment_mismatch: 0,
  },
  undelivered,
  duplicateSends: 0,
  duplicateDeliveries: 0,
});

/** What the fake cache currently "holds"; tests mutate it between evaluations. */
export interface FakeData {
  agencies: Agency[];
  servers: ServerRow[];
  signatures: SignatureRow[];
  deadlines: DeadlineRow[];
  /** Throughput per window; `silent` is what `throughputOver` answers. */
  throughput: Partial<Record<WindowKey | 'over', ThroughputRow[]>>;
  delivery: DeliveryRow[];
}

export const emptyData = (): FakeData => ({
  agencies: [],
  servers: [],
  signatures: [],
  deadlines: [],
  throughput: {},
  delivery: [],
});

/** Records which windows were asked for, so tests can check the rule read the right one. */
export function fakeMetrics(data: FakeData): AlertMetrics & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    agencies: () => data.agencies,
    servers: () => data.servers,
    deadlines: () => data.deadlines,
    throughput: (_now, w) => (asked.push(`throughput:${w}`), data.throughput[w] ?? []),
    delivery: (_now, w) => (asked.push(`delivery:${w}`), data.delivery),
    signaturesOver: (_now, ms) => (asked.push(`signaturesOver:${ms}`), data.signatures),
    throughputOver: (_now, ms) => (asked.push(`throughputOver:${ms}`), data.throughput.over ?? []),
    statusReportsOver: () => [],
  };
}
