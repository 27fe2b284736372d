/**
 * One agency's figures as the lists show them: its own, and rolled up over the units under it.
 * Built from the `Metrics` surface for one window; pure apart from the reads.
 */
import { stableAgencies } from '../../metrics/stable-registry.js';
import type { ConnectionKind, ServerState } from '../../protocol/index.js';
import { WITH_DATA, type AgencyScope, type Metrics, type ServerRow, type WindowKey } from '../../metrics/types.js';
import {
  judgeOverdue,
  judgeServer,
  judgeSignatureFailure,
  judgeThroughputDrop,
  throughputDrop,
  worst,
  type Level,
} from '../status/judge.js';
import { agencyTree, rollUpSubtrees, subtreeOf } from '../../metrics/roll-up-tree.js';
import { shownName } from './shown-name.js';

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

/**
 * No traffic: one frozen sparkline shared by every figure that has none. Figures are never
 * added into but for the parents' totals, which are copies (`cloneFigures`) with their own.
 */
const NO_SPARK = Object.freeze(new Array<number>(LIST_SPARK_BUCKETS).fill(0)) as number[];

const emptyFigures = (): AgencyFigures => ({
  sent: 0,
  received: 0,
  sentPerMin: 0,
  receivedPerMin: 0,
  weekAgo: null,
  spark: NO_SPARK,
  sigVerified: 0,
  sigFailed: 0,
  overdue: 0,
  dueWithin24h: 0,
  oldestOverdueMs: null,
  serverDown: 0,
});

const cloneFigures = (f: AgencyFigures): AgencyFigures => ({ ...f, spark: f.spark.slice() });

/** The figures of an agency with nothing in the window: one frozen set shared by all of them. */
const NOTHING: AgencyFigures = Object.freeze(emptyFigures());

function addFigures(into: AgencyFigures, from: AgencyFigures): void {
  into.sent += from.sent;
  into.received += from.received;
  into.sentPerMin += from.sentPerMin;
  into.receivedPerMin += from.receivedPerMin;
  if (from.weekAgo !== null) into.weekAgo = (into.weekAgo ?? 0) + from.weekAgo;
  const a = into.spark;
  const b = from.spark;
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] ?? 0);
  into.sigVerified += from.sigVerified;
  into.sigFailed += from.sigFailed;
  into.overdue += from.overdue;
  into.dueWithin24h += from.dueWithin24h;
  if (from.oldestOverdueMs !== null) into.oldestOverdueMs = Math.max(into.oldestOverdueMs ?? 0, from.oldestOverdueMs);
  into.serverDown += from.serverDown;
}

/**
 * Every agency in the registry with its figures for `window` at `now`; or, given `rootId`,
 * that agency and every unit under it, read for them alone (an agency's detail: a province's
 * few hundred units rather than the country's 12,000). A subtree's totals are the same either
 * way, since all that is summed into them is in it. One pass per query result into
 * index-addressed arrays, one roll-up over the tree: linear in the agencies listed.
 */
