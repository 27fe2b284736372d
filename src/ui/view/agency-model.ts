/**
 * One agency's figures as the lists show them: its own, and rolled up over the units under it.
 * Built from the `Metrics` surface for one window; pure apart from the reads.
 */
import { stableAgencies } from '../../metrics/stable-registry.js';
import type { Agency, ConnectionKind, ServerState } from '../../protocol/index.js';
import {
  WITH_DATA,
  type AgencyScope,
  type DeadlineRow,
  type Metrics,
  type ServerRow,
  type SignatureRow,
  type ThroughputRow,
  type WindowKey,
} from '../../metrics/types.js';
import {
  judgeOverdue,
  judgeServer,
  judgeSignatureFailure,
  judgeThroughputDrop,
  throughputDrop,
  worst,
  type Level,
} from '../status/judge.js';
import { agencyTree, rollUpRows, subtreeOf, type AgencyTree } from '../../metrics/roll-up-tree.js';
import { fullName, shownName } from './shown-name.js';

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
  /**
   * When the longest-overdue open reply fell due (ms since the epoch); null when nothing is
   * overdue. An instant, not an age, so figures stay the same while only the clock moves.
   */
  oldestOverdueAt: number | null;
  /** Agencies in the subtree whose security server is disconnected. */
  serverDown: number;
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
}

/** Buckets of the sparkline in the lists. */
export const LIST_SPARK_BUCKETS = 12;

/**
 * No traffic: one frozen sparkline shared by every figure that has none. Figures are summed as
 * flat rows, never added into, so sharing arrays between them is safe.
 */
const NO_SPARK = Object.freeze(new Array<number>(LIST_SPARK_BUCKETS).fill(0)) as number[];

/** The figures of an agency with nothing in the window: one frozen set shared by all of them. */
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

/**
 * Each agency's figures as one row of a flat array while they are summed: these offsets, then
 * the sparkline's buckets. `null` is -1 for the week-ago figure (a count) and NaN for the
 * oldest overdue instant.
 */
const SENT = 0;
const RECEIVED = 1;
const SENT_PER_MIN = 2;
const RECEIVED_PER_MIN = 3;
const WEEK_AGO = 4;
const SIG_VERIFIED = 5;
const SIG_FAILED = 6;
const OVERDUE = 7;
const DUE_24H = 8;
const OLDEST = 9;
const SERVER_DOWN = 10;
const SPARK = 11;
const WIDTH = SPARK + LIST_SPARK_BUCKETS;
/** Places after the last agency found that `OwnRows.rowOf` looks at before the map. */
const LOOK_AHEAD = 16;

/** Adds a child's row into its parent's (see `rollUpRows`). */
function addRow(rows: Float64Array, into: number, from: number): void {
  for (let c = 0; c < WIDTH; c++) {
    const v = rows[from + c]!;
    if (c === WEEK_AGO) {
      if (v >= 0) rows[into + c] = Math.max(rows[into + c]!, 0) + v;
    } else if (c === OLDEST) {
      // The earliest instant, the longest overdue.
      const was = rows[into + c]!;
      if (v === v) rows[into + c] = was === was ? Math.min(was, v) : v;
    } else rows[into + c] = rows[into + c]! + v;
  }
}

/** The sparkline in `rows` at agency `i`, as a new array. */
function sparkAt(rows: Float64Array, i: number): number[] {
  const out = new Array<number>(LIST_SPARK_BUCKETS);
  for (let b = 0, o = i * WIDTH + SPARK; b < LIST_SPARK_BUCKETS; b++) out[b] = rows[o + b]!;
  return out;
}

const orNull = (v: number): number | null => (v < 0 ? null : v);
const nanNull = (v: number): number | null => (v === v ? v : null);

