/**
 * The alert engine: rules over the metrics, each alert's state machine, symptoms folded under their cause, state
 * and acknowledgements kept in the cache. A one-shot engine (`hubmon status`, `readOnly`) starts from the state a
 * console saved at most `restoreTolerance` ago, so it reports the console's incidents; without it, a condition
 * counts as starting now (or at its data's `since`) and fires at once when its `for` is 0. It never writes.
 */
import type Database from 'better-sqlite3';
import { defaultAlertConfig, type AlertConfig } from './config.js';
import { fold } from './incidents.js';
import { ackWriter, openAlertStore, osUser } from './persist.js';
import { RULES, type AlertMetrics, type RuleContext } from './rules/index.js';
import { sameAlertState, step } from './state-machine.js';
import {
  PHASE_RANK,
  RULE_IDS,
  severityRank,
  type Alert,
  type AlertSnapshot,
  type AlertState,
  type Candidate,
  type RuleId,
} from './types.js';
import type { Agency } from '../protocol/index.js';
import type { ServerRow } from '../metrics/types.js';

interface AlertEngineOptions {
  readonly metrics: AlertMetrics;
  /** The cache's database handle; without one, state lives in memory only. */
  readonly db?: Database.Database | null;
  readonly config?: AlertConfig;
  readonly now?: () => number;
  /** Who acknowledges by default: the OS user running the console. */
  readonly user?: string;
  /** Never write alert state to the cache (one-shot checks next to a running console); implied by a read-only handle. */
  readonly readOnly?: boolean;
  /** How long an acknowledgement waits for a cache another process is writing (SQLite busy timeout). */
  readonly ackBusyTimeoutMs?: number;
}

/** A rule that could not be evaluated this time; its alerts keep their previous state. */
type RuleError = { readonly rule: RuleId; readonly message: string };
/** A snapshot with the rules that failed in its evaluation. */
type Evaluated = AlertSnapshot & { readonly errors: readonly RuleError[] };

export type AlertEngine = ReturnType<typeof createAlertEngine>;

/** How often an unchanged state is re-stamped as current in the cache: well within `restoreTolerance` (1 h). */
const SAVE_STAMP_EVERY_MS = 5 * 60_000;

/** By phase, severity, unacknowledged first, then longest-running first so a live list does not jump. */
const sortAlerts = (alerts: Alert[]): Alert[] =>
  alerts.sort(
    (a, b) =>
      PHASE_RANK[a.phase] - PHASE_RANK[b.phase] ||
      severityRank(b.severity) - severityRank(a.severity) ||
      Number(a.ack !== null) - Number(b.ack !== null) ||
      a.activeSince - b.activeSince ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );

