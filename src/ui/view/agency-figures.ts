/** One agency's own figures for a window, read from the metrics' rows, and their sum over a subtree. */
import type { Agency } from '../../protocol/index.js';
import type { AgencyScope, DeadlineRow, Metrics, ServerRow, SignatureRow, WindowKey } from '../../metrics/types.js';
import { agencyTree, rollUpSubtrees } from '../../metrics/roll-up-tree.js';

export const LIST_SPARK_BUCKETS = 12;

const NO_SPARK: readonly number[] = Object.freeze(new Array<number>(LIST_SPARK_BUCKETS).fill(0));

const blank = () => ({
  sent: 0,
  received: 0,
  sentPerMin: 0,
  receivedPerMin: 0,
  /** Sent+received a week earlier; null when the cache does not reach back. */
  weekAgo: null as number | null,
  spark: NO_SPARK,
  sigVerified: 0,
  sigFailed: 0,
  overdue: 0,
  dueWithin24h: 0,
  /** When the longest-overdue open reply fell due: an instant, not an age, so figures stay while the clock moves. */
  oldestOverdueAt: null as number | null,
  /** Agencies in the subtree whose security server is disconnected. */
  serverDown: 0,
});
type Sums = ReturnType<typeof blank>;
/** Additive figures of one agency (or of a subtree). */
export type AgencyFigures = Readonly<Sums>;

/**
 * The figures of an agency with nothing in the window, shared by all of them (never added into). Every set of figures
 * starts as `blank()`: a national build compares and adds some 20,000 of them, and objects of one shape keep those
 * reads fast (spread copies and frozen objects have shapes of their own).
 */
export const NOTHING: AgencyFigures = blank();

/** A subtree's accumulator, starting from its root's own figures; its sparkline is its own to add into. */
function accumulator(f: AgencyFigures): Sums {
  const into = Object.assign(blank(), f);
  if (f.spark !== NO_SPARK) into.spark = f.spark.slice();
  return into;
}

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
    const t = traffic[i];
    const s = signatures[i];
    const d = deadlines[i];
    const hasT = t !== undefined && (t.sent + t.received > 0 || t.sentWeekAgo !== null || t.receivedWeekAgo !== null);
    const hasS = s !== undefined && s.verified > 0;
    const hasD = d !== undefined && (d.overdue > 0 || d.dueWithin24h > 0);
    const down = servers.get(agencies[i]!.securityServer)?.state === 'disconnected';
    if (!hasT && !hasS && !hasD && !down) {
      out[i] = NOTHING;
      continue;
    }
    const f = blank();
    if (hasT) {
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
    if (hasS) {
      f.sigVerified = s.verified;
      f.sigFailed = s.failed;
    }
    if (hasD) {
      f.overdue = d.overdue;
      f.dueWithin24h = d.dueWithin24h;
      if (d.oldestOverdueMs !== null) f.oldestOverdueAt = now - d.oldestOverdueMs;
    }
    if (down) f.serverDown = 1;
    out[i] = f;
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
