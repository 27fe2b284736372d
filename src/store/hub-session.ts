import type Database from 'better-sqlite3';
import type { MessageOf } from '../protocol/index.js';
import { Prepared } from './prepared.js';

/** What the hub said of itself, kept in `meta`: version, what it omits, newest seq, last reset, epoch change. */
export class HubSession extends Prepared {
  private readonly setMeta = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  private readonly savedNewest = this.db.prepare("SELECT value FROM meta WHERE key = 'hub_newest_seq'").pluck();
  /** The hub's newest seq, as its latest hello or heartbeat said. */
  newest = 0;

  constructor(db: Database.Database) {
    super(db);
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
