import type Database from 'better-sqlite3';
import type { MessageOf } from '../protocol/index.js';

/** What the hub said of itself, kept in `meta`: version, what it omits, newest seq, last reset, epoch change. */
export class HubSession {
  private readonly setMeta;
  private readonly savedNewest;
  /** The hub's newest seq, as its latest hello or heartbeat said. */
  newest = 0;

  constructor(db: Database.Database) {
    this.setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.savedNewest = db.prepare("SELECT value FROM meta WHERE key = 'hub_newest_seq'").pluck();
    this.reload();
  }

  hello(m: MessageOf<'hello'>): void {
    this.setMeta.run('hub_version', m.data.hubVersion);
    this.setMeta.run('hub_not_reported', JSON.stringify(m.data.notReported ?? []));
    this.heartbeat(m.data.newestSeq);
  }

  heartbeat(newestSeq: number): void {
    this.setMeta.run('hub_newest_seq', String(newestSeq));
    this.newest = newestSeq;
  }

  reset(m: MessageOf<'reset'>, at: number): void {
    this.setMeta.run('last_reset', JSON.stringify({ at, ...m.data }));
  }

  /** A new epoch began at `at`, ending `ended` open items of the earlier ones. */
  epochChanged(at: number, from: string, to: string, ended: unknown): void {
    this.setMeta.run('epoch_change', JSON.stringify({ at, from, to, ended }));
  }

  /** After a rolled-back transaction. */
  reload(): void {
    this.newest = Number(this.savedNewest.get() ?? 0);
  }
}
