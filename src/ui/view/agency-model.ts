/**
 * One agency's figures as the lists show them: its own, and rolled up over the units under it
 * (`metrics/roll-up-tree.ts`). Plain objects built from the `Metrics` rows for one window.
 */
import { stableAgencies } from '../../metrics/stable-registry.js';
import type { Agency, ConnectionKind, ServerState } from '../../protocol/index.js';
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
import { fullName, shownName } from './shown-name.js';
import { NO_MARKS, type IncidentMarks, type IncidentTag } from './incident-marks.js';
import { keepSame } from './same-data.js';

/** Additive figures of one agency (or of a subtree). */
export interface AgencyFigures {
  readonly sent: number;
  readonly received: number;
  readonly sentPerMin: number;
  readonly receivedPerMin: number;
  /** Sent+received a week earlier; null when the cache does not reach back. */
  readonly weekAgo: number | null;
  readonly spark: readonly number[];
  readonly sigVerified: number;
  readonly sigFailed: number;
  readonly overdue: number;
  readonly dueWithin24h: number;
  /**
   * When the longest-overdue open reply fell due (ms since the epoch); null when nothing is
   * overdue. An instant, not an age, so figures stay the same while only the clock moves.
   */
  readonly oldestOverdueAt: number | null;
  /** Agencies in the subtree whose security server is disconnected. */
  readonly serverDown: number;
}

export interface AgencyModel {
  readonly id: string;
  /** As lists show it, without the words its kind shares (`display-name.ts`). */
  readonly name: string;
  /** As the hub names it, for the detail and describe views and the filter. */
  readonly fullName: string;
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
  /** The acute incidents about it right now, most urgent first. */
  readonly incidents: readonly IncidentTag[];
}

/** Buckets of the sparkline in the lists. */
export const LIST_SPARK_BUCKETS = 12;

const NO_SPARK: readonly number[] = Object.freeze(new Array<number>(LIST_SPARK_BUCKETS).fill(0));

