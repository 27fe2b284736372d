/**
 * One agency's figures as the lists show them: its own, and rolled up over the units under it.
 * Built from the `Metrics` surface for one window; pure apart from the reads.
 */
import type { ConnectionKind, ServerState } from '../../protocol/index.js';
import type { Metrics, WindowKey } from '../../metrics/types.js';
import {
  judgeOverdue,
  judgeServer,
  judgeSignatureFailure,
  judgeThroughputDrop,
  throughputDrop,
  worst,
  type Level,
} from '../status/judge.js';
import { sanitize } from '../text/sanitize.js';
import { childrenIndex, rollUpTree } from './roll-up.js';

/** Additive figures of one agency (or of a subtree). */
export interface AgencyFigures {
  sent: number;
  received: number;
  sentPerMin: number;
  receivedPerMin: number;
  /** Sent+received a week earlier; null when the cache does not reach back. */
  weekAgo: number | null;
  spark: number[];
  sigVerified: number;
  sigFailed: number;
  overdue: number;
  dueWithin24h: number;
  oldestOverdueMs: number | null;
  /** Agencies in the subtree whose security server is disconnected. */
  serverDown: number;
}

export interface AgencyModel {
  readonly id: string;
  readonly name: string;
  readonly level: number;
  readonly parent: string | null;
  readonly connection: ConnectionKind;
  /** Raw id, for lookups; sanitise before display. */
  readonly serverId: string;
  readonly serverState: ServerState | 'unknown';
  readonly serverSince: number | null;
  readonly childCount: number;
  /** Its own traffic, and its own plus everything under it. */
  readonly own: AgencyFigures;
  readonly total: AgencyFigures;
  readonly sigRate: number | null;
  readonly drop: number | null;
  readonly status: {
    readonly server: Level;
    readonly signature: Level;
    readonly overdue: Level;
    readonly drop: Level;
    readonly overall: Level;
  };
}

/** Buckets of the sparkline in the lists. */
export const LIST_SPARK_BUCKETS = 12;

const emptyFigures = (buckets: number): AgencyFigures => ({
  sent: 0,
  received: 0,
  sentPerMin: 0,
  receivedPerMin: 0,
  weekAgo: null,
  spark: new Array<number>(buckets).fill(0),
  sigVerified: 0,
  sigFailed: 0,
  overdue: 0,
  dueWithin24h: 0,
  oldestOverdueMs: null,
  serverDown: 0,
});

const cloneFigures = (f: AgencyFigures): AgencyFigures => ({ ...f, spark: [...f.spark] });

function addFigures(into: AgencyFigures, from: AgencyFigures): void {
  into.sent += from.sent;
  into.received += from.received;
  into.sentPerMin += from.sentPerMin;
  into.receivedPerMin += from.receivedPerMin;
  if (from.weekAgo !== null) into.weekAgo = (into.weekAgo ?? 0) + from.weekAgo;
  for (let i = 0; i < into.spark.length; i++) into.spark[i] = (into.spark[i] ?? 0) + (from.spark[i] ?? 0);
  into.sigVerified += from.sigVerified;
  into.sigFailed += from.sigFailed;
  into.overdue += from.overdue;
  into.dueWithin24h += from.dueWithin24h;
  if (from.oldestOverdueMs !== null) into.oldestOverdueMs = Math.max(into.oldestOverdueMs ?? 0, from.oldestOverdueMs);
  into.serverDown += from.serverDown;
}

/** Every agency in the registry with its figures for `window` at `now`. */
export function buildAgencyModels(metrics: Metrics, now: number, window: WindowKey): AgencyModel[] {
  const agencies = metrics.agencies();
  const own = new Map<string, AgencyFigures>();
  for (const a of agencies) own.set(a.id, emptyFigures(LIST_SPARK_BUCKETS));
  for (const t of metrics.throughput(now, window, undefined, LIST_SPARK_BUCKETS)) {
    const f = own.get(t.agencyId);
    if (!f) continue;
    f.sent = t.sent;
    f.received = t.received;
    f.sentPerMin = t.sentPerMin;
    f.receivedPerMin = t.receivedPerMin;
    f.weekAgo =
      t.sentWeekAgo === null && t.receivedWeekAgo === null ? null : (t.sentWeekAgo ?? 0) + (t.receivedWeekAgo ?? 0);
    for (let i = 0; i < LIST_SPARK_BUCKETS; i++) f.spark[i] = t.spark[i] ?? 0;
  }
  for (const s of metrics.signatures(now, window)) {
    const f = own.get(s.agencyId);
    if (!f) continue;
    f.sigVerified = s.verified;
    f.sigFailed = s.failed;
  }
  for (const d of metrics.deadlines(now)) {
    const f = own.get(d.agencyId);
    if (!f) continue;
    f.overdue = d.overdue;
    f.dueWithin24h = d.dueWithin24h;
    f.oldestOverdueMs = d.oldestOverdueMs;
  }
  const servers = new Map(metrics.servers(now, window).map((s) => [s.serverId, s]));
  for (const a of agencies) {
    const f = own.get(a.id);
    if (f && servers.get(a.securityServer)?.state === 'disconnected') f.serverDown = 1;
  }

  const zero = emptyFigures(LIST_SPARK_BUCKETS);
  const totals = rollUpTree(agencies, (a) => own.get(a.id) ?? zero, cloneFigures, addFigures);
  const children = childrenIndex(agencies);
  return agencies.map((a) => {
    const mine = own.get(a.id) ?? zero;
    const total = totals.get(a.id) ?? mine;
    const server = servers.get(a.securityServer);
    const serverState = server?.state ?? 'unknown';
    const sigRate = total.sigVerified > 0 ? total.sigFailed / total.sigVerified : null;
    const drop = throughputDrop(total.sent + total.received, total.weekAgo);
    const status = {
      server: total.serverDown > 0 ? 'critical' : judgeServer(serverState),
      signature: judgeSignatureFailure(sigRate, total.sigVerified),
      overdue: judgeOverdue(total.overdue),
      drop: judgeThroughputDrop(drop),
    } as const;
    return {
      id: a.id,
      name: sanitize(a.name),
      level: a.level,
      parent: a.parent,
      connection: a.connection,
      serverId: a.securityServer,
      serverState,
      serverSince: server?.since ?? null,
      childCount: children.get(a.id)?.length ?? 0,
      own: mine,
      total,
      sigRate,
      drop,
      status: { ...status, overall: worst(status.server, status.signature, status.overdue, status.drop) },
    };
  });
}
