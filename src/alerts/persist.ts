/**
 * Alert state and acknowledgements in the cache file, so a restarted console shows the same incidents. Pass
 * {@link ALERT_MIGRATIONS} to `openCache({ extraMigrations })`, or {@link migrateAlertTables} to another handle.
 */
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { pendingMigrations, type Migration } from '../store/migrations.js';
import type { Acknowledgement, AlertLabels, AlertState, SummaryParams } from './types.js';

type Db = Database.Database;

export const ALERT_MIGRATIONS: readonly Migration[] = [
  {
    id: 'alerts/1',
    up(db) {
      db.exec(`
        CREATE TABLE alert_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE alert_state (
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
        ) WITHOUT ROWID;
        CREATE TABLE alert_ack_log (
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

/** Applies the alert steps not yet recorded in `schema_steps`, each in its own transaction. */
export function migrateAlertTables(db: Db, now: number = Date.now()): void {
  // The store's definition, so whichever runs first, the other sees the steps done.
  db.exec('CREATE TABLE IF NOT EXISTS schema_steps (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) WITHOUT ROWID');
  for (const m of pendingMigrations(db, [], ALERT_MIGRATIONS)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_steps (id, applied_at) VALUES (?, ?)').run(m.id, now);
    }).immediate();
  }
}

/** A row of `alert_state` as read by {@link SELECT_STATES}: the state with its JSON and its ack in columns. */
type StateRow = Omit<AlertState, 'labels' | 'params' | 'ack'> & {
  labels: string;
  params: string;
  ackBy: string | null;
  ackAt: number | null;
};

const SELECT_STATES = `SELECT key, rule, labels, severity, phase, active_since AS activeSince, firing_since AS firingSince,
  kept_firing_since AS keptFiringSince, resolved_at AS resolvedAt, params, ack_by AS ackBy, ack_at AS ackAt FROM alert_state`;

const fromRow = ({ labels, params, ackBy, ackAt, ...r }: StateRow): AlertState => ({
  ...r,
  labels: JSON.parse(labels) as AlertLabels,
  params: JSON.parse(params) as SummaryParams,
  ack: ackBy !== null && ackAt !== null ? { by: ackBy, at: ackAt } : null,
});

/** Another console may have acknowledged the same incident (same start, severity) since: its ack is kept. */
const UPSERT_STATE = `
  INSERT INTO alert_state
    (key, rule, labels, severity, phase, active_since, firing_since, kept_firing_since, resolved_at, params, ack_by, ack_at)
  VALUES (@key, @rule, @labels, @severity, @phase, @activeSince, @firingSince, @keptFiringSince, @resolvedAt,
    @params, @ackBy, @ackAt)
  ON CONFLICT (key) DO UPDATE SET
    rule = excluded.rule, labels = excluded.labels, phase = excluded.phase,
    firing_since = excluded.firing_since, kept_firing_since = excluded.kept_firing_since,
    resolved_at = excluded.resolved_at, params = excluded.params,
    ack_by = CASE WHEN excluded.ack_by IS NULL AND alert_state.active_since = excluded.active_since
      AND alert_state.severity = excluded.severity THEN alert_state.ack_by ELSE excluded.ack_by END,
    ack_at = CASE WHEN excluded.ack_by IS NULL AND alert_state.active_since = excluded.active_since
      AND alert_state.severity = excluded.severity THEN alert_state.ack_at ELSE excluded.ack_at END,
    active_since = excluded.active_since, severity = excluded.severity`;

/** Reads and writes the persisted alert state of one cache. */
type AlertStore = NonNullable<ReturnType<typeof openAlertStore>>;

/** The alert tables of a cache; a read-only handle is never migrated or written (null without tables: no saved state). */
export function openAlertStore(db: Db) {
  if (!db.readonly) migrateAlertTables(db);
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alert_state'").get()) return null;
  const selectAll = db.prepare<[], StateRow>(SELECT_STATES);
  const selectSaved = db.prepare<[], { value: string }>("SELECT value FROM alert_meta WHERE key = 'saved_at'");
  const upsert = db.prepare(UPSERT_STATE);
  const remove = db.prepare('DELETE FROM alert_state WHERE key = ?');
  const stamp = db.prepare("INSERT OR REPLACE INTO alert_meta (key, value) VALUES ('saved_at', ?)");
  const selectAcks = db.prepare<[], Pick<AlertState, 'key' | 'severity' | 'phase' | 'activeSince'> & Acknowledgement>(
    `SELECT key, severity, phase, active_since AS activeSince, ack_by AS by, ack_at AS at FROM alert_state
     WHERE ack_by IS NOT NULL AND ack_at IS NOT NULL`,
  );
  const logAck = db.prepare('INSERT INTO alert_ack_log (key, rule, severity, by, at) VALUES (?, ?, ?, ?, ?)');

  const write = (s: AlertState): void => {
    const { key, rule, severity, phase, activeSince, firingSince, keptFiringSince, resolvedAt } = s;
    const [labels, params] = [JSON.stringify(s.labels), JSON.stringify(s.params)];
    const state = { key, rule, severity, phase, activeSince, firingSince, keptFiringSince, resolvedAt, labels, params };
    upsert.run({ ...state, ackBy: s.ack?.by ?? null, ackAt: s.ack?.at ?? null });
  };

  const save = db.transaction((changed: readonly AlertState[], removed: readonly string[], at: number) => {
    for (const s of changed) write(s);
    for (const key of removed) remove.run(key);
    stamp.run(String(at));
  });
  const selectRow = db.prepare<[string], Pick<StateRow, 'severity' | 'phase' | 'ackBy' | 'ackAt'>>(
    'SELECT severity, phase, ack_by AS ackBy, ack_at AS ackAt FROM alert_state WHERE key = ?',
  );
  const updateAck = db.prepare('UPDATE alert_state SET ack_by = ?, ack_at = ? WHERE key = ?');
  // The first acknowledgement of an incident stands, whichever console gave it; the writer's row only gains it.
  const ack = db.transaction((s: AlertState): Acknowledgement | null => {
    if (!s.ack) return null;
    const row = selectRow.get(s.key);
    if (row && row.phase !== 'resolved' && row.severity === s.severity) {
      if (row.ackBy !== null && row.ackAt !== null) return { by: row.ackBy, at: row.ackAt };
      updateAck.run(s.ack.by, s.ack.at, s.key);
    } else {
      write(s);
    }
    logAck.run(s.key, s.rule, s.severity, s.ack.by, s.ack.at);
    return s.ack;
  });

  return {
    /** Saved states and when they were last saved (null: never). */
    load() {
      const saved = selectSaved.get();
      return { states: selectAll.all().map(fromRow), savedAt: saved ? Number(saved.value) : null };
    },
    /** Writes changed states and removes gone ones, in one transaction, stamped `at`. */
    save,
    /** Records an ack in state and log in one transaction; returns the one that stands. Throws if not writable. */
    recordAck: (s: AlertState) => ack.immediate(s),
    /** Acknowledgements stored now, by alert key, with what identifies the incident: this console's and every other's. */
    acks: () => new Map(selectAcks.all().map(({ key, by, at, ...r }) => [key, { ...r, ack: { by, at } }])),
  };
}

/** The OS user name, as the acknowledgement records it; never throws (containers may lack one). */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}

/** Where acks go: the engine's store if it writes, else a connection of its own waiting `busyMs`; null in memory. */
export function ackWriter(db: Db | null, own: AlertStore | null, busyMs: number) {
  if (own !== null) return own;
  if (db === null || db.memory || db.name === '') return null;
  let store: AlertStore | null = null;
  return {
    recordAck(state: AlertState) {
      if (store === null) {
        const handle = new BetterSqlite3(db.name, { fileMustExist: true });
        handle.pragma(`busy_timeout = ${Math.max(0, Math.round(busyMs))}`);
        store = openAlertStore(handle)!;
      }
      return store.recordAck(state);
    },
  };
}
