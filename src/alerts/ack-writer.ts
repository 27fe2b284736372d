/** Who acknowledges an alert, and where the acknowledgement is written. */
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { openAlertStore, type AlertStore } from './persist.js';

/** The OS user name, as the acknowledgement records it; never throws (containers may lack one). */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}

/**
 * Where acknowledgements are written: the engine's store when it writes the cache, else a connection of its own
 * waiting up to `busyMs` for the ingesting console; null without a cache file (kept in memory).
 */
export function ackWriter(
  db: Database.Database | null,
  own: AlertStore | null,
  busyMs: number,
): { recordAck: AlertStore['recordAck'] } | null {
  if (own !== null) return own;
  if (db === null || db.memory || db.name === '') return null;
  let store: AlertStore | null = null;
  return {
    recordAck(state) {
      if (store === null) {
        const handle = new BetterSqlite3(db.name, { fileMustExist: true });
        handle.pragma(`busy_timeout = ${Math.max(0, Math.round(busyMs))}`);
        store = openAlertStore(handle);
      }
      return store.recordAck(state);
    },
  };
}
