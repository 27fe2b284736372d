import type Database from 'better-sqlite3';
import { hostname } from 'node:os';

/**
 * Who holds the right to write a cache file. Kept as a row in the file itself and taken in a
 * `BEGIN IMMEDIATE` transaction, so two consoles racing for it cannot both win.
 */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: number;
  readonly heartbeatAt: number;
}

/** The cache file is being written by another live console. */
export class CacheLockedError extends Error {
  override readonly name = 'CacheLockedError';
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {
    super(
      `cache ${path} is in use by hubmon (pid ${holder.pid} on ${holder.host}, since ${new Date(holder.startedAt).toISOString()}); ` +
        'open it read-only (--read-only) or stop that console',
    );
  }
}

/** A lock whose holder has not refreshed it for this long is taken as abandoned. */
const LOCK_STALE_AFTER_MS = 60_000;
/** How often a holder refreshes its heartbeat. */
export const LOCK_HEARTBEAT_MS = 15_000;

const HOLDER = 'SELECT pid, host, started_at AS startedAt, heartbeat_at AS heartbeatAt FROM writer_lock WHERE id = 1';
const CREATE = `CREATE TABLE IF NOT EXISTS writer_lock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pid INTEGER NOT NULL, host TEXT NOT NULL, started_at INTEGER NOT NULL, heartbeat_at INTEGER NOT NULL,
  token TEXT NOT NULL)`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a holder is gone: on this host, its process is; anywhere, it stopped its heartbeat (also a reused pid). */
const isStale = (holder: LockHolder, now: number, host: string): boolean =>
  (holder.host === host && !processAlive(holder.pid)) || now - holder.heartbeatAt > LOCK_STALE_AFTER_MS;

/**
 * Takes the writer lock unless another live console holds it: returns that holder, or null once taken.
 * `token` tells this handle apart from any other handle on the same file, even in the same process.
 */
export function acquireWriterLock(db: Database.Database, now: number, token: string): LockHolder | null {
  db.exec(CREATE);
  const host = hostname();
  return db
    .transaction((): LockHolder | null => {
      const holder = db.prepare(`${HOLDER} AND token <> ?`).get(token) as LockHolder | undefined;
      if (holder && !isStale(holder, now, host)) return holder;
      db.prepare(
        'INSERT OR REPLACE INTO writer_lock (id, pid, host, started_at, heartbeat_at, token) VALUES (1, ?, ?, ?, ?, ?)',
      ).run(process.pid, host, now, now, token);
      return null;
    })
    .immediate();
}

/** Refreshes the holder's heartbeat (nothing when the lock was taken over meanwhile). */
export function refreshWriterLock(db: Database.Database, now: number, token: string): void {
  db.prepare('UPDATE writer_lock SET heartbeat_at = ? WHERE id = 1 AND token = ?').run(now, token);
}

/** Gives the lock up on a clean close. */
export function releaseWriterLock(db: Database.Database, token: string): void {
  db.prepare('DELETE FROM writer_lock WHERE id = 1 AND token = ?').run(token);
}

/** The current holder, for a read-only console's banner. */
export function readWriterLock(db: Database.Database): LockHolder | null {
  try {
    return (db.prepare(HOLDER).get() as LockHolder | undefined) ?? null;
  } catch {
    return null;
  }
}