/** Whether the rows at `i` of `a` and `b` hold the same figures (NaN equal to NaN). */
function sameRow(a: Float64Array, b: Float64Array, i: number): boolean {
  for (let c = i * WIDTH, end = c + WIDTH; c < end; c++) {
    const x = a[c]!;
    const y = b[c]!;
    if (x !== y && (x === x || y === y)) return false;
  }
  return true;
}

/** The figures in `rows` at agency `i`, with `spark` as their sparkline, as a new object. */
function figuresAt(rows: Float64Array, i: number, spark: number[]): AgencyFigures {
  const figures = { ...NOTHING };
  fillFigures(figures, rows, i, spark);
  return figures;
}

/** The figures in `rows` at agency `i` into `into` (a new object, or one reused from agency to agency). */
function fillFigures(into: AgencyFigures, rows: Float64Array, i: number, spark: number[]): void {
  const o = i * WIDTH;
  into.sent = rows[o + SENT]!;
  into.received = rows[o + RECEIVED]!;
  into.sentPerMin = rows[o + SENT_PER_MIN]!;
  into.receivedPerMin = rows[o + RECEIVED_PER_MIN]!;
  into.weekAgo = orNull(rows[o + WEEK_AGO]!);
  into.spark = spark;
  into.sigVerified = rows[o + SIG_VERIFIED]!;
  into.sigFailed = rows[o + SIG_FAILED]!;
  into.overdue = rows[o + OVERDUE]!;
  into.dueWithin24h = rows[o + DUE_24H]!;
  into.oldestOverdueAt = nanNull(rows[o + OLDEST]!);
  into.serverDown = rows[o + SERVER_DOWN]!;
}

/** What a build was made from, kept for the next build to compare with. */
interface Basis {
  readonly registry: readonly Agency[];
  readonly rootId: string | undefined;
  readonly own: Float64Array;
  readonly total: Float64Array;
  readonly servers: readonly (ServerRow | undefined)[];
}
const bases = new WeakMap<readonly AgencyModel[], Basis>();

/**
 * Every agency in the registry with its figures for `window` at `now`; or, given `rootId`,
 * that agency and every unit under it, read for them alone (an agency's detail: a province's
 * few hundred units rather than the country's 12,000). A subtree's totals are the same either
 * way, since all that is summed into them is in it. One pass per query result into flat rows,
 * one roll-up over the tree: linear in the agencies listed.
 *
 * Given the `previous` build of the same list, an agency whose own figures, subtree's figures
 * and server are all unchanged keeps its model object: a refresh then makes objects only for
 * the agencies whose figures moved (a few hundred at night of 12,000), and what is drawn from
 * the models downstream sees by identity what has not changed.
 */
export function buildAgencyModels(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  rootId?: string,
  previous?: readonly AgencyModel[],
): AgencyModel[] {
  const table = readAgencyFigures(metrics, now, window, rootId);
  if (table.size === 0) return [];
  const { registry, own, totalRows, serverOf } = table;
  const before = previous && bases.get(previous);
  const kept = before && before.registry === registry && before.rootId === rootId ? before : undefined;
  const models = new Array<AgencyModel>(table.size);
  for (let i = 0; i < table.size; i++) {
    models[i] = kept && sameModel(kept, i, own.rows, totalRows, serverOf[i]) ? previous![i]! : table.model(i);
  }
  bases.set(models, { registry, rootId, own: own.rows, total: totalRows, servers: serverOf });
  return models;
}

/**
 * The figures `buildAgencyModels` makes its models from — every agency's own and its
 * subtree's, summed over the tree as flat rows — with the models left to be made on demand:
 * the Overview ranks 12,000 agencies for the few dozen it lists. Without `withSparks`, the
 * sparklines are left flat, not read: a ranking does not draw them, and spreading a day's
 * hours over their buckets was a fifth of its read.
 */