export function createAlertEngine(opts: AlertEngineOptions) {
  const config = opts.config ?? defaultAlertConfig();
  const clock = opts.now ?? Date.now;
  const defaultUser = opts.user ?? osUser();
  const store = opts.db ? openAlertStore(opts.db) : null;
  const writable = store !== null && !opts.readOnly && !opts.db?.readonly;
  const acks = ackWriter(opts.db ?? null, writable ? store : null, opts.ackBusyTimeoutMs ?? 2_000);

  const saved = store ? store.load() : { states: [], savedAt: null };
  /** What the cache holds (to know what changed), and the live state. */
  const persisted = new Map(saved.states.map((s) => [s.key, s]));
  let states = new Map<string, AlertState>();
  let restored = false;
  /** Saved state is taken back at the first evaluation, judged against that evaluation's time. */
  const restore = (now: number): void => {
    if (restored) return;
    restored = true;
    if (saved.savedAt !== null && now - saved.savedAt <= config.restoreTolerance)
      for (const s of saved.states) states.set(s.key, s);
  };

  // Read once per evaluation (not once per candidate) and rebuilt only when the registry changes.
  let serverIndex: { agencies: readonly Agency[]; map: Map<string, string> } | null = null;
  const serverMap = (): Map<string, string> => {
    const agencies = opts.metrics.agencies();
    if (serverIndex?.agencies !== agencies)
      serverIndex = { agencies, map: new Map(agencies.map((a) => [a.id, a.securityServer])) };
    return serverIndex.map;
  };

  let last: Evaluated | null = null;
  let lastErrors: readonly RuleError[] = [];

  /** Whether the list must be rebuilt; most evaluations change nothing and reuse the last one. */
  let dirty = true;
  const publish = (at: number): Evaluated => {
    const alerts = dirty || last === null ? sortAlerts(fold(states.values(), config.inhibition.enabled)) : last.alerts;
    dirty = false;
    last = { at, alerts, errors: lastErrors };
    return last;
  };

  let lastSaved = -Infinity;
  const persist = (at: number): void => {
    if (!writable) return;
    const changed = [...states.values()].filter(
      (s) => !persisted.has(s.key) || !sameAlertState(persisted.get(s.key)!, s),
    );
    const removed = [...persisted.keys()].filter((key) => !states.has(key));
    // The save time only needs to be fresh enough for the restore tolerance; no write when idle.
    if (changed.length === 0 && removed.length === 0 && at - lastSaved < SAVE_STAMP_EVERY_MS) return;
    store.save(changed, removed, at);
    lastSaved = at;
    for (const s of changed) persisted.set(s.key, s);
    for (const key of removed) persisted.delete(key);
  };

  // Acknowledgements stored by any console: the writing console takes those given to its own incident (same start);
  // another keeps its own clocks and takes any given to a live alert.
  const adoptAcks = (): void => {
    if (!store) return;
    const stored = store.acks();
    if (stored.size === 0) return;
    for (const [key, s] of states) {
      if (s.ack !== null || s.phase === 'resolved') continue;
      const row = stored.get(key);
      if (!row || row.phase === 'resolved' || row.severity !== s.severity) continue;
      if (writable && row.activeSince !== s.activeSince) continue;
      states.set(key, { ...s, ack: row.ack });
      if (writable) persisted.set(key, states.get(key)!);
      dirty = true;
    }
  };

  const evaluate = (now: number = clock()): Evaluated => {
    restore(now);
    adoptAcks();
    let servers: readonly ServerRow[] | null = null;
    let serverIds: Map<string, string> | null = null;
    const ctx: RuleContext = {
      metrics: opts.metrics,
      now,
      config: config.rules,
      serverOf: (agencyId) => (serverIds ??= serverMap()).get(agencyId),
      servers: () => (servers ??= opts.metrics.servers(now, '1h')),
    };
    const candidates = new Map<string, Candidate>();
    // Rules whose alerts keep their state this time: their query failed, or what they read lags.
    const failed = new Set<RuleId>();
    const errors: RuleError[] = [];
    const derivedLags = (opts.metrics.stream?.().derivedBehind ?? 0) > 0;
    for (const rule of RULE_IDS) {
      const { evaluate: run, configKey, readsDerived } = RULES[rule];
      if (!config.rules[configKey].enabled) continue;
      if (readsDerived && derivedLags) {
        failed.add(rule);
        continue;
      }
      try {
        for (const c of run(ctx)) candidates.set(c.key, c);
      } catch (err) {
        // A failing query must not resolve every alert of the rule, nor reach the UI as a throw.
        failed.add(rule);
        errors.push({ rule, message: err instanceof Error ? err.message : String(err) });
      }
    }

    const next = new Map<string, AlertState>();
    const advance = (key: string, prev: AlertState | null, cand: Candidate | null, rule: RuleId): void => {
      const cfg = config.rules[RULES[rule].configKey];
      if (!cfg.enabled) return;
      if (failed.has(rule)) {
        if (prev) next.set(key, prev);
        return;
      }
      const s = step(prev, cand, now, { forMs: cfg.for, keepFiringForMs: cfg.keepFiringFor });
      // Only a resolved alert has `resolvedAt`; it stays on the list `keepResolvedFor`.
      if (s === null || (s.resolvedAt !== null && now - s.resolvedAt >= config.keepResolvedFor)) {
        if (prev) dirty = true;
        return;
      }
      if (s !== prev) dirty = true;
      next.set(key, s);
    };
    for (const [key, prev] of states) advance(key, prev, candidates.get(key) ?? null, prev.rule);
    for (const [key, cand] of candidates) if (!states.has(key)) advance(key, null, cand, cand.rule);

    states = next;
    lastErrors = errors;
    persist(now);
    return publish(now);
  };

  return {
    evaluate,
    /** The last snapshot (evaluating once if there is none yet). */
    current: (): Evaluated => {
      if (last === null) return evaluate();
      // Acknowledgements from another console show within one refresh, not one evaluation.
      adoptAcks();
      return dirty ? publish(last.at) : last;
    },
    /** Marks a live alert as seen by `user` until it resolves or rises to critical; false if it cannot. */
    acknowledge(alertId: string, user = defaultUser, now = clock()): boolean {
      restore(now);
      const s = states.get(alertId);
      // The first acknowledgement of an incident stands; a second would rewrite who saw it first.
      if (!s || s.phase === 'resolved' || s.ack !== null) return false;
      let ack: AlertState['ack'] = { by: user, at: now };
      if (acks !== null) {
        // Shown only once saved: a cache busy past the timeout, or not writable, keeps it open.
        try {
          ack = acks.recordAck({ ...s, ack });
        } catch {
          return false;
        }
        if (ack === null) return false;
      }
      const acked: AlertState = { ...s, ack };
      states.set(alertId, acked);
      dirty = true;
      if (writable) persisted.set(alertId, acked);
      publish(last?.at ?? now);
      return true;
    },
  };
}
