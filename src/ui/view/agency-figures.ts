/** One agency's own figures for a window, read from the metrics' rows, and their sum over a subtree. */
import type { Agency } from '../../protocol/index.js';
import type { AgencyScope, Metrics, ServerRow, WindowKey } from '../../metrics/types.js';
import { agencyTree } from '../../metrics/roll-up-tree.js';

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

/** A subtree's figures: `from` added into `into`. */
export function addFigures(into: Sums, from: AgencyFigures): void {
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
    const spark = new Array<number>(LIST_SPARK_BUCKETS);
    for (let b = 0; b < LIST_SPARK_BUCKETS; b++) spark[b] = (into.spark[b] ?? 0) + (from.spark[b] ?? 0);
    into.spark = spark;
  }
  // The earliest instant, the longest overdue.
  if (from.oldestOverdueAt !== null)
    into.oldestOverdueAt =
      into.oldestOverdueAt === null ? from.oldestOverdueAt : Math.min(into.oldestOverdueAt, from.oldestOverdueAt);
}

/** The figures of an agency with nothing in the window, shared by all of them. */
export const NOTHING: AgencyFigures = Object.freeze(blank());

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
  const own = new Array<Sums | undefined>(agencies.length);
  const of = (id: string): Sums | undefined => {
    const i = indexOf.get(id);
    return i === undefined ? undefined : (own[i] ??= blank());
  };
  const traffic = metrics.throughput(now, window, scope, sparks ? LIST_SPARK_BUCKETS : 0);
  for (let k = 0; k < traffic.length; k++) {
    const t = traffic[k]!;
    if (t.sent === 0 && t.received === 0 && t.sentWeekAgo === null && t.receivedWeekAgo === null) continue;
    const f = of(t.agencyId);
    if (!f) continue;
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
  const signatures = metrics.signatures(now, window, scope);
  for (let k = 0; k < signatures.length; k++) {
    const s = signatures[k]!;
    if (s.verified === 0) continue;
    const f = of(s.agencyId);
    if (!f) continue;
    f.sigVerified = s.verified;
    f.sigFailed = s.failed;
  }
  const deadlines = metrics.deadlines(now, scope);
  for (let k = 0; k < deadlines.length; k++) {
    const d = deadlines[k]!;
    if (d.overdue === 0 && d.dueWithin24h === 0) continue;
    const f = of(d.agencyId);
    if (!f) continue;
    f.overdue = d.overdue;
    f.dueWithin24h = d.dueWithin24h;
    if (d.oldestOverdueMs !== null) f.oldestOverdueAt = now - d.oldestOverdueMs;
  }
  const out = new Array<AgencyFigures>(agencies.length);
  for (let i = 0; i < agencies.length; i++) {
    const f = own[i];
    if (servers.get(agencies[i]!.securityServer)?.state !== 'disconnected') out[i] = f ?? NOTHING;
    else out[i] = { ...(f ?? NOTHING), serverDown: 1 };
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
