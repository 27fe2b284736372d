import type Database from 'better-sqlite3';
import { instantMs, type MessageOf } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import type { RollupAccumulator } from './rollup-accumulator.js';
import { COL, statusBit } from './rollup-columns.js';
import type { RegistryWriter } from './registry-writer.js';
import { DeliveryDrafts } from './delivery-drafts.js';
import { DELIVERY, DOC, DocMarks, FIRST, REPEAT } from './doc-marks.js';
import { HistoryEnd } from './history-end.js';
import { AGENCY_ID_LIMIT } from './agency-ids.js';

/** A durable event the cache derives state from, with its time already parsed. */
type Effecting<T extends keyof EffectHandlers> = MessageOf<T>;

interface EffectHandlers {
  'document.sent': void;
  'document.delivered': void;
  'document.failed': void;
  'status.reported': void;
  'document.replied': void;
  'signature.verified': void;
  'server.heartbeat': void;
  'server.state': void;
  'agency.upsert': void;
  'agency.removed': void;
  'server.upsert': void;
}

/** Events with rollup counts. */
export type Counted =
  | 'document.sent'
  | 'document.delivered'
  | 'document.failed'
  | 'status.reported'
  | 'document.replied'
  | 'signature.verified';

/** Events that change documents, deliveries and deadlines: derived in seq order. */
export type Derived = Exclude<Counted, 'signature.verified'>;

export const DERIVED: ReadonlySet<string> = new Set<Derived>([
  'document.sent',
  'document.delivered',
  'document.failed',
  'status.reported',
  'document.replied',
]);

/** Recent documents whose row id is kept in memory; older ones are looked up (about 100 B each). */
const DOC_CACHE_SIZE = 200_000;

/** The earlier of a time kept (if any) and a new one. */
const earliest = (kept: number | null, ts: number): number => (kept === null || ts < kept ? ts : kept);

/** The minute an event counts in. */
export const minuteOf = (ts: number): number => Math.floor(ts / 60_000);

/**
 * Turns each newly stored event into rollup counts (`count`), derived rows (`derive`:
 * documents, deliveries, deadlines) and server state. Each is called once per event, only when
 * its insert actually happened, so a replayed event changes nothing; `derive` in seq order.
 */
export class EventEffects {
  private readonly upsertDocument;
  private readonly insertDeliveries;
  private readonly markDelivered;
  private readonly markFailed;
  private readonly markStatus;
  private readonly markAnswered;
  private readonly answerOf;
  private readonly earlierSend;
  private readonly holdEvent;
  private readonly heldFor;
  private readonly dropHeld;
  private readonly countHeld;
  private readonly openDeadlinesOf;
  /** Follow-ups held for documents not sent yet (`held_events`): none, no lookup per document. */
  private held: number;
  private readonly deadlineCount;
  private readonly lastTransition;
  private readonly insertTransition;
  private readonly setServerState;
  private readonly touchHeartbeat;
  /** Per batch: newest heartbeat per server, written once at the end. */
  private readonly heartbeats = new Map<string, { ts: number; latencyMs: number }>();
  /** Per batch and agency: [answered on time, answered late, opened, oldest reply-by opened]. */
  private readonly deadlines = new Map<number, [number, number, number, number | null]>();
  private readonly oldestOpen;
  /**
   * Document id → row id of documents sent lately: deliveries, statuses and replies follow their
   * document within hours or days, so most lookups skip the text index. Bounded; emptied on
   * rollback, since an id from an undone transaction would point at nothing.
   */
  private readonly docRows = new Map<string, number>();
  private readonly findDocument;
  private readonly drafts: DeliveryDrafts;
  private readonly marks: DocMarks;
  /** The party offset of the current event's history in `doc_marks`. */
  private history = 0;
  private readonly ending: HistoryEnd;
  private readonly adoptDocument;