export function readAgencyFigures(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  rootId?: string,
  withSparks = true,
): AgencyFigureTable {
  const registry = stableAgencies(metrics);
  const agencies = rootId === undefined ? registry : subtreeOf(registry, rootId);
  // Nationally, only agencies with figures (at night a 1-hour window has a few hundred).
  const scope: AgencyScope = rootId === undefined ? WITH_DATA : { agencyIds: agencies.map((a) => a.id) };
  const tree = agencyTree(agencies);
  const own = new OwnRows(tree, agencies);
  if (agencies.length > 0) {
    own.traffic(metrics.throughput(now, window, scope, withSparks ? LIST_SPARK_BUCKETS : 0));
    own.signatures(metrics.signatures(now, window, scope));
    own.deadlines(metrics.deadlines(now, scope), now);
  }
  const serverOf = own.servers(agencies, agencies.length > 0 ? metrics.servers(now, window) : []);
  return new AgencyFigureTable(registry, agencies, tree, own, serverOf);
}

/** An agency as a ranking reads it: the fields of its model that say how it fares. */
export type AgencyGlance = Pick<
  AgencyModel,
  'id' | 'level' | 'childCount' | 'serverId' | 'serverState' | 'serverSince' | 'own'
> & {
  readonly status: Pick<AgencyModel['status'], 'overall'>;
};

/** Every agency's figures for one window, summed over the tree (see `readAgencyFigures`). */
export class AgencyFigureTable {
  readonly totalRows: Float64Array;
  private readonly hasTotal: Uint8Array;
  /** The one object `glance` fills, its own figures, its subtree's and its levels. */
  private readonly glanced;
  private readonly glancedOwn: AgencyFigures = { ...NOTHING };
  private readonly glancedTotal: AgencyFigures = { ...NOTHING };
  private readonly glancedStatus: Status = { server: 'ok', signature: 'ok', overdue: 'ok', drop: 'ok', overall: 'ok' };

  constructor(
    readonly registry: readonly Agency[],
    readonly agencies: readonly Agency[],
    private readonly tree: AgencyTree,
    readonly own: OwnRows,
    readonly serverOf: readonly (ServerRow | undefined)[],
  ) {
    this.totalRows = rollUpRows(agencies, own.rows, WIDTH, addRow);
    this.hasTotal = subtreesWithFigures(tree, own.has);
    this.glanced = {
      id: '',
      level: 0,
      childCount: 0,
      serverId: '',
      serverState: 'unknown' as AgencyModel['serverState'],
      serverSince: null as number | null,
      own: this.glancedOwn,
      status: this.glancedStatus,
    };
  }

  get size(): number {
    return this.agencies.length;
  }

  /** Agency i's model, made anew. */
  model(i: number): AgencyModel {
    return toModel(this.agencies[i]!, i, this.tree, this.own, this.totalRows, this.hasTotal, this.serverOf[i]);
  }

  /**
   * Agency i as a ranking reads it, in one object filled anew at each call (valid until the
   * next): no object per agency. Its levels are the model's, judged the same way.
   */
  glance(i: number): AgencyGlance {
    const g = this.glanced;
    const a = this.agencies[i]!;
    const server = this.serverOf[i];
    g.id = a.id;
    g.level = a.level;
    g.childCount = this.tree.childCount[i] ?? 0;
    g.serverId = a.securityServer;
    g.serverState = server?.state ?? 'unknown';
    g.serverSince = server?.since ?? null;
    fillFigures(this.glancedOwn, this.own.rows, i, this.own.sparks[i] ?? NO_SPARK);
    fillFigures(this.glancedTotal, this.totalRows, i, NO_SPARK);
    judge(this.glancedTotal, g.serverState, this.glancedStatus);
    return g;
  }
}

/** Whether agency i's model in the build `kept` describes stands for these figures. */
function sameModel(
  kept: Basis,
  i: number,
  own: Float64Array,
  total: Float64Array,
  server: ServerRow | undefined,
): boolean {
  const was = kept.servers[i];
  return (
    was?.state === server?.state &&
    was?.since === server?.since &&
    sameRow(kept.own, own, i) &&
    sameRow(kept.total, total, i)
  );
}

