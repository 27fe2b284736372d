import type Database from 'better-sqlite3';
import type { MessageOf } from '../protocol/index.js';
import { Prepared } from './multi-row.js';

/** One history of one hub, a (hubId, epoch) pair: seqs are only compared within a stream. */
export interface StreamState {
  readonly id: number;
  readonly hubId: string;
  readonly epoch: string;
  hubName: string | null;
  /** Highest seq stored in this stream (0 before the first event). */
  lastSeq: number;
  /** Every stored event up to this seq has its documents, deliveries, deadlines and agency entry written. */
  derivedSeq: number;
  events: number;
  /** Latest event time stored, never past the receipt of its batch. */
  newestTs: number | null;
}

/** Identity of a stream as the hub names it in `hello`. */
export type HubIdentity = Pick<StreamState, 'hubId' | 'epoch'>;

/** The streams of a cache file, mirrored in memory, and what the hub said of itself, kept in `meta`. */
export class Streams extends Prepared {
  private readonly byKey = new Map<string, StreamState>();
  /** The stream events are written to now: the latest hello's. */
  current: StreamState | null = null;
  /** The hub's newest seq, as its latest hello or heartbeat said. */
  newest = 0;
  private readonly readHubId = this.db.prepare<[], string>("SELECT value FROM meta WHERE key = 'hub_id'").pluck();
  private readonly saveCounters = this.db.prepare<[number, number, number, number | null, number]>(
    'UPDATE streams SET last_seq = ?, derived_seq = ?, events = ?, newest_ts = ? WHERE id = ?',
  );
  private readonly setMeta = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  private readonly savedNewest = this.db.prepare("SELECT value FROM meta WHERE key = 'hub_newest_seq'").pluck();

  constructor(
    db: Database.Database,
    /** The cache file, for the refusal of another hub's history. */
    private readonly path = '',
  ) {
    super(db);
    this.reload();
  }

  /** Reads the file again (another console wrote it, or a transaction rolled back). */
  reload(): void {
    this.newest = Number(this.savedNewest.get() ?? 0);
    this.byKey.clear();
    const rows = this.db.prepare<[], StreamState>(
      `SELECT id, hub_id AS hubId, epoch, hub_name AS hubName, last_seq AS lastSeq, derived_seq AS derivedSeq,
         events, newest_ts AS newestTs FROM streams`,
    );
    for (const s of rows.all()) this.byKey.set(key(s), s);
    const cur = this.db.prepare("SELECT value FROM meta WHERE key = 'current_stream'").pluck().get() as
      string | undefined;
    this.current = [...this.byKey.values()].find((s) => String(s.id) === cur) ?? null;
  }

  /** The hub this file belongs to (the first hello's), if any. */
  hubId(): string | null {
    return this.readHubId.get() ?? null;
  }

  find(identity: HubIdentity): StreamState | undefined {
    return this.byKey.get(key(identity));
  }

  /** Makes `identity` the current stream, creating it if new (inside a write transaction). */
  select(identity: HubIdentity, hubName: string | null, now: number): StreamState {
    const owner = this.hubId();
    // The cache file belongs to another hub: its history must not be mixed with this one's.
    if (owner !== null && owner !== identity.hubId)
      throw new Error(
        `cache ${this.path} holds the history of hub "${owner}", but this hub says it is "${identity.hubId}"; use another cache file`,
      );
    if (owner === null) this.db.prepare("INSERT INTO meta (key, value) VALUES ('hub_id', ?)").run(identity.hubId);
    let stream = this.find(identity);
    if (!stream) {
      const id = this.db
        .prepare('INSERT INTO streams (hub_id, epoch, hub_name, first_seen) VALUES (?, ?, ?, ?) RETURNING id')
        .pluck()
        .get(identity.hubId, identity.epoch, hubName, now) as number;
      const { hubId, epoch } = identity;
      stream = { id, hubId, epoch, hubName, lastSeq: 0, derivedSeq: 0, events: 0, newestTs: null };
      this.byKey.set(key(identity), stream);
    } else if (hubName !== null && hubName !== stream.hubName) {
      stream.hubName = hubName;
      this.db.prepare('UPDATE streams SET hub_name = ? WHERE id = ?').run(hubName, stream.id);
    }
    if (this.current?.id !== stream.id) {
      this.setMeta.run('current_stream', String(stream.id));
      this.current = stream;
    }
    return stream;
  }

  /** The oldest stream whose documents are not all derived: histories are derived in the order received. */
  lagging(): StreamState | undefined {
    let oldest: StreamState | undefined;
    for (const s of this.byKey.values()) if (s.derivedSeq < s.lastSeq && (!oldest || s.id < oldest.id)) oldest = s;
    return oldest;
  }

  /** Seqs of all streams whose documents are still to be derived. */
  behind(): number {
    return [...this.byKey.values()].reduce((n, s) => n + s.lastSeq - s.derivedSeq, 0);
  }

  save(stream: StreamState): void {
    this.saveCounters.run(stream.lastSeq, stream.derivedSeq, stream.events, stream.newestTs, stream.id);
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
}

const key = (s: HubIdentity): string => `${s.hubId}\u0000${s.epoch}`;
