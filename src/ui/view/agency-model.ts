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
  servers: ReadonlyMap<string, ServerRow>,
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
    if (servers.get(a.securityServer)?.state !== 'disconnected') return f ?? NOTHING;
    return { ...(f ?? NOTHING), serverDown: 1 };
  });
}

/**
 * Every agency in the registry with its figures for `window` at `now`; or, given `rootId`,
 * that agency and every unit under it, read for them alone (an agency's detail: a province's
 * few hundred units rather than the country's 12,000). A subtree's totals are the same either
 * way, since all that is summed into them is in it. `forRanking` leaves the sparklines flat,
 * not read, and leaves out the units with nothing under them, no figures, no incident and
 * their server up (most of the 12,000): a ranking lists none of them.
 *
 * A model equal to the one at its place in `previous` (the last build of the same list) is that
 * one, and an unchanged list is `previous` itself: what is drawn from the models downstream
 * sees by identity what has not changed.
 */
export function buildAgencyModels(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  rootId?: string,
  previous?: readonly AgencyModel[],
  marks: IncidentMarks = NO_MARKS,
  forRanking = false,
): AgencyModel[] {
  const registry = stableAgencies(metrics);
  const agencies = rootId === undefined ? registry : subtreeOf(registry, rootId);
  if (agencies.length === 0) return [];
  const servers = new Map(metrics.servers(now, window).map((s) => [s.serverId, s]));
  // Nationally, only agencies with figures (at night a 1-hour window has a few hundred).
  const scope: AgencyScope = rootId === undefined ? WITH_DATA : { agencyIds: agencies.map((a) => a.id) };
  const own = ownFigures(metrics, now, window, scope, !forRanking, servers, agencies);
  const { childCount } = agencyTree(agencies);
  // A unit with nothing under it (most of the 12,000) has its own figures as its total.
  const total = rollUpSubtrees(
    agencies,
    (_, i): AgencyFigures => (childCount[i]! > 0 ? { ...own[i]! } : own[i]!),
    addFigures,
  );
  const idle = (a: Agency, i: number): boolean =>
    childCount[i] === 0 &&
    own[i] === NOTHING &&
    !marks.has(a.id) &&
    (servers.get(a.securityServer)?.state ?? 'unknown') !== 'degraded';
  const models: AgencyModel[] = [];
  let kept = previous !== undefined;
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i]!;
    if (forRanking && idle(a, i)) continue;
    // The registry's order is the models' order: the previous build's model at the same place.
    const was = previous?.[models.length];
    const server = servers.get(a.securityServer);
    const incidents = marks.get(a.id) ?? NONE;
    if (
      was?.id === a.id &&
      was.serverState === (server?.state ?? 'unknown') &&
      was.serverSince === (server?.since ?? null) &&
      sameFigures(was.own, own[i]!) &&
      sameFigures(was.total, total[i]!) &&
      was.incidents.join() === incidents.join()
    )
      models.push(was);
    else {
      kept = false;
      models.push(toModel(a, childCount[i]!, own[i]!, total[i]!, server, incidents));
    }
  }
  return kept && models.length === previous!.length ? (previous as AgencyModel[]) : models;
}

const NONE: readonly IncidentTag[] = Object.freeze([]);

/** Whether two sets of figures are the same (the shared `NOTHING` and sparklines compare at once). */
function sameFigures(a: AgencyFigures, b: AgencyFigures): boolean {
  if (a === b) return true;
  if (
    a.sent !== b.sent ||
    a.received !== b.received ||
    a.sentPerMin !== b.sentPerMin ||
    a.receivedPerMin !== b.receivedPerMin ||
    a.weekAgo !== b.weekAgo ||
    a.sigVerified !== b.sigVerified ||
    a.sigFailed !== b.sigFailed ||
    a.overdue !== b.overdue ||
    a.dueWithin24h !== b.dueWithin24h ||
    a.oldestOverdueAt !== b.oldestOverdueAt ||
    a.serverDown !== b.serverDown
  )
    return false;
  if (a.spark === b.spark) return true;
  if (a.spark.length !== b.spark.length) return false;
  for (let i = 0; i < a.spark.length; i++) if (a.spark[i] !== b.spark[i]) return false;
  return true;
}

function toModel(
  a: Agency,
  childCount: number,
  own: AgencyFigures,
  total: AgencyFigures,
  server: ServerRow | undefined,
  incidents: readonly IncidentTag[],
): AgencyModel {
  const serverState = server?.state ?? 'unknown';
  const drop = throughputDrop(total.sent + total.received, total.weekAgo);
  const serverLevel: Level = total.serverDown > 0 ? 'critical' : judgeServer(serverState);
  const signature = judgeSignatureFailure(total.sigFailed, total.sigVerified);
  const overdue = judgeOverdue(total.overdue);
  const dropLevel = judgeThroughputDrop(drop);
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
    status: {
      server: serverLevel,
      signature,
      overdue,
      drop: dropLevel,
      overall: worst(serverLevel, signature, overdue, dropLevel),
    },
    incidents,
  };
}