/** The figures of an agency with nothing in the window, shared by all of them. */
const NOTHING: AgencyFigures = Object.freeze({
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
  oldestOverdueAt: null,
  serverDown: 0,
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A subtree's figures: `from` added into `into`. */
function addFigures(into: Mutable<AgencyFigures>, from: AgencyFigures): void {
  into.sent += from.sent;
  into.received += from.received;
  into.sentPerMin += from.sentPerMin;
  into.receivedPerMin += from.receivedPerMin;
  if (from.weekAgo !== null) into.weekAgo = (into.weekAgo ?? 0) + from.weekAgo;
  if (from.spark !== NO_SPARK) into.spark = into.spark.map((v, b) => v + (from.spark[b] ?? 0));
  into.sigVerified += from.sigVerified;
  into.sigFailed += from.sigFailed;
  into.overdue += from.overdue;
  into.dueWithin24h += from.dueWithin24h;
  // The earliest instant, the longest overdue.
  if (from.oldestOverdueAt !== null)
    into.oldestOverdueAt =
      into.oldestOverdueAt === null ? from.oldestOverdueAt : Math.min(into.oldestOverdueAt, from.oldestOverdueAt);
  into.serverDown += from.serverDown;
}

/** Each agency's own figures, from the metrics' rows (agencies without any: `NOTHING`). */
function ownFigures(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  scope: AgencyScope,
  sparks: boolean,
  serverOf: (id: string) => ServerRow | undefined,
  agencies: readonly Agency[],
): AgencyFigures[] {
  const own = new Map<string, Mutable<AgencyFigures>>();
  const of = (id: string): Mutable<AgencyFigures> => {
    let f = own.get(id);
    if (!f) own.set(id, (f = { ...NOTHING }));
    return f;
  };
  for (const t of metrics.throughput(now, window, scope, sparks ? LIST_SPARK_BUCKETS : 0)) {
    if (t.sent === 0 && t.received === 0 && t.sentWeekAgo === null && t.receivedWeekAgo === null) continue;
    const f = of(t.agencyId);
    f.sent = t.sent;
    f.received = t.received;
    f.sentPerMin = t.sentPerMin;
    f.receivedPerMin = t.receivedPerMin;
    if (t.sentWeekAgo !== null || t.receivedWeekAgo !== null)
      f.weekAgo = (t.sentWeekAgo ?? 0) + (t.receivedWeekAgo ?? 0);
    if (t.spark.length > 0)
      f.spark =
        t.spark.length === LIST_SPARK_BUCKETS
          ? t.spark
          : Array.from({ length: LIST_SPARK_BUCKETS }, (_, b) => t.spark[b] ?? 0);
  }
  for (const s of metrics.signatures(now, window, scope)) {
    if (s.verified === 0) continue;
    const f = of(s.agencyId);
    f.sigVerified = s.verified;
    f.sigFailed = s.failed;
  }
  for (const d of metrics.deadlines(now, scope)) {
    if (d.overdue === 0 && d.dueWithin24h === 0) continue;
    const f = of(d.agencyId);
    f.overdue = d.overdue;
    f.dueWithin24h = d.dueWithin24h;
    if (d.oldestOverdueMs !== null) f.oldestOverdueAt = now - d.oldestOverdueMs;
  }
  return agencies.map((a) => {
    const f = own.get(a.id);
    if (serverOf(a.securityServer)?.state !== 'disconnected') return f ?? NOTHING;
    return { ...(f ?? NOTHING), serverDown: 1 };
  });
}

/**
 * Every agency in the registry with its figures for `window` at `now`; or, given `rootId`,
 * that agency and every unit under it, read for them alone (an agency's detail: a province's
 * few hundred units rather than the country's 12,000). A subtree's totals are the same either
 * way, since all that is summed into them is in it. Without `sparks` the sparklines are left
 * flat, not read (a ranking does not draw them).
 *
 * A model equal to one of `previous` (the last build of the same list) is that one: what is
 * drawn from the models downstream sees by identity what has not changed.
 */
export function buildAgencyModels(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  rootId?: string,
  previous?: readonly AgencyModel[],
  marks: IncidentMarks = NO_MARKS,
  sparks = true,
): AgencyModel[] {
  const registry = stableAgencies(metrics);
  const agencies = rootId === undefined ? registry : subtreeOf(registry, rootId);
  if (agencies.length === 0) return [];
  const servers = new Map(metrics.servers(now, window).map((s) => [s.serverId, s]));
  const serverOf = (id: string) => servers.get(id);
  // Nationally, only agencies with figures (at night a 1-hour window has a few hundred).
  const scope: AgencyScope = rootId === undefined ? WITH_DATA : { agencyIds: agencies.map((a) => a.id) };
  const own = ownFigures(metrics, now, window, scope, sparks, serverOf, agencies);
  const { childCount } = agencyTree(agencies);
  // A unit with nothing under it (most of the 12,000) has its own figures as its total.
  const total = rollUpSubtrees(
    agencies,
    (_, i): AgencyFigures => (childCount[i]! > 0 ? { ...own[i]! } : own[i]!),
    addFigures,
  );
  const models = agencies.map((a, i) => toModel(a, childCount[i]!, own[i]!, total[i]!, serverOf, marks));
  return keepSame(previous, models, (m) => m.id) as AgencyModel[];
}

function toModel(
  a: Agency,
  childCount: number,
  own: AgencyFigures,
  total: AgencyFigures,
  serverOf: (id: string) => ServerRow | undefined,
  marks: IncidentMarks,
): AgencyModel {
  const server = serverOf(a.securityServer);
  const serverState = server?.state ?? 'unknown';
  const drop = throughputDrop(total.sent + total.received, total.weekAgo);
  const status = {
    server: total.serverDown > 0 ? 'critical' : judgeServer(serverState),
    signature: judgeSignatureFailure(total.sigFailed, total.sigVerified),
    overdue: judgeOverdue(total.overdue),
    drop: judgeThroughputDrop(drop),
  } as const;
  return {
    id: a.id,
    name: shownName(a),
    fullName: fullName(a),
    level: a.level,
    parent: a.parent,
    connection: a.connection,
    serverId: a.securityServer,
    serverState,
    serverSince: server?.since ?? null,
    childCount,
    own,
    total,
    sigRate: total.sigVerified > 0 ? total.sigFailed / total.sigVerified : null,
    drop,
    status: { ...status, overall: worst(status.server, status.signature, status.overdue, status.drop) },
    incidents: marks.get(a.id) ?? [],
  };
}