/**
 * The agencies' own figures, one flat row each, filled from the metrics' rows. The filling is
 * split into one small method per metric so each stays optimised: the build runs a few times
 * a minute, and one long function over several row shapes kept being deoptimised.
 */
class OwnRows {
  readonly rows: Float64Array;
  /** Agencies with any figure (a few thousand of 12,000 in an hour). */
  readonly has: Uint8Array;
  /** The throughput rows' own sparkline arrays, shared. */
  readonly sparks: (number[] | undefined)[];

  /** Where the next row's agency is looked for first (see `rowOf`). */
  private next = 0;

  constructor(
    private readonly tree: AgencyTree,
    private readonly agencies: readonly Agency[],
  ) {
    const n = tree.childCount.length;
    this.rows = new Float64Array(n * WIDTH);
    for (let i = 0; i < n; i++) {
      this.rows[i * WIDTH + WEEK_AGO] = -1;
      this.rows[i * WIDTH + OLDEST] = NaN;
    }
    this.has = new Uint8Array(n);
    this.sparks = new Array<number[] | undefined>(n);
  }

  /**
   * The row offset of an agency listed here, marked as having figures; -1 for any other. A
   * metric lists its agencies in the registry's order, as they are listed here, so the next
   * few places after the last one found are looked at first (12,000 lookups in a map of
   * 12,000 strings took a tenth of a national read); anything else is found in the map.
   */
  private rowOf(agencyId: string): number {
    const agencies = this.agencies;
    const end = Math.min(agencies.length, this.next + LOOK_AHEAD);
    let i = -1;
    for (let j = this.next; j < end; j++) {
      if (agencies[j]!.id === agencyId) {
        i = j;
        break;
      }
    }
    if (i < 0) i = this.tree.indexOf.get(agencyId) ?? -1;
    if (i < 0) return -1;
    this.next = i + 1;
    this.has[i] = 1;
    return i * WIDTH;
  }

  /** Starts a metric's rows: they are looked for from the first agency on. */
  private restart(): void {
    this.next = 0;
  }

  traffic(traffic: readonly ThroughputRow[]): void {
    this.restart();
    const rows = this.rows;
    for (let k = 0; k < traffic.length; k++) {
      const t = traffic[k]!;
      if (t.sent === 0 && t.received === 0 && t.sentWeekAgo === null && t.receivedWeekAgo === null) continue;
      const o = this.rowOf(t.agencyId);
      if (o < 0) continue;
      rows[o + SENT] = t.sent;
      rows[o + RECEIVED] = t.received;
      rows[o + SENT_PER_MIN] = t.sentPerMin;
      rows[o + RECEIVED_PER_MIN] = t.receivedPerMin;
      if (t.sentWeekAgo !== null || t.receivedWeekAgo !== null)
        rows[o + WEEK_AGO] = (t.sentWeekAgo ?? 0) + (t.receivedWeekAgo ?? 0);
      // None asked for: the agency's sparkline stays flat.
      if (t.spark.length === 0) continue;
      const spark =
        t.spark.length === LIST_SPARK_BUCKETS
          ? (t.spark as number[])
          : Array.from({ length: LIST_SPARK_BUCKETS }, (_, b) => t.spark[b] ?? 0);
      this.sparks[o / WIDTH] = spark;
      for (let b = 0; b < LIST_SPARK_BUCKETS; b++) rows[o + SPARK + b] = spark[b]!;
    }
  }

  signatures(signatures: readonly SignatureRow[]): void {
    this.restart();
    for (let k = 0; k < signatures.length; k++) {
      const s = signatures[k]!;
      if (s.verified === 0) continue;
      const o = this.rowOf(s.agencyId);
      if (o < 0) continue;
      this.rows[o + SIG_VERIFIED] = s.verified;
      this.rows[o + SIG_FAILED] = s.failed;
    }
  }

