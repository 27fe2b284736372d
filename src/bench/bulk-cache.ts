/**
 * Fills a cache with a long, ordered stream of traffic far faster than the writer can, for the
 * benchmarks that need a year of national traffic on disk. It writes exactly the rows the
 * writer would (raw events with their keys, minute and hour rollups, documents, deliveries,
 * deadline counts, security server state and history, stream counters), but: raw events go in
 * huge transactions with no journal and the secondary indexes dropped (rebuilt once at the end),
 * deliveries are drafted in memory for the whole stream and inserted once in key order, and the
 * hourly rollups and deadline counts are derived with set-based SQL afterwards.
 * `test/bench/bulk-cache.test.ts` proves the result identical to the writer's.
 *
 * Limits (it is bench tooling, not an ingest path): a fresh stream with increasing seq, events
 * in time order, traffic types only (no registry events, no unknown types), server states
 * without a latency.
 */
import Database from 'better-sqlite3';
import type { MessageOf, TelemetryMessage } from '../protocol/index.js';
import { AgencyIds } from '../store/agency-ids.js';
import { openCache } from '../store/index.js';
import { RollupAccumulator } from '../store/rollup-accumulator.js';
import { COL, ROLLUP_COLUMNS, statusBit } from '../store/rollup-columns.js';
import type { DeliveryDraft } from '../store/delivery-drafts.js';

/** The tables whose secondary indexes are dropped during the load and rebuilt after it. */
const REINDEXED = ['events', 'deliveries'];
/** Events per transaction. */
const COMMIT_EVERY = 1_000_000;
/** Minute rollup rows held in memory before they are upserted. */
const FLUSH_ROWS = 500_000;

export interface BulkLoadResult {
  readonly events: number;
  /** Wall time of the whole load, indexes and derived tables included, ms. */
  readonly ms: number;
}

type Traffic = MessageOf<
  | 'document.sent'
  | 'document.delivered'
  | 'document.failed'
  | 'status.reported'
  | 'document.replied'
  | 'signature.verified'
  | 'server.heartbeat'
  | 'server.state'
>;

/**
 * Opens (creating) the cache at `file`, stores `preamble` (hello, registry snapshot) through the
 * writer, then bulk-loads every batch of `traffic` after it. `now` is the clock the writer sees.
 */
export function bulkLoad(
  file: string,
  preamble: readonly TelemetryMessage[],
  traffic: Iterable<readonly TelemetryMessage[]>,
  now: number,
  log?: (line: string) => void,
): BulkLoadResult {
  const t0 = performance.now();
  const cache = openCache({ path: file, now: () => now });
  cache.applyBatch(preamble);
  cache.close();

  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1048576');
    const events = new BulkLoader(db).load(traffic, log);
    db.pragma('journal_mode = WAL');
    return { events, ms: performance.now() - t0 };
  } finally {
    db.close();
  }
}

class BulkLoader {
  private readonly ids: AgencyIds;
  private readonly minutes: RollupAccumulator;
  private readonly insertEvent;
  private readonly insertDocument;
  private readonly bumpSends;
  private readonly docIds = new Map<string, number>();
  /** Deliveries per document, indexed by document row id − `firstDoc`. */
  private readonly drafts: DeliveryDraft[][] = [];
  private firstDoc = -1;
  private readonly heartbeats = new Map<string, { ts: number; latencyMs: number }>();
  private readonly states: { seq: number; ts: number; data: MessageOf<'server.state'>['data'] }[] = [];
  private readonly stream: { id: number; lastSeq: number; events: number; newestTs: number | null };
  private newestMinute: number | null = null;
  private oldestCounted: number | null = null;

