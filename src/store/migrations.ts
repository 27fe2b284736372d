import type Database from 'better-sqlite3';

/**
 * One schema step. The cache's own steps are counted in `PRAGMA user_version`; steps other
 * modules contribute (the alert engine's tables, say) are recorded by `id` in `schema_steps`,
 * so each module numbers its own steps without colliding with anyone else's.
 */
export interface Migration {
  /** Unique and stable forever, e.g. `store/1` or `alerts/2`. */
  readonly id: string;
  /** Runs inside the migration's transaction; throw to abort it. */
  readonly up: (db: Database.Database) => void;
}

/** Steps not yet applied, in order: core first, then contributed ones. */
export function pendingMigrations(
  db: Database.Database,
  core: readonly Migration[],
  extra: readonly Migration[],
): Migration[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  const hasSteps =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_steps'").get() !== undefined;
  const done = new Set<string>(hasSteps ? (db.prepare('SELECT id FROM schema_steps').pluck().all() as string[]) : []);
  return [...core.slice(version), ...extra.filter((m) => !done.has(m.id))];
}

/**
 * Brings the schema up to date, each step in its own transaction so a crash leaves the file at
 * a whole version. Refuses a file whose `user_version` is ahead of this build.
 */
export function migrate(db: Database.Database, core: readonly Migration[], extra: readonly Migration[], now: number) {
  const ids = [...core, ...extra].map((m) => m.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`migration id ${twice} is used twice`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > core.length) {
    throw new Error(
      `cache schema version ${version} is newer than this hubmon understands (${core.length}); upgrade hubmon or use another cache file`,
    );
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_steps (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) WITHOUT ROWID');
  for (const m of pendingMigrations(db, core, extra)) {
    db.transaction(() => {
      m.up(db);
      // A core step's place is the schema version it brings the file to.
      const at = core.indexOf(m);
      if (at >= 0) db.pragma(`user_version = ${at + 1}`);
      db.prepare('INSERT OR REPLACE INTO schema_steps (id, applied_at) VALUES (?, ?)').run(m.id, now);
    }).immediate();
  }
}

/** What an operator reads while an existing cache file is upgraded. */
export function upgradeNotice(path: string, steps: readonly string[]): string {
  return `hubmon: upgrading the cache ${path} (schema steps ${steps.join(', ')}); on a cache holding months of traffic this takes a minute or more`;
}
