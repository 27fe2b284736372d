/**
 * The gateway's SQLite file: events numbered in one epoch, a cursor per server, what was published, what was set
 * aside. A page, its events and the new cursor go in one transaction: a stop neither loses nor repeats a record.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { eventText } from '../sim/iso-time.js';
import type { PendingEvent } from './exchange-events.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursors (server TEXT PRIMARY KEY, records_from INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS exchanges (key TEXT PRIMARY KEY, t INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, t INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exchanges_t ON exchanges (t);
CREATE INDEX IF NOT EXISTS documents_t ON documents (t);
CREATE TABLE IF NOT EXISTS set_aside (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, server TEXT NOT NULL, reason TEXT NOT NULL, raw TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
`;

/** A durable event as served: its number and its serialized message. */
export interface StoredEvent {
  readonly seq: number;
  readonly text: string;
}

/** What one page of a server's records changes, written at once. */
export interface PageCommit {
  readonly server: string;
  /** The server's cursor after this page (seconds). */
  readonly recordsFrom: number;
  /** Exchanges of this page with their events; one already held is skipped whole. */
  readonly exchanges: readonly { key: string; t: number; docId?: string; events: readonly PendingEvent[] }[];
  readonly setAside: readonly { reason: string; raw: string }[];
  readonly counters: Readonly<Record<string, number>>;
}

export class EventStore {
  private readonly db: Database.Database;
  readonly epoch: string;
  private newest: number;
  private readonly insertEvent: Database.Statement;
  private readonly findDocument: Database.Statement;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.insertEvent = this.db.prepare('INSERT INTO events (seq, text) VALUES (?, ?)');
    this.findDocument = this.db.prepare('SELECT 1 FROM documents WHERE doc_id = ?');
    const epoch = this.meta('epoch');
    this.epoch = epoch ?? `gw-${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
    if (!epoch) this.setMeta('epoch', this.epoch);
    const { s } = this.db.prepare('SELECT max(seq) AS s FROM events').get() as { s: number | null };
    // Trimming may have emptied the table; numbering still goes on from the last seq given.
    this.newest = Math.max(s ?? 0, Number(this.meta('newest_seq') ?? 0));
  }

  get newestSeq(): number {
    return this.newest;
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  /** The last `limit` events, oldest first. */
  recent(limit: number): StoredEvent[] {
    const rows = this.db.prepare('SELECT seq, text FROM events ORDER BY seq DESC LIMIT ?').all(limit);
    return (rows as StoredEvent[]).reverse();
  }

  cursor(server: string): number | undefined {
    const row = this.db.prepare('SELECT records_from AS f FROM cursors WHERE server = ?').get(server);
    return (row as { f: number } | undefined)?.f;
  }

  hasDocument(docId: string): boolean {
    return this.findDocument.get(docId) !== undefined;
  }

  /** The counters, and how many records are set aside. */
  counters(): Record<string, number> {
    const rows = this.db.prepare('SELECT name, n FROM counters').all() as { name: string; n: number }[];
    const { n } = this.db.prepare('SELECT count(*) AS n FROM set_aside').get() as { n: number };
    return { ...Object.fromEntries(rows.map((r) => [r.name, r.n])), set_aside: n };
  }

  private number(events: readonly PendingEvent[], out: StoredEvent[]): void {
    for (const e of events) {
      const seq = ++this.newest;
      const text = eventText(seq, e.t, e.type, e.data);
      this.insertEvent.run(seq, text);
      out.push({ seq, text });
    }
  }

  /** Numbers and stores events that stand alone (registry changes, server states). */
  append(events: readonly PendingEvent[], meta: Readonly<Record<string, string>>): StoredEvent[] {
    return this.numbering((out) => {
      this.number(events, out);
      for (const [k, v] of Object.entries(meta)) this.setMeta(k, v);
    });
  }

  /** Runs `write` in one transaction that saves the newest seq; returns what it numbered, or takes the numbers back. */
  private numbering(write: (out: StoredEvent[]) => void): StoredEvent[] {
    const before = this.newest;
    const out: StoredEvent[] = [];
    try {
      this.db.transaction(() => {
        write(out);
        this.setMeta('newest_seq', String(this.newest));
      })();
      return out;
    } catch (err) {
      this.newest = before;
      throw err;
    }
  }

  /** Writes one page: new exchanges' events, set-aside records, counters and the cursor. */
  commitPage(page: PageCommit): StoredEvent[] {
    let duplicates = 0;
    const addExchange = this.db.prepare('INSERT OR IGNORE INTO exchanges (key, t) VALUES (?, ?)');
    const addDocument = this.db.prepare('INSERT OR IGNORE INTO documents (doc_id, t) VALUES (?, ?)');
    const aside = this.db.prepare('INSERT INTO set_aside (at, server, reason, raw) VALUES (?, ?, ?, ?)');
    const count = this.db.prepare(
      'INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n',
    );
    return this.numbering((out) => {
      for (const x of page.exchanges) {
        if (addExchange.run(x.key, x.t).changes === 0) duplicates++;
        else {
          if (x.docId) addDocument.run(x.docId, x.t);
          this.number(x.events, out);
        }
      }
      const now = Date.now();
      for (const r of page.setAside) aside.run(now, page.server, r.reason, r.raw);
      for (const [name, n] of Object.entries(page.counters)) if (n) count.run(name, n);
      if (duplicates) count.run('duplicate_records', duplicates);
      this.db
        .prepare('INSERT OR REPLACE INTO cursors (server, records_from) VALUES (?, ?)')
        .run(page.server, page.recordsFrom);
    });
  }

  /** Keeps the newest `keepEvents` events and the exchanges of the last `keepMs`. */
  trim(keepEvents: number, keepMs: number): void {
    const before = Date.now() - keepMs;
    this.db.prepare('DELETE FROM events WHERE seq <= ?').run(this.newest - keepEvents);
    this.db.prepare('DELETE FROM exchanges WHERE t < ?').run(before);
    this.db.prepare('DELETE FROM documents WHERE t < ?').run(before);
  }

  close(): void {
    this.db.close();
  }
}
