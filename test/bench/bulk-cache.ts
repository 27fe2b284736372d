/**
 * Fills a cache with a long, ordered stream of traffic far faster than the writer can, for the
 * benchmarks that need a year of national traffic on disk. It writes exactly the rows the
 * writer would (raw events in blocks with their agency entries, minute and hour rollups,
 * documents, deliveries, deadline counts, security server state and history, stream counters),
 * but: raw events go in huge transactions with a rollback journal (not the WAL) and the
 * deliveries' indexes dropped (rebuilt once at the end),
 * deliveries are drafted in memory for the whole stream and inserted once in key order, and the
 * hourly rollups and deadline counts are derived with set-based SQL afterwards.
 * `test/bench/bulk-cache.test.ts` proves the result identical to the writer's.
 *
 * Limits (it is bench tooling, not an ingest path): a fresh stream with increasing seq, events
 * in time order, traffic types only (no registry events, no unknown types), server states
 * without a latency.
 */
import Database from 'better-sqlite3';
import { agencyOf } from '../../src/store/event-intake.js';
import type { MessageOf, TelemetryMessage } from '../../src/protocol/index.js';
import type { Draft } from '../support/national-traffic.js';
import { AgencyIds } from '../../src/store/agency-ids.js';
import { openCache } from '../../src/store/index.js';
import { packFoldedHours } from '../../src/store/hour-packs.js';
import { COL, ROLLUP_COLUMNS, statusBit } from '../../src/store/rollup-columns.js';
import { draftRow, DRAFT_COLUMNS, type DeliveryDraft } from '../../src/store/delivery-effects.js';
import { EventLog } from '../../src/store/event-log.js';
import { MultiRow } from '../../src/store/multi-row.js';

/** The tables whose secondary indexes are dropped during the load and rebuilt after it. */
const REINDEXED = ['deliveries'];
/** Events per transaction. */
const COMMIT_EVERY = 1_000_000;

export interface BulkLoadResult {
  readonly events: number;
  /** Wall time of the whole load, indexes and derived tables included, ms. */
  readonly ms: number;
}

type TrafficType =
  | 'document.sent'
  | 'document.delivered'
  | 'document.failed'
  | 'status.reported'
  | 'document.replied'
  | 'signature.verified'
  | 'server.heartbeat'
  | 'server.state';
/** A traffic event as drafted (time in ms), numbered by its place in the stream. */
type Traffic = { [T in TrafficType]: { seq: number; ts: number; type: T; data: MessageOf<T>['data'] } }[TrafficType];

/**
 * Opens (creating) the cache at `file`, stores `preamble` (hello, registry snapshot) through the
 * writer, then bulk-loads `traffic` after it, numbered from seq 1 as `toMessages` numbers it.
 * `now` is the clock the writer sees.
 */
