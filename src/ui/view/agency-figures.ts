/** One agency's own figures for a window, read from the metrics' rows, and their sum over a subtree. */
import type { Agency } from '../../protocol/index.js';
import type {
  AgencyScope,
  DeadlineRow,
  Metrics,
  ServerRow,
  SignatureRow,
  ThroughputRow,
  WindowKey,
} from '../../metrics/types.js';
import { agencyTree, rollUpSubtrees } from '../../metrics/roll-up-tree.js';

export const LIST_SPARK_BUCKETS = 12;

const NO_SPARK: readonly number[] = Object.freeze(new Array<number>(LIST_SPARK_BUCKETS).fill(0));

/**
 * Every set of figures is made here, its fields in one order: a national build compares and adds some 20,000 of them,
 * and objects of one shape keep those reads fast (spread copies and frozen objects have shapes of their own).
 */
const figures = (
  sent: number,
  received: number,
  sentPerMin: number,
  receivedPerMin: number,
  /** Sent+received a week earlier; null when the cache does not reach back. */
  weekAgo: number | null,
  spark: readonly number[],
  sigVerified: number,
  sigFailed: number,
  overdue: number,
  dueWithin24h: number,
  /** When the longest-overdue open reply fell due: an instant, not an age, so figures stay while the clock moves. */
  oldestOverdueAt: number | null,
  /** Agencies in the subtree whose security server is disconnected. */
  serverDown: number,
) => ({
  sent,
  received,
  sentPerMin,
  receivedPerMin,
  weekAgo,
  spark,
  sigVerified,
  sigFailed,
  overdue,
  dueWithin24h,
  oldestOverdueAt,
  serverDown,
});
type Sums = ReturnType<typeof figures>;
/** Additive figures of one agency (or of a subtree). */
export type AgencyFigures = Readonly<Sums>;

/** The figures of an agency with nothing in the window, shared by all of them (never added into). */
export const NOTHING: AgencyFigures = figures(0, 0, 0, 0, null, NO_SPARK, 0, 0, 0, 0, null, 0);

/** A subtree's accumulator, starting from its root's own figures; its sparkline is its own to add into. */
const accumulator = (f: AgencyFigures): Sums =>
  figures(
    f.sent,
    f.received,
    f.sentPerMin,
    f.receivedPerMin,
    f.weekAgo,
    f.spark === NO_SPARK ? NO_SPARK : f.spark.slice(),
    f.sigVerified,
    f.sigFailed,
    f.overdue,
    f.dueWithin24h,
    f.oldestOverdueAt,
    f.serverDown,
  );

/** A subtree's figures: `from` added into the accumulator `into`. */
function addFigures(into: Sums, from: AgencyFigures): void {
  // Field by field: a loop over field names reads them by key, a third slower on a national build.
  into.sent += from.sent;
  into.received += from.received;
  into.sentPerMin += from.sentPerMin;
  into.receivedPerMin += from.receivedPerMin;
  into.sigVerified += from.sigVerified;
  into.sigFailed += from.sigFailed;
  into.overdue += from.overdue;
  into.dueWithin24h += from.dueWithin24h;
  into.serverDown += from.serverDown;
  if (from.weekAgo !== null) into.weekAgo = (into.weekAgo ?? 0) + from.weekAgo;
  if (from.spark !== NO_SPARK) {
    if (into.spark === NO_SPARK) into.spark = from.spark.slice();
    else {
      const spark = into.spark as number[];
      for (let b = 0; b < LIST_SPARK_BUCKETS; b++) spark[b] = (spark[b] ?? 0) + (from.spark[b] ?? 0);
    }
  }
  // The earliest instant, the longest overdue.
  if (from.oldestOverdueAt !== null)
    into.oldestOverdueAt =
      into.oldestOverdueAt === null ? from.oldestOverdueAt : Math.min(into.oldestOverdueAt, from.oldestOverdueAt);
}

/** Each agency's figures over its subtree; a unit with nothing under it (most of the 12,000) has its own as its total. */
export const subtreeFigures = (agencies: readonly Agency[], own: readonly AgencyFigures[]): AgencyFigures[] => {
  const { childCount } = agencyTree(agencies);
  return rollUpSubtrees<Agency, AgencyFigures>(
    agencies,
    (_, i) => (childCount[i]! > 0 ? accumulator(own[i]!) : own[i]!),
    addFigures as (into: AgencyFigures, from: AgencyFigures) => void,
  );
};

/** `rows` placed at their agency's index in `agencies` (rows of agencies not among them are left out). */
function byIndex<R extends { readonly agencyId: string }>(
  indexOf: ReadonlyMap<string, number>,
  length: number,
  rows: readonly R[],
): (R | undefined)[] {
  const out = new Array<R | undefined>(length);
  for (let k = 0; k < rows.length; k++) {
    const i = indexOf.get(rows[k]!.agencyId);
    if (i !== undefined) out[i] = rows[k];
  }
  return out;
}

const sparkOf = (t: ThroughputRow): readonly number[] =>
  t.spark.length === 0
    ? NO_SPARK
    : t.spark.length === LIST_SPARK_BUCKETS
      ? t.spark
      : Array.from({ length: LIST_SPARK_BUCKETS }, (_, b) => t.spark[b] ?? 0);

/**
 * Each agency's own figures (`NOTHING` when it has none). Indexed loops: a national build runs too seldom for V8 to
 * optimise it, and unoptimised `for…of` and callbacks allocate at each element.
 */
export function ownFigures(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  scope: AgencyScope,
  sparks: boolean,
  servers: ReadonlyMap<string, ServerRow>,
  agencies: readonly Agency[],
): AgencyFigures[] {
  const { indexOf } = agencyTree(agencies);
  const n = agencies.length;
  const traffic = byIndex(indexOf, n, metrics.throughput(now, window, scope, sparks ? LIST_SPARK_BUCKETS : 0));
  const signatures = byIndex<SignatureRow>(indexOf, n, metrics.signatures(now, window, scope));
  const deadlines = byIndex<DeadlineRow>(indexOf, n, metrics.deadlines(now, scope));
  const out = new Array<AgencyFigures>(n);
  for (let i = 0; i < n; i++) {
    let t = traffic[i];
    if (t && t.sent === 0 && t.received === 0 && t.sentWeekAgo === null && t.receivedWeekAgo === null) t = undefined;
    let s = signatures[i];
    if (s && s.verified === 0) s = undefined;
    let d = deadlines[i];
    if (d && d.overdue === 0 && d.dueWithin24h === 0) d = undefined;
    const down = servers.get(agencies[i]!.securityServer)?.state === 'disconnected' ? 1 : 0;
    out[i] =
      !t && !s && !d && down === 0
        ? NOTHING
        : figures(
            t?.sent ?? 0,
            t?.received ?? 0,
            t?.sentPerMin ?? 0,
            t?.receivedPerMin ?? 0,
            t && (t.sentWeekAgo !== null || t.receivedWeekAgo !== null)
              ? (t.sentWeekAgo ?? 0) + (t.receivedWeekAgo ?? 0)
              : null,
            t ? sparkOf(t) : NO_SPARK,
            s?.verified ?? 0,
            s?.failed ?? 0,
            d?.overdue ?? 0,
            d?.dueWithin24h ?? 0,
            d && d.oldestOverdueMs !== null ? now - d.oldestOverdueMs : null,
            down,
          );
  }
  return out;
}
/** Whether two sets of figures are the same (the shared `NOTHING` and sparklines compare at once). */
export function sameFigures(a: AgencyFigures, b: AgencyFigures): boolean {
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