  deadlines(deadlines: readonly DeadlineRow[], now: number): void {
    this.restart();
    for (let k = 0; k < deadlines.length; k++) {
      const d = deadlines[k]!;
      if (d.overdue === 0 && d.dueWithin24h === 0) continue;
      const o = this.rowOf(d.agencyId);
      if (o < 0) continue;
      this.rows[o + OVERDUE] = d.overdue;
      this.rows[o + DUE_24H] = d.dueWithin24h;
      if (d.oldestOverdueMs !== null) this.rows[o + OLDEST] = now - d.oldestOverdueMs;
    }
  }

  /** Marks the agencies whose security server is disconnected; returns each agency's server. */
  servers(agencies: readonly Agency[], rows: readonly ServerRow[]): (ServerRow | undefined)[] {
    const servers = new Map<string, ServerRow>();
    for (let k = 0; k < rows.length; k++) servers.set(rows[k]!.serverId, rows[k]!);
    const serverOf = new Array<ServerRow | undefined>(agencies.length);
    for (let k = 0; k < agencies.length; k++) {
      const server = (serverOf[k] = servers.get(agencies[k]!.securityServer));
      if (server?.state !== 'disconnected') continue;
      this.has[k] = 1;
      this.rows[k * WIDTH + SERVER_DOWN] = 1;
    }
    return serverOf;
  }

  /** Agency i's own figures. */
  figures(i: number): AgencyFigures {
    return this.has[i] ? figuresAt(this.rows, i, this.sparks[i] ?? NO_SPARK) : NOTHING;
  }
}

/** The agencies with figures anywhere in their subtree. */
function subtreesWithFigures(tree: AgencyTree, has: Uint8Array): Uint8Array {
  const out = has.slice();
  for (let k = 0; k < tree.bottomUp.length; k++) {
    const i = tree.bottomUp[k]!;
    const p = tree.parentIndex[i]!;
    if (p >= 0 && out[i]) out[p] = 1;
  }
  return out;
}

/** Agency i's model, from its own row and its subtree's. */
function toModel(
  a: Agency,
  i: number,
  tree: AgencyTree,
  own: OwnRows,
  totalRows: Float64Array,
  hasTotal: Uint8Array,
  server: ServerRow | undefined,
): AgencyModel {
  const mine = own.figures(i);
  // A unit with nothing under it (most of the 12,000) has its own figures as its total.
  const total =
    tree.childCount[i] === 0 ? mine : hasTotal[i] ? figuresAt(totalRows, i, sparkAt(totalRows, i)) : NOTHING;
  const serverState = server?.state ?? 'unknown';
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
    childCount: tree.childCount[i] ?? 0,
    own: mine,
    total,
    sigRate: sigRateOf(total),
    drop: dropOf(total),
    status: judge(total, serverState, { server: 'ok', signature: 'ok', overdue: 'ok', drop: 'ok', overall: 'ok' }),
  };
}

type Status = { -readonly [K in keyof AgencyModel['status']]: Level };
const sigRateOf = (t: AgencyFigures): number | null => (t.sigVerified > 0 ? t.sigFailed / t.sigVerified : null);
const dropOf = (t: AgencyFigures): number | null => throughputDrop(t.sent + t.received, t.weekAgo);

/** How a subtree fares, judged on its figures and its agency's own server, into `out`. */
function judge(t: AgencyFigures, serverState: AgencyModel['serverState'], out: Status): Status {
  out.server = t.serverDown > 0 ? 'critical' : judgeServer(serverState);
  out.signature = judgeSignatureFailure(t.sigFailed, t.sigVerified);
  out.overdue = judgeOverdue(t.overdue);
  out.drop = judgeThroughputDrop(dropOf(t));
  out.overall = worst(out.server, out.signature, out.overdue, out.drop);
  return out;
}