export function bulkLoad(
  file: string,
  preamble: readonly TelemetryMessage[],
  traffic: Iterable<readonly Draft[]>,
  now: number,
  log?: (line: string) => void,
): BulkLoadResult {
  const t0 = performance.now();
  const cache = openCache({ path: file, now: () => now });
  cache.applyBatch(preamble);
  cache.close();

  const db = new Database(file);
  try {
    // Out of WAL, so every page is written once, not to the log and again at each checkpoint;
    // a rollback journal only copies pages that existed before, and the load mostly appends.
    db.pragma('journal_mode = DELETE');
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
  private readonly rollups: OrderedRollups;
  private readonly log: EventLog;
  private readonly insertDocument;
  private readonly bumpSends;
  private readonly docIds = new Map<string, number>();
  /** Deliveries per document, indexed by document row id − `firstDoc`. */
  private readonly drafts: DeliveryDraft[][] = [];
  private firstDoc = -1;
  private readonly heartbeats = new Map<string, { ts: number; latencyMs: number }>();
  private readonly states: { seq: number; ts: number; data: MessageOf<'server.state'>['data'] }[] = [];
  private readonly stream: { id: number; lastSeq: number; events: number; newestTs: number | null };

  constructor(private readonly db: Database.Database) {
    this.ids = new AgencyIds(db);
    this.rollups = new OrderedRollups(db);
    this.log = new EventLog(db);
    this.insertDocument = db.prepare(
      'INSERT INTO documents (doc_id, sender, sent_at, reply_by, subject, recipients, stream) VALUES (?, ?, ?, ?, ?, ?, ?)',
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

  load(traffic: Iterable<readonly Draft[]>, log?: (line: string) => void): number {
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
    let seq = this.stream.lastSeq;
    for (const batch of traffic) {
      for (const d of batch) {
        // Whole milliseconds, as the ISO timestamp of the message carries them.
        this.event({ seq: ++seq, ts: Math.trunc(d.ts), type: d.type, data: d.data } as Traffic);
        if (++n % COMMIT_EVERY === 0) {
          this.log.flush();
          this.db.exec('COMMIT');
          this.db.exec('BEGIN');
          log?.(`${n} events, ${Math.round(n / ((performance.now() - t0) / 1000))} events/s`);
        }
      }
    }
    this.rollups.end();
    this.log.flush();
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
    const ts = m.ts;
    const code = agencyOf(m);
    const agency = code === null ? null : this.ids.idOf(code);
    this.log.append(s.id, m.seq, ts, m.type, m.data, agency);
    s.lastSeq = m.seq;
    s.events++;
    if (s.newestTs === null || ts > s.newestTs) s.newestTs = ts;
    const rollups = this.rollups;
    rollups.at(Math.floor(ts / 60_000));
    const count = (a: number, column: number): void => rollups.add(a, column);
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
      case 'signature.verified': {
        // One check per document in the traffic this loader takes: checked, and signed or failed.
        const a = this.ids.idOf(m.data.agency);
        count(a, COL.sigChecked);
        if (m.data.result !== 'valid') count(a, COL.sigFailed);
        if (m.data.result !== 'valid' || m.data.kind !== 'personal') count(a, COL.sig(m.data.result));
        return;
      }
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

  private sent(
    m: Extract<Traffic, { type: 'document.sent' }>,
    ts: number,
    count: (a: number, column: number) => void,
  ): void {
    const d = m.data;
    const sender = this.ids.idOf(d.sender);
    const replyBy = d.replyBy ? Date.parse(d.replyBy) : null;
    let doc = this.docIds.get(d.docId);
    if (doc === undefined) {
      doc = Number(
        this.insertDocument.run(d.docId, sender, ts, replyBy, d.subject ?? null, d.recipients.length, this.stream.id)
          .lastInsertRowid,
      );
      this.docIds.set(d.docId, doc);
      // Sent counts documents, a repeat counts as a duplicate only (docs/FIGURES.md).
      count(sender, COL.sent);
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
    const insert = db.prepare(`INSERT INTO deliveries (${DRAFT_COLUMNS}) VALUES ${MultiRow.placeholders(11, 1)}`);
    for (const list of this.drafts) {
      list.sort((a, b) => a.recipient - b.recipient);
      for (const d of list) insert.run(draftRow(d));
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

    const meta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    const r = this.rollups;
    if (r.newestMinute !== null) meta.run('newest_minute', String(r.newestMinute));
    if (r.foldedUntil !== null) meta.run('hours_compacted_until', String(r.foldedUntil));
    packFoldedHours(db);
    const s = this.stream;
    // Everything is derived here, as the writer derives a batch that is not far behind.
    db.prepare('UPDATE streams SET last_seq = ?, derived_seq = ?, events = ?, newest_ts = ? WHERE id = ?').run(
      s.lastSeq,
      s.lastSeq,
      s.events,
      s.newestTs,
      s.id,
    );
  }
}

/**
 * Minute and hour rollups of a stream in time order: each minute's rows are inserted once the
 * stream has moved past it, each hour's once the writer would have folded it (when the stream
 * reaches two hours later: it folds every hour before the newest one), so every row is a plain
 * append in key order.
 */
class OrderedRollups {
  newestMinute: number | null = null;
  /** The writer's `hours_compacted_until` once it has folded any hour. */
  foldedUntil: number | null = null;
  private firstHour: number | null = null;
  private readonly minute = new Map<number, Float64Array>();
  private readonly hours = new Map<number, Map<number, Float64Array>>();
  private readonly insertMinute;
  private readonly insertHour;

  constructor(db: Database.Database) {
    const cols = ROLLUP_COLUMNS.join(', ');
    const marks = ROLLUP_COLUMNS.map(() => ', ?').join('');
    this.insertMinute = db.prepare(`INSERT INTO rollup_minute (minute, agency, ${cols}) VALUES (?, ?${marks})`);
    this.insertHour = db.prepare(`INSERT INTO rollup_hour (hour, agency, ${cols}) VALUES (?, ?${marks})`);
  }

  /** The minute of the next event; an earlier one than the last is refused. */
  at(minute: number): void {
    const prev = this.newestMinute;
    if (prev === minute) return;
    if (prev !== null && minute < prev)
      throw new Error(`bulk load needs events in time order: minute ${minute} after ${prev}`);
    if (prev !== null) this.closeMinute(prev);
    this.newestMinute = minute;
    const hour = Math.floor(minute / 60);
    for (const h of [...this.hours.keys()]) if (h < hour - 1) this.closeHour(h);
  }

  add(agency: number, column: number): void {
    let row = this.minute.get(agency);
    if (!row) this.minute.set(agency, (row = new Float64Array(ROLLUP_COLUMNS.length)));
    row[column] = row[column]! + 1;
  }

  end(): void {
    if (this.newestMinute === null) return;
    this.closeMinute(this.newestMinute);
    const target = Math.floor(this.newestMinute / 60) - 1;
    for (const h of [...this.hours.keys()]) if (h < target) this.closeHour(h);
    if (this.firstHour !== null && target > this.firstHour) this.foldedUntil = target;
  }

  private closeMinute(minute: number): void {
    if (this.minute.size === 0) return;
    const hour = Math.floor(minute / 60);
    this.firstHour ??= hour;
    let sums = this.hours.get(hour);
    if (!sums) this.hours.set(hour, (sums = new Map()));
    for (const agency of [...this.minute.keys()].sort((a, b) => a - b)) {
      const row = this.minute.get(agency)!;
      this.insertMinute.run(minute, agency, ...row);
      const sum = sums.get(agency);
      if (sum) for (let c = 0; c < row.length; c++) sum[c] = sum[c]! + row[c]!;
      else sums.set(agency, row);
    }
    this.minute.clear();
  }

  /** Writes an hour's sums, as the writer's fold would. */
  private closeHour(hour: number): void {
    const sums = this.hours.get(hour)!;
    this.hours.delete(hour);
    for (const agency of [...sums.keys()].sort((a, b) => a - b))
      this.insertHour.run(hour, agency, ...sums.get(agency)!);
  }
}