  constructor(
    db: Database.Database,
    private readonly agencies: AgencyIds,
    private readonly minutes: RollupAccumulator,
    private readonly registry: RegistryWriter,
  ) {
    this.upsertDocument = db.prepare<
      [string, number, number, number | null, string | null, number, number],
      { id: number; sends: number }
    >(
      `INSERT INTO documents (doc_id, sender, sent_at, reply_by, subject, recipients, stream) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET sends = sends + 1, sent_at = min(sent_at, excluded.sent_at)
         WHERE stream IS excluded.stream
       RETURNING id, sends`,
    );
    this.insertDeliveries = db.prepare<[number, number, number | null, string], number>(
      `INSERT OR IGNORE INTO deliveries (doc, sent_at, reply_by, recipient)
       SELECT ?, ?, ?, value FROM json_each(?) RETURNING recipient`,
    );
    this.oldestOpen = db.prepare(
      `UPDATE deadline_counts SET oldest_open = (SELECT min(reply_by) FROM deliveries INDEXED BY deliveries_open_deadline
         WHERE recipient = @agency AND reply_by IS NOT NULL AND answered_at IS NULL) WHERE agency = @agency`,
    );
    this.findDocument = db.prepare<[string], number>('SELECT id FROM documents WHERE doc_id = ?').pluck();
    this.drafts = new DeliveryDrafts(db);
    this.marks = new DocMarks(db);
    this.ending = new HistoryEnd(db);
    this.adoptDocument = db.prepare(
      `UPDATE documents SET stream = @stream, sender = @sender, sent_at = @ts, reply_by = @replyBy, subject = @subject,
         recipients = @recipients, sends = 1 WHERE id = @id`,
    );
    this.openDeadlinesOf = db
      .prepare<[number], number>(
        'SELECT recipient FROM deliveries WHERE doc = ? AND reply_by IS NOT NULL AND answered_at IS NULL',
      )
      .pluck();
    // Every time kept is the earliest one, so that the order events are stored in does not matter.
    this.markDelivered = db.prepare(
      `UPDATE deliveries SET delivered_at = @ts WHERE doc = @doc AND recipient = @recipient
         AND (delivered_at IS NULL OR delivered_at > @ts)`,
    );
    this.markFailed = db.prepare(
      `UPDATE deliveries SET failed_at = @ts, fail_reason = @reason WHERE doc = @doc AND recipient = @recipient
         AND (failed_at IS NULL OR failed_at > @ts OR (failed_at = @ts AND fail_reason > @reason))`,
    );
    this.earlierSend = db.prepare<[number, number, number]>(
      'UPDATE deliveries SET sent_at = ? WHERE doc = ? AND sent_at > ?',
    );
    this.holdEvent = db.prepare<[string, number, number, number, string, string]>(
      'INSERT OR IGNORE INTO held_events (doc_id, stream, seq, ts, type, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.heldFor = db.prepare<[string], { stream: number; seq: number; ts: number; type: string; data: string }>(
      'SELECT stream, seq, ts, type, data FROM held_events WHERE doc_id = ? ORDER BY stream, seq',
    );
    this.dropHeld = db.prepare<[string]>('DELETE FROM held_events WHERE doc_id = ?');
    this.countHeld = db.prepare<[], number>('SELECT count(*) FROM held_events').pluck();
    this.held = this.countHeld.get()!;
    // Positional parameters: binding them costs less than reading an object's named fields.
    this.markStatus = db.prepare<[number, number | null, number | null, number | null, number | null, number, number]>(
      `UPDATE deliveries SET statuses = statuses | ?,
         arrived_at = min(coalesce(arrived_at, ?), coalesce(?, arrived_at)),
         accepted_at = min(coalesce(accepted_at, ?), coalesce(?, accepted_at))
       WHERE doc = ? AND recipient = ?`,
    );
    this.answerOf = db.prepare<[number, number], { reply_by: number | null; answered_at: number | null }>(
      'SELECT reply_by, answered_at FROM deliveries WHERE doc = ? AND recipient = ?',
    );
    this.markAnswered = db.prepare<[number, number, number]>(
      'UPDATE deliveries SET answered_at = ? WHERE doc = ? AND recipient = ?',
    );
    this.deadlineCount = db.prepare(
      `INSERT INTO deadline_counts (agency, on_time, late, open, oldest_open)
         VALUES (@agency, @onTime, @late, @net, @oldest)
       ON CONFLICT (agency) DO UPDATE SET on_time = on_time + excluded.on_time, late = late + excluded.late,
         open = open + excluded.open,
         oldest_open = min(coalesce(oldest_open, excluded.oldest_open), coalesce(excluded.oldest_open, oldest_open))`,
    );
    this.lastTransition = db
      .prepare<[string, number], string>(
        'SELECT to_state FROM server_transitions WHERE server = ? AND at <= ? ORDER BY at DESC LIMIT 1',
      )
      .pluck();
    this.insertTransition = db.prepare(
      `INSERT OR IGNORE INTO server_transitions (server, at, stream, seq, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.setServerState = db.prepare(
      `INSERT INTO servers (id, state, since, latency_ms) VALUES (@id, @state, @since, @latency)
       ON CONFLICT (id) DO UPDATE SET state = @state, since = @since, latency_ms = coalesce(@latency, latency_ms)
       WHERE since IS NULL OR since <= @since`,
    );
    this.touchHeartbeat = db.prepare(
      `INSERT INTO servers (id, last_heartbeat, latency_ms) VALUES (@id, @ts, @latency)
       ON CONFLICT (id) DO UPDATE SET last_heartbeat = @ts, latency_ms = @latency
       WHERE last_heartbeat IS NULL OR last_heartbeat <= @ts`,
    );
  }

  /**
   * The rollup counts of a traffic event, which need nothing but the event. Written with the
   * event, always; the rows derived from documents (`derive`) may follow later.
   */
  count(m: Effecting<Counted>, ts: number, stream: number): void {
    const ids = this.agencies;
    // Marks are kept per history: a new epoch counts its documents afresh (docs/FIGURES.md).
    this.history = stream * AGENCY_ID_LIMIT;
    switch (m.type) {
      case 'document.sent':
        return this.tally(m.data.docId, 0, DOC.sent, ts, ids.idOf(m.data.sender), COL.sent, COL.dupSent);
      case 'document.delivered': {
        const recipient = ids.idOf(m.data.recipient);
        return this.tally(m.data.docId, recipient, DELIVERY.delivered, ts, recipient, COL.received, COL.dupReceived);
      }
      case 'document.failed': {
        const recipient = ids.idOf(m.data.recipient);
        const reason = m.data.reason;
        return this.tally(m.data.docId, recipient, DELIVERY.fail(reason), ts, recipient, COL.fail(reason));
      }
      case 'status.reported': {
        const agency = ids.idOf(m.data.agency);
        const code = m.data.code;
        return this.tally(m.data.docId, agency, DELIVERY.status(code), ts, agency, COL.status(code));
      }
      case 'document.replied': {
        const agency = ids.idOf(m.data.agency);
        return this.tally(m.data.docId, agency, DELIVERY.answered, ts, agency, COL.replied);
      }
      case 'signature.verified':
        return this.signatureVerified(m, ts);
    }
  }

  /**
   * A document is checked once, signed once its required (organisation) signature verified valid
   * (a check without a kind is taken as that one), and failed once, and once per reason.
   */
  private signatureVerified(m: Effecting<'signature.verified'>, ts: number): void {
    const { docId, result, kind } = m.data;
    const agency = this.agencies.idOf(m.data.agency);
    this.tally(docId, 0, DOC.checked, ts, agency, COL.sigChecked);
    if (result === 'valid') {
      if (kind !== 'personal') this.tally(docId, 0, DOC.signed, ts, agency, COL.sig('valid'));
      return;
    }
    this.tally(docId, 0, DOC.sigFailed, ts, agency, COL.sigFailed);
    this.tally(docId, 0, DOC.sigFail(result), ts, agency, COL.sig(result));
  }

  /**
   * Counts a mark in `column` at the minute of the earliest event that made it, and each later
   * one in `repeats` (if the figure has a column for them): when an earlier event is stored
   * after a later one, the count moves to its minute and the later one becomes the repeat.
   */
  private tally(docId: string, party: number, mark: number, ts: number, agency: number, column: number, repeats = -1) {
    const was = this.marks.mark(docId, this.history + party, mark, ts);
    const minute = minuteOf(ts);
    if (was === FIRST) return this.minutes.add(minute, agency, column);
    if (was === REPEAT) {
      if (repeats >= 0) this.minutes.add(minute, agency, repeats);
      return;
    }
    const before = minuteOf(was);
    if (before === minute) return repeats >= 0 ? this.minutes.add(minute, agency, repeats) : undefined;
    this.minutes.add(before, agency, column, -1);
    this.minutes.add(minute, agency, column);
    if (repeats >= 0) this.minutes.add(before, agency, repeats);
  }

  /**
   * The documents, deliveries and deadlines a document event changes. Whatever order events
   * come in, the rows end the same: a follow-up for a document not sent yet is held until it
   * is, and every time kept is the earliest one (see docs/FIGURES.md).
   */
  derive(m: Effecting<Derived>, ts: number, stream: number): void {
    if (m.type !== 'document.sent' && this.docRow(m.data.docId) === undefined) {
      this.holdEvent.run(m.data.docId, stream, m.seq, ts, m.type, JSON.stringify(m.data));
      this.held++;
      return;
    }
    switch (m.type) {
      case 'document.sent':
        return this.documentSent(m, ts, stream);
      case 'document.delivered':
        return this.documentDelivered(m, ts);
      case 'document.failed':
        return this.documentFailed(m, ts);
      case 'status.reported':
        return this.statusReported(m, ts);
      case 'document.replied':
        return this.documentReplied(m, ts);
    }
  }

  private documentSent(m: Effecting<'document.sent'>, ts: number, stream: number): void {
    const d = m.data;
    const sender = this.agencies.idOf(d.sender);
    const replyBy = d.replyBy ? instantMs(d.replyBy) : null;
    const subject = d.subject ?? null;
    const recipients = d.recipients.length;
    // No row back: the id belongs to an earlier history, and this send starts the new one's.
    const doc = this.upsertDocument.get(d.docId, sender, ts, replyBy, subject, recipients, stream) ?? {
      id: this.adopt(d.docId, { stream, sender, ts, replyBy, subject, recipients }),
      sends: 1,
    };
    if (this.docRows.size >= DOC_CACHE_SIZE) this.docRows.clear();
    this.docRows.set(d.docId, doc.id);
    const ids = d.recipients.map((r) => this.agencies.idOf(r));
    let added: number[];
    if (doc.sends === 1 || this.drafts.holds(doc.id)) {
      // A new document (or one first sent in this batch): none of its deliveries is stored yet.
      added = this.drafts.add(doc.id, ids, ts, replyBy);
    } else {
      // Sent again: a repeat stored before the first send keeps the first send's time.
      this.earlierSend.run(ts, doc.id, ts);
      added = this.insertDeliveries.pluck().all(doc.id, ts, replyBy, JSON.stringify(ids)) as number[];
    }
    if (replyBy !== null) {
      for (const recipient of added) {
        const c = this.deadlineEntry(recipient);
        c[2]++;
        c[3] = c[3] === null ? replyBy : Math.min(c[3], replyBy);
      }
    }
    if (doc.sends === 1 && this.held > 0) this.release(d.docId);
  }

  /** Makes an earlier history's document the new history's (see HistoryEnd.adopt); its row id. */
  private adopt(
    docId: string,
    fields: {
      stream: number;
      sender: number;
      ts: number;
      replyBy: number | null;
      subject: string | null;
      recipients: number;
    },
  ): number {
    const id = this.findDocument.get(docId)!;
    for (const recipient of this.openDeadlinesOf.all(id)) this.deadlineEntry(recipient)[2]--;
    this.ending.adopt(id, fields.ts);
    this.adoptDocument.run({ ...fields, id });
    return id;
  }

  /** Derives, in seq order, the follow-ups held for a document that has just been sent. */
  private release(docId: string): void {
    const held = this.heldFor.all(docId);
    if (held.length === 0) return;
    this.dropHeld.run(docId);
    this.held -= held.length;
    for (const h of held) {
      const m = { seq: h.seq, type: h.type, data: JSON.parse(h.data) as unknown } as Effecting<Derived>;
      this.derive(m, h.ts, h.stream);
    }
  }

  /** The row id of a document, or undefined for one sent before the cache's history. */
  private docRow(docId: string): number | undefined {
    const cached = this.docRows.get(docId);
    if (cached !== undefined) return cached;
    const id = this.findDocument.get(docId);
    if (id !== undefined) this.docRows.set(docId, id);
    return id;
  }

  private documentDelivered(m: Effecting<'document.delivered'>, ts: number): void {
    const recipient = this.agencies.idOf(m.data.recipient);
    const doc = this.docRow(m.data.docId);
    if (doc === undefined) return;
    const draft = this.drafts.get(doc, recipient);
    if (draft) draft.deliveredAt = earliest(draft.deliveredAt, ts);
    else this.markDelivered.run({ ts, doc, recipient });
  }

  private documentFailed(m: Effecting<'document.failed'>, ts: number): void {
    const recipient = this.agencies.idOf(m.data.recipient);
    const doc = this.docRow(m.data.docId);
    if (doc === undefined) return;
    const draft = this.drafts.get(doc, recipient);
    const reason = m.data.reason;
    if (!draft) this.markFailed.run({ ts, reason, doc, recipient });
    else if (
      draft.failedAt === null ||
      ts < draft.failedAt ||
      (ts === draft.failedAt && reason < (draft.failReason ?? ''))
    ) {
      draft.failedAt = ts;
      draft.failReason = reason;
    }
  }

  private statusReported(m: Effecting<'status.reported'>, ts: number): void {
    const agency = this.agencies.idOf(m.data.agency);
    const code = m.data.code;
    const doc = this.docRow(m.data.docId);
    if (doc === undefined) return;
    const draft = this.drafts.get(doc, agency);
    if (draft) {
      draft.statuses |= statusBit(code);
      if (code === '01') draft.arrivedAt = earliest(draft.arrivedAt, ts);
      if (code === '03') draft.acceptedAt = earliest(draft.acceptedAt, ts);
      return;
    }
    const arrived = code === '01' ? ts : null;
    const accepted = code === '03' ? ts : null;
    this.markStatus.run(statusBit(code), arrived, arrived, accepted, accepted, doc, agency);
  }

  private documentReplied(m: Effecting<'document.replied'>, ts: number): void {
    const agency = this.agencies.idOf(m.data.agency);
    const doc = this.docRow(m.data.docId);
    if (doc === undefined) return;
    const draft = this.drafts.get(doc, agency);
    let replyBy: number | null;
    let before: number | null;
    if (draft) {
      replyBy = draft.replyBy;
      before = draft.answeredAt;
      if (replyBy === null || (before !== null && before <= ts)) return;
      draft.answeredAt = ts;
    } else {
      const row = this.answerOf.get(doc, agency);
      if (!row || row.reply_by === null || (row.answered_at !== null && row.answered_at <= ts)) return;
      replyBy = row.reply_by;
      before = row.answered_at;
      this.markAnswered.run(ts, doc, agency);
    }
    // Answered earlier than an answer stored before it: the earlier one decides on time or late.
    const entry = this.deadlineEntry(agency);
    if (before !== null) entry[before <= replyBy ? 0 : 1]--;
    entry[ts <= replyBy ? 0 : 1]++;
  }

  private deadlineEntry(agency: number): [number, number, number, number | null] {
    let c = this.deadlines.get(agency);
    if (!c) this.deadlines.set(agency, (c = [0, 0, 0, null]));
    return c;
  }

  serverHeartbeat(m: Effecting<'server.heartbeat'>, ts: number): void {
    const prev = this.heartbeats.get(m.data.serverId);
    if (!prev || prev.ts <= ts) this.heartbeats.set(m.data.serverId, { ts, latencyMs: m.data.latencyMs });
  }

  serverState(m: Effecting<'server.state'>, ts: number, stream: number): void {
    const d = m.data;
    const from = this.lastTransition.get(d.serverId, ts) ?? 'unknown';
    if (from === d.state) return;
    this.insertTransition.run(d.serverId, ts, stream, m.seq, from, d.state, d.reason ?? null);
    this.setServerState.run({ id: d.serverId, state: d.state, since: ts, latency: d.latencyMs ?? null });
  }

  agencyUpsert(m: Effecting<'agency.upsert'>): void {
    this.registry.agency(m.data.agency);
  }

  agencyRemoved(m: Effecting<'agency.removed'>, ts: number): void {
    this.registry.removeAgency(m.data.id, ts);
  }

  serverUpsert(m: Effecting<'server.upsert'>): void {
    this.registry.server(m.data.server);
  }

  /** Writes what was gathered per batch; returns the recipients whose deadline counts it wrote. */
  flush(): number[] {
    // Drafts first: the oldest-open lookup below reads the deliveries table.
    this.drafts.flush();
    for (const [server, hb] of this.heartbeats)
      this.touchHeartbeat.run({ id: server, ts: hb.ts, latency: hb.latencyMs });
    const recipients = [...this.deadlines.keys()];
    for (const [agency, [onTime, late, opened, oldest]] of this.deadlines) {
      this.deadlineCount.run({ agency, onTime, late, net: opened - onTime - late, oldest });
      // An answer (or a deadline ended with its history) may have closed the oldest open one:
      // look the new oldest up (one seek).
      if (onTime + late > 0 || opened < 0) this.oldestOpen.run({ agency });
    }
    this.clear();
    return recipients;
  }

  clear(): void {
    this.heartbeats.clear();
    this.deadlines.clear();
  }

  /** After a rolled-back transaction: forget everything that may name undone rows. */
  reset(): void {
    this.clear();
    this.drafts.clear();
    this.docRows.clear();
    this.marks.forget();
    this.held = this.countHeld.get()!;
  }
}