export function buildAgencyModels(metrics: Metrics, now: number, window: WindowKey, rootId?: string): AgencyModel[] {
  const registry = stableAgencies(metrics);
  const agencies = rootId === undefined ? registry : subtreeOf(registry, rootId);
  if (agencies.length === 0) return [];
  // Nationally, only agencies with figures (at night a 1-hour window has a few hundred).
  const scope: AgencyScope = rootId === undefined ? WITH_DATA : { agencyIds: agencies.map((a) => a.id) };
  const tree = agencyTree(agencies);
  // Figures are made for the agencies that have any (a few thousand of 12,000 in an hour); the
  // others share NOTHING.
  const own = new Array<AgencyFigures | undefined>(agencies.length);
  const ownAt = (agencyId: string): AgencyFigures | undefined => {
    const i = tree.indexOf.get(agencyId);
    if (i === undefined) return undefined;
    return (own[i] ??= emptyFigures());
  };
  // Indexed loops: this runs a few times a minute at most, too seldom for V8 to optimise it,
  // and `for…of` in unoptimised code allocates a result object per element (12,000 here).
  const traffic = metrics.throughput(now, window, scope, LIST_SPARK_BUCKETS);
  for (let k = 0; k < traffic.length; k++) {
    const t = traffic[k]!;
    if (t.sent === 0 && t.received === 0 && t.sentWeekAgo === null && t.receivedWeekAgo === null) continue;
    const f = ownAt(t.agencyId);
    if (!f) continue;
    f.sent = t.sent;
    f.received = t.received;
    f.sentPerMin = t.sentPerMin;
    f.receivedPerMin = t.receivedPerMin;
    f.weekAgo =
      t.sentWeekAgo === null && t.receivedWeekAgo === null ? null : (t.sentWeekAgo ?? 0) + (t.receivedWeekAgo ?? 0);
    // The row's own array (a shared frozen one when it has no traffic): never added into.
    f.spark =
      t.spark.length === LIST_SPARK_BUCKETS
        ? (t.spark as number[])
        : Array.from({ length: LIST_SPARK_BUCKETS }, (_, b) => t.spark[b] ?? 0);
  }
  const signatures = metrics.signatures(now, window, scope);
  for (let k = 0; k < signatures.length; k++) {
    const s = signatures[k]!;
    if (s.verified === 0) continue;
    const f = ownAt(s.agencyId);
    if (!f) continue;
    f.sigVerified = s.verified;
    f.sigFailed = s.failed;
  }
  const deadlines = metrics.deadlines(now, scope);
  for (let k = 0; k < deadlines.length; k++) {
    const d = deadlines[k]!;
    if (d.overdue === 0 && d.dueWithin24h === 0) continue;
    const f = ownAt(d.agencyId);
    if (!f) continue;
    f.overdue = d.overdue;
    f.dueWithin24h = d.dueWithin24h;
    f.oldestOverdueMs = d.oldestOverdueMs;
  }
  const servers = new Map(metrics.servers(now, window).map((s) => [s.serverId, s]));
  // Each agency's server, looked up once for the flag here and the model below.
  const serverOf = new Array<ServerRow | undefined>(agencies.length);
  for (let k = 0; k < agencies.length; k++) {
    const server = (serverOf[k] = servers.get(agencies[k]!.securityServer));
    if (server?.state !== 'disconnected') continue;
    const f = ownAt(agencies[k]!.id);
    if (f) f.serverDown = 1;
  }

  // A unit with nothing under it (most of the 12,000) shares its own figures as its total:
  // only parents' totals are added into, so only they need a copy.
  const totals = rollUpSubtrees(
    agencies,
    (_, i) => (tree.childCount[i] === 0 ? (own[i] ?? NOTHING) : cloneFigures(own[i] ?? NOTHING)),
    addFigures,
  );
  return agencies.map((a, i) => {
    const mine = own[i] ?? NOTHING;
    const total = totals[i] as AgencyFigures;
    const server = serverOf[i];
    const serverState = server?.state ?? 'unknown';
    const sigRate = total.sigVerified > 0 ? total.sigFailed / total.sigVerified : null;
    const drop = throughputDrop(total.sent + total.received, total.weekAgo);
    const server_: Level = total.serverDown > 0 ? 'critical' : judgeServer(serverState);
    const signature = judgeSignatureFailure(sigRate, total.sigVerified);
    const overdue = judgeOverdue(total.overdue);
    const dropLevel = judgeThroughputDrop(drop);
    return {
      id: a.id,
      name: shownName(a),
      level: a.level,
      parent: a.parent,
      connection: a.connection,
      serverId: a.securityServer,
      serverState,
      serverSince: server?.since ?? null,
      childCount: tree.childCount[i] ?? 0,
      own: mine,
      total,
      sigRate,
      drop,
      status: {
        server: server_,
        signature,
        overdue,
        drop: dropLevel,
        overall: worst(server_, signature, overdue, dropLevel),
      },
    };
  });
}
