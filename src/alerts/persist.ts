/**
 * Alert state and acknowledgements kept in the cache file, so a restarted console shows the
 * same incidents with the same acknowledgements. The tables are created by versioned steps of
 * their own (tracked in `alert_meta`), which the store may also run from its migration list.
 */
import type Database from 'better-sqlite3';
import type { AlertLabels, AlertState, Phase, RuleId, Severity, SummaryParams } from './types.js';

type Db = Database.Database;

/** One schema step of the alert tables; `up` runs inside a transaction. */
export interface AlertMigration {
  readonly version: number;
  readonly description: string;
  up(db: Db): void;
}

export const ALERT_MIGRATIONS: readonly AlertMigration[] = [
  {
    version: 1,
    description: 'alert state, acknowledgement log',
    up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS alert_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS alert_state (
          key TEXT PRIMARY KEY,
          rule TEXT NOT NULL,
          labels TEXT NOT NULL,
          severity TEXT NOT NULL,
          phase TEXT NOT NULL,
          active_since INTEGER NOT NULL,
          firing_since INTEGER,
          kept_firing_since INTEGER,
          resolved_at INTEGER,
          params TEXT NOT NULL,
          ack_by TEXT,
          ack_at INTEGER
        );
        CREATE TABLE IF NOT EXISTS alert_ack_log (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL,
          rule TEXT NOT NULL,
          severity TEXT NOT NULL,
          by TEXT NOT NULL,
          at INTEGER NOT NULL
        );`);
    },
  },
];

/** Brings the alert tables up to date; safe to call on every open. */
export function migrateAlertTables(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS alert_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const row = db.prepare("SELECT value FROM alert_meta WHERE key = 'schema_version'").get() as
    { value: string } | undefined;
  const current = row ? Number(row.value) : 0;
  for (const m of ALERT_MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare("INSERT OR REPLACE INTO alert_meta (key, value) VALUES ('schema_version', ?)").run(String(m.version));
    })();
  }
}

interface StateRow {
  key: string;
  rule: string;
  labels: string;
  severity: string;
  phase: string;
  active_since: number;
  firing_since: number | null;
  kept_firing_since: number | null;
  resolved_at: number | null;
  params: string;
  ack_by: string | null;
  ack_at: number | null;
}

const fromRow = (r: StateRow): AlertState => ({
  key: r.key,
  rule: r.rule as RuleId,
  labels: JSON.parse(r.labels) as AlertLabels,
  severity: r.severity as Severity,
  phase: r.phase as Phase,
  activeSince: r.active_since,
  firingSince: r.firing_since,
  keptFiringSince: r.kept_firing_since,
  resolvedAt: r.resolved_at,
  params: JSON.parse(r.params) as SummaryParams,
  ack: r.ack_by !== null && r.ack_at !== null ? { by: r.ack_by, at: r.ack_at } : null,
});

/** Reads and writes the persisted alert state of one cache. */
export interface AlertStore {
  /** Saved states and when they were last saved (null: never). */
  load(): { states: AlertState[]; savedAt: number | null };
  /** Writes changed states and removes gone ones, in one transaction, stamped `at`. */
  save(changed: readonly AlertState[], removed: readonly string[], at: number): void;
  /** Records an acknowledgement in the state and in the log. */
  recordAck(state: AlertState): void;
  /** Acknowledgements ever made, newest first (who, when, what). */
  ackLog(limit?: number): { key: string; rule: RuleId; severity: Severity; by: string; at: number }[];
}

export function openAlertStore(db: Db): AlertStore {
  migrateAlertTables(db);
  const selectAll = db.prepare<[], StateRow>('SELECT * FROM alert_state');
  const selectSaved = db.prepare<[], { value: string }>("SELECT value FROM alert_meta WHERE key = 'saved_at'");
  const upsert = db.prepare(`
    INSERT OR REPLACE INTO alert_state
      (key, rule, labels, severity, phase, active_since, firing_since, kept_firing_since, resolved_at, params, ack_by, ack_at)
    VALUES (@key, @rule, @labels, @severity, @phase, @active_since, @firing_since, @kept_firing_since, @resolved_at,
      @params, @ack_by, @ack_at)`);
  const remove = db.prepare('DELETE FROM alert_state WHERE key = ?');
  const stamp = db.prepare("INSERT OR REPLACE INTO alert_meta (key, value) VALUES ('saved_at', ?)");
  const logAck = db.prepare('INSERT INTO alert_ack_log (key, rule, severity, by, at) VALUES (?, ?, ?, ?, ?)');
  const selectLog = db.prepare<[number], { key: string; rule: RuleId; severity: Severity; by: string; at: number }>(
    'SELECT key, rule, severity, by, at FROM alert_ack_log ORDER BY id DESC LIMIT ?',
  );

  const write = (s: AlertState): void => {
    upsert.run({
      key: s.key,
      rule: s.rule,
      labels: JSON.stringify(s.labels),
      severity: s.severity,
      phase: s.phase,
      active_since: s.activeSince,
      firing_since: s.firingSince,
      kept_firing_since: s.keptFiringSince,
      resolved_at: s.resolvedAt,
      params: JSON.stringify(s.params),
      ack_by: s.ack?.by ?? null,
      ack_at: s.ack?.at ?? null,
    });
  };

  const save = db.transaction((changed: readonly AlertState[], removed: readonly string[], at: number) => {
    for (const s of changed) write(s);
    for (const key of removed) remove.run(key);
    stamp.run(String(at));
  });
  const ack = db.transaction((s: AlertState) => {
    write(s);
    if (s.ack) logAck.run(s.key, s.rule, s.severity, s.ack.by, s.ack.at);
  });

  return {
    load() {
      const saved = selectSaved.get();
      return { states: selectAll.all().map(fromRow), savedAt: saved ? Number(saved.value) : null };
    },
    save: (changed, removed, at) => save(changed, removed, at),
    recordAck: (s) => ack(s),
    ackLog: (limit = 100) => selectLog.all(limit),
  };
}