  constructor(private readonly db: Database.Database) {
    this.ids = new AgencyIds(db, true);
    this.minutes = new RollupAccumulator(db, 'rollup_minute', 'minute');
    this.insertEvent = db.prepare('INSERT INTO events (stream, seq, ts, type, agency, data) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertDocument = db.prepare(
      'INSERT INTO documents (doc_id, sender, sent_at, reply_by, subject, recipients) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.bumpSends = db.prepare('UPDATE documents SET sends = sends + 1 WHERE id = ?');
    const row = db
      .prepare(
        `SELECT id, last_seq, events, newest_ts FROM streams
         WHERE id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_stream')`,
      )
      .raw()
      .get() as [number, number, number, number | null] | undefined;
    if (!row) throw new Error('bulk load needs a hello in the preamble');
    this.stream = { id: row[0], lastSeq: row[1], events: row[2], newestTs: row[3] };
  }

  load(traffic: Iterable<readonly TelemetryMessage[]>, log?: (line: string) => void): number {
    const indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${REINDEXED.map((t) => `'${t}'`).join(', ')})`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) this.db.exec(`DROP INDEX ${i.name}`);
    const t0 = performance.now();
    let n = 0;
    this.db.exec('BEGIN');
    for (const batch of traffic) {
      for (const m of batch) {
        this.event(m as Traffic);
        if (++n % COMMIT_EVERY === 0) {
          this.db.exec('COMMIT');
          this.db.exec('BEGIN');
          log?.(`${n} events, ${Math.round(n / ((performance.now() - t0) / 1000))} events/s`);
        }
      }
      if (this.minutes.size > FLUSH_ROWS) this.minutes.flush();
    }
    this.minutes.flush();
    this.db.exec('COMMIT');
    log?.(`${n} events stored; deriving tables`);
    this.db.transaction(() => this.derive())();
    for (const i of indexes) this.db.exec(i.sql);
    log?.(`indexes rebuilt after ${Math.round((performance.now() - t0) / 1000)} s`);
    return n;
  }

  private event(m: Traffic): void {
    const s = this.stream;
    if (m.seq <= s.lastSeq) throw new Error(`bulk load needs increasing seq: ${m.seq} after ${s.lastSeq}`);
    const ts = Date.parse(m.ts);
    const code = agencyOf(m);
    const agency = code === null ? null : this.ids.idOf(code);
    this.insertEvent.run(s.id, m.seq, ts, m.type, agency, JSON.stringify(m.data) ?? 'null');
    s.lastSeq = m.seq;
    s.events++;
    if (s.newestTs === null || ts > s.newestTs) s.newestTs = ts;
    const minute = Math.floor(ts / 60_000);
    if (this.newestMinute === null || minute > this.newestMinute) this.newestMinute = minute;
    const count = (a: number, column: number): void => {
      this.minutes.add(minute, a, column);
      if (this.oldestCounted === null || minute < this.oldestCounted) this.oldestCounted = minute;
    };
    switch (m.type) {
      case 'document.sent':
        return this.sent(m, ts, count);
      case 'document.delivered': {
        const r = this.ids.idOf(m.data.recipient);
        count(r, COL.received);
        const d = this.draft(m.data.docId, r);
        if (d) d.deliveredAt ??= ts;
        return;
      }
      case 'document.failed': {
        const r = this.ids.idOf(m.data.recipient);
        count(r, COL.fail(m.data.reason));
        const d = this.draft(m.data.docId, r);
        if (d) {
          d.failedAt ??= ts;
          d.failReason ??= m.data.reason;
        }
        return;
      }
      case 'status.reported': {
        const a = this.ids.idOf(m.data.agency);
        count(a, COL.status(m.data.code));
        const d = this.draft(m.data.docId, a);
        if (d) {
          d.statuses |= statusBit(m.data.code);
          if (m.data.code === '01') d.arrivedAt ??= ts;
          if (m.data.code === '03') d.acceptedAt ??= ts;
        }
        return;
      }
      case 'document.replied': {
        const a = this.ids.idOf(m.data.agency);
        count(a, COL.replied);
        const d = this.draft(m.data.docId, a);
        if (d && d.replyBy !== null && d.answeredAt === null) d.answeredAt = ts;
        return;
      }
      case 'signature.verified':
        return count(this.ids.idOf(m.data.agency), COL.sig(m.data.result));
      case 'server.heartbeat': {
        const prev = this.heartbeats.get(m.data.serverId);
        if (!prev || prev.ts <= ts) this.heartbeats.set(m.data.serverId, { ts, latencyMs: m.data.latencyMs });
        return;
      }
      case 'server.state':
        if (m.data.latencyMs !== undefined) throw new Error('bulk load takes server states without a latency');
        this.states.push({ seq: m.seq, ts, data: m.data });
        return;
      default:
        throw new Error(`bulk load does not take ${(m as { type: string }).type} events`);
    }
  }

  private sent(m: MessageOf<'document.sent'>, ts: number, count: (a: number, column: number) => void): void {
    const d = m.data;
    const sender = this.ids.idOf(d.sender);
    count(sender, COL.sent);
    const replyBy = d.replyBy ? Date.parse(d.replyBy) : null;
    let doc = this.docIds.get(d.docId);
    if (doc === undefined) {
      doc = Number(
        this.insertDocument.run(d.docId, sender, ts, replyBy, d.subject ?? null, d.recipients.length).lastInsertRowid,
      );
      this.docIds.set(d.docId, doc);
      if (this.firstDoc < 0) this.firstDoc = doc;
      this.drafts[doc - this.firstDoc] = [];
    } else {
      this.bumpSends.run(doc);
      count(sender, COL.dupSent);
    }
    const list = this.drafts[doc - this.firstDoc]!;
    for (const code of d.recipients) {
      const recipient = this.ids.idOf(code);
      if (list.some((x) => x.recipient === recipient)) continue;
      list.push({
        doc,
        recipient,
        sentAt: ts,
        replyBy,
        deliveredAt: null,
        failedAt: null,
        failReason: null,
        statuses: 0,
        arrivedAt: null,
        acceptedAt: null,
        answeredAt: null,
      });
    }
  }

  private draft(docId: string, recipient: number): DeliveryDraft | undefined {
    const doc = this.docIds.get(docId);
    if (doc === undefined) return undefined;
    return this.drafts[doc - this.firstDoc]!.find((x) => x.recipient === recipient);
  }

  /** Deliveries, deadline counts, server state, hourly rollups and the stream's counters. */
  private derive(): void {
    const db = this.db;
    const insert = db.prepare(
      `INSERT INTO deliveries (doc, recipient, sent_at, reply_by, delivered_at, failed_at, fail_reason, statuses,
         arrived_at, accepted_at, answered_at)
       VALUES (@doc, @recipient, @sentAt, @replyBy, @deliveredAt, @failedAt, @failReason, @statuses, @arrivedAt, @acceptedAt, @answeredAt)`,
    );
    for (const list of this.drafts) {
      list.sort((a, b) => a.recipient - b.recipient);
      for (const d of list) insert.run(d);
    }
    this.drafts.length = 0;
    db.exec(
      `INSERT INTO deadline_counts (agency, on_time, late, open, oldest_open)
       SELECT recipient, sum(coalesce(answered_at <= reply_by, 0)), sum(coalesce(answered_at > reply_by, 0)),
         sum(answered_at IS NULL),
         min(CASE WHEN answered_at IS NULL THEN reply_by END)
       FROM deliveries WHERE reply_by IS NOT NULL GROUP BY recipient`,
    );

    const touch = db.prepare(
      `INSERT INTO servers (id, last_heartbeat, latency_ms) VALUES (@id, @ts, @latency)
       ON CONFLICT (id) DO UPDATE SET last_heartbeat = @ts, latency_ms = @latency
       WHERE last_heartbeat IS NULL OR last_heartbeat <= @ts`,
    );
    for (const [id, hb] of this.heartbeats) touch.run({ id, ts: hb.ts, latency: hb.latencyMs });
    const last = db
      .prepare<[string, number], string>(
        'SELECT to_state FROM server_transitions WHERE server = ? AND at <= ? ORDER BY at DESC LIMIT 1',
      )
      .pluck();
    const transition = db.prepare(
      `INSERT OR IGNORE INTO server_transitions (server, at, stream, seq, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const setState = db.prepare(
      `INSERT INTO servers (id, state, since) VALUES (@id, @state, @since)
       ON CONFLICT (id) DO UPDATE SET state = @state, since = @since WHERE since IS NULL OR since <= @since`,
    );
    for (const { seq, ts, data } of this.states) {
      const from = last.get(data.serverId, ts) ?? 'unknown';
      if (from === data.state) continue;
      transition.run(data.serverId, ts, this.stream.id, seq, from, data.state, data.reason ?? null);
      setState.run({ id: data.serverId, state: data.state, since: ts });
    }

    // The writer folds every hour that is over (one hour of slack) into rollup_hour once a
    // batch reaches past it, starting from the hour of the oldest counted minute.
    const meta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    if (this.newestMinute !== null) {
      meta.run('newest_minute', String(this.newestMinute));
      const target = Math.floor(this.newestMinute / 60) - 1;
      if (this.oldestCounted !== null && target > Math.floor(this.oldestCounted / 60)) {
        const cols = ROLLUP_COLUMNS.join(', ');
        db.prepare(
          `INSERT INTO rollup_hour (hour, agency, ${cols})
           SELECT minute / 60 AS h, agency, ${ROLLUP_COLUMNS.map((c) => `sum(${c})`).join(', ')}
           FROM rollup_minute WHERE minute < ? GROUP BY h, agency ORDER BY h, agency`,
        ).run(target * 60);
        meta.run('hours_compacted_until', String(target));
      }
    }
    const s = this.stream;
    db.prepare('UPDATE streams SET last_seq = ?, events = ?, newest_ts = ? WHERE id = ?').run(
      s.lastSeq,
      s.events,
      s.newestTs,
      s.id,
    );
  }
}

/** The agency an event is filed under, as the writer files it. */
function agencyOf(m: Traffic): string | null {
  switch (m.type) {
    case 'document.sent':
      return m.data.sender;
    case 'document.delivered':
    case 'document.failed':
      return m.data.recipient;
    case 'status.reported':
    case 'document.replied':
    case 'signature.verified':
      return m.data.agency;
    default:
      return null;
  }
}
