import type Database from 'better-sqlite3';
import { instantMs, isUnknownMessage, keepRaw } from '../protocol/index.js';
import type { MessageOf, Rejection, TelemetryMessage, UnknownMessage } from '../protocol/index.js';
import { AgencyIds, agencyLimitDetail } from './agency-ids.js';
import { DERIVED, EventEffects, minuteOf, type Derived } from './event-effects.js';
import { BLOCK_EVENTS, EventLog, type StoredEvent } from './event-log.js';
import { GapBook } from './gap-book.js';
import { agencyOf } from './event-agency.js';
import { HistoryEnd } from './history-end.js';
import { HourCompaction } from './hour-compaction.js';
import { RegistryWriter } from './registry-writer.js';
import { RollupAccumulator } from './rollup-accumulator.js';
import { Streams, type HubIdentity, type StreamState } from './streams.js';
import { ChangeSet, type WriteListener } from './write-changes.js';

/** A stretch of sequence numbers the hub said it can no longer send. */
export interface AnnouncedGap {
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly reason: string;
}

/** What the ingest client knows about a batch besides its messages. */
export interface BatchMeta {
  /** When the batch's last frame arrived; the time rejections are stamped with. */
  readonly receivedAt?: number;
  /** The history the events belong to, when no hello is in the batch. */
  readonly identity?: HubIdentity;
  /** Holes the hub announced (a reset with `since_too_old`). */
  readonly gaps?: readonly AnnouncedGap[];
  /** Fields the parser tolerated without knowing them. */
  readonly unknownFields?: number;
}

/** What one batch did to the cache. */
export interface ApplyResult {
  /** Events newly stored. */
  readonly stored: number;
  /** Events already stored (same seq, same content): ignored, nothing changed. */
  readonly duplicates: number;
  /** Rejections written: the parser's plus the writer's own `seq_regression`s. */
  readonly rejected: number;
  readonly gapsOpened: number;
  readonly gapsFilled: number;
  /** Events stored whose time was more than the tolerance ahead of their receipt. */
  readonly clockAhead: number;
}

/** How far ahead of its receipt an event's time may be by default: 5 minutes. */
export const DEFAULT_CLOCK_TOLERANCE_MS = 5 * 60_000;

type Message = TelemetryMessage | UnknownMessage;
type Durable =
  Exclude<TelemetryMessage, { type: 'hello' | 'heartbeat' | 'reset' | 'registry.snapshot' }> | UnknownMessage;

/**
 * Whether two parsed JSON values are equal, whatever the order of their fields: a hub (or a
 * client version) that orders fields differently still repeats the same event.
 */
const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** A value as the log gives it back: through JSON, so fields holding `undefined` are gone. */
const asStored = (value: unknown): unknown => (JSON.parse(JSON.stringify([value])) as unknown[])[0];

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every agency code an event names: the codes it may add to the id space. */
function agencyCodes(m: Durable): string[] {
  if (!isUnknownMessage(m) && m.type === 'document.sent') return [m.data.sender, ...m.data.recipients];
  const code = agencyOf(m);
  return code === null ? [] : [code];
}

/** Most codes one event can name: a sender and 2,000 recipients. */
const MAX_CODES_PER_EVENT = 2_001;

/** Seqs behind the hub's newest past which a batch leaves documents to `project` (~0.3 s of work). */
export const DEFER_BACKLOG = 50_000;

/** Events derived per slice of `project`: ~60 ms of work. */
export const PROJECT_SLICE = 10_000;

/** Hours folded per slice of `foldPending`: a few ms each in the catch-up bench. */
export const FOLD_SLICE_HOURS = 4;

/**
 * Writes batches of parsed telemetry into the cache, one transaction per batch. Idempotent on
 * (hub, epoch, seq): an event already stored is recognised and changes nothing, rollups
 * included. A jump in seq opens a gap, a later event inside it fills it; an event that is
 * neither new nor a fill nor an exact repeat is kept aside as `seq_regression`.
 *
 * Minute rollups and server state are written with each event, and closed hours folded into
 * hourly rollups with each batch. Documents, deliveries, deadlines and agency entries are
 * derived in seq order: with the event while the cache is within `deferBacklog` of the hub's
 * newest seq; past that (a catch-up of days), they wait, and `project` derives them from the
 * event log afterwards, a slice with each batch and in the client's idle turns; the folds wait
 * for them (`foldPending`). `derived_seq` records how far derivation got, in the same
 * transactions, so a crash loses nothing and a restart goes on from there.
 */
export class Writer {
  readonly agencies: AgencyIds;
  readonly streams: Streams;
  /** Told what each committed transaction changed (see `write-changes.ts`). */
  onCommit: WriteListener | null = null;
  /** What the transaction in progress has changed, for `onCommit`. */
  private readonly changes = new ChangeSet();
  private readonly minutes: RollupAccumulator;
  private readonly hours: RollupAccumulator;
  private readonly hoursFold: HourCompaction;
  private readonly effects: EventEffects;
  private readonly registry: RegistryWriter;
  private readonly gaps: GapBook;
  private readonly log: EventLog;
  private readonly historyEnd: HistoryEnd;
  /** `project` finished an earlier history in this transaction: its open items are to end. */
  private historyDerived = false;
  private readonly insertRejection;
  private readonly bumpCounter;
  private readonly setMeta;
  private readonly inTransaction: (
    messages: readonly Message[],
    rejections: readonly Rejection[],
    meta: BatchMeta,
    at: number,
  ) => ApplyResult;

  /** Closed hours a batch folds at most (see `apply`). */
  private readonly foldPerBatch: number;
  /** The hub's newest seq, as its latest hello or heartbeat said. */
  private hubNewest: number;
  private readonly blocksFrom;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    /** Seqs behind the hub past which documents and deliveries are derived later (see `project`). */
    private readonly deferBacklog: number,
    /** How far an event's time may run ahead of its receipt before it is marked `clock_ahead`. */
    private readonly clockToleranceMs = DEFAULT_CLOCK_TOLERANCE_MS,
  ) {
    this.agencies = new AgencyIds(db, true);
    this.streams = new Streams(db);
    this.minutes = new RollupAccumulator(db, 'rollup_minute', 'minute');
    this.hours = new RollupAccumulator(db, 'rollup_hour', 'hour');
    this.hoursFold = new HourCompaction(db, this.changes);
    this.registry = new RegistryWriter(db, this.agencies);
    this.effects = new EventEffects(db, this.agencies, this.minutes, this.registry);
    this.gaps = new GapBook(db);
    this.log = new EventLog(db);
    this.historyEnd = new HistoryEnd(db);
    this.insertRejection = db.prepare(
      'INSERT INTO rejections (at, reason, detail, raw, seq, type, stream) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.bumpCounter = db.prepare(
      'INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n',
    );
    this.setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.hubNewest = this.savedHubNewest();
    this.foldPerBatch = Number.isFinite(deferBacklog) ? FOLD_SLICE_HOURS : Number.POSITIVE_INFINITY;
    // The block holding `from` (or the first after it) and enough blocks after it for a slice.
    this.blocksFrom = db.prepare<{ stream: number; from: number; blocks: number }, { events: string }>(
      `SELECT events FROM event_blocks WHERE stream = @stream
         AND first_seq >= coalesce((SELECT max(first_seq) FROM event_blocks WHERE stream = @stream AND first_seq <= @from), @from)
       ORDER BY first_seq LIMIT @blocks`,
    );
    // BEGIN IMMEDIATE: the write lock is taken first, waiting (busy_timeout) while another
    // connection holds it. A deferred transaction reads first and then cannot wait for the lock:
    // it failed the batch at once with SQLITE_BUSY when a second console, say, tried the writer
    // lock at that moment.
    this.inTransaction = db.transaction(
      (messages: readonly Message[], rejections: readonly Rejection[], meta: BatchMeta, at: number) =>
        this.apply(messages, rejections, meta, at),
    ).immediate;
  }

  /** Stores one batch atomically; on failure nothing of it is kept and the error is rethrown. */
  applyBatch(
    messages: readonly Message[],
    rejections: readonly Rejection[],
    meta: BatchMeta,
    now: number,
  ): ApplyResult {
    return this.undoingOnFailure(() => this.inTransaction(messages, rejections, meta, meta.receivedAt ?? now));
  }

  /**
   * Runs a transaction; if it fails (and SQLite rolled it back), forgets what it queued and
   * rethrows; once it is committed, tells `onCommit` what it changed.
   */
  private undoingOnFailure<T>(transaction: () => T): T {
    const maxAgency = this.agencies.maxId();
    let result: T;
    try {
      result = transaction();
    } catch (err) {
      this.rollBack(maxAgency);
      throw err;
    }
    const changes = this.changes.take();
    if (changes) this.onCommit?.(changes);
    return result;
  }

  /** The id of the agency an event is filed under for its recent activity, if any. */
  private agencyIdOf(event: Durable): number | null {
    const code = agencyOf(event);
    return code === null ? null : this.agencies.idOf(code);
  }

  /** After a rolled-back transaction: forgets what was queued and re-reads what was saved. */
  private rollBack(maxAgency: number): void {
    this.log.clear();
    this.changes.clear();
    this.minutes.clear();
    this.hours.clear();
    this.effects.reset();
    this.agencies.forgetAbove(maxAgency);
    this.streams.reload();
    this.hoursFold.reload();
    this.hubNewest = this.savedHubNewest();
  }

  private savedHubNewest(): number {
    return Number(this.db.prepare("SELECT value FROM meta WHERE key = 'hub_newest_seq'").pluck().get() ?? 0);
  }

  private apply(
    messages: readonly Message[],
    rejections: readonly Rejection[],
    meta: BatchMeta,
    at: number,
  ): ApplyResult {
    const before = this.streams.current;
    let stream: StreamState | null = meta.identity
      ? this.streams.select(meta.identity, null, at, this.path)
      : this.streams.current;
    const kept: Rejection[] = [...rejections];
    let stored = 0;
    let duplicates = 0;
    let gapsOpened = 0;
    let gapsFilled = 0;
    let unknownTypes = 0;
    let clockAhead = 0;
    let registryChanged = false;
    // The hub's clock is not trusted past the receipt: no newest minute or time beyond it.
    const receivedMinute = minuteOf(at);
    let newestMinute: number | null = null;
    const touched = new Set<StreamState>();
    // Another history still waiting to be derived goes first: this batch's documents wait too.
    let earlierLags = this.streams.lagging();

    for (const m of messages) {
      if (!isUnknownMessage(m)) {
        switch (m.type) {
          case 'hello':
            stream = this.streams.select({ hubId: m.data.hubId, epoch: m.data.epoch }, m.data.hubName, at, this.path);
            this.setMeta.run('hub_version', m.data.hubVersion);
            this.setMeta.run('hub_not_reported', JSON.stringify(m.data.notReported ?? []));
            this.setMeta.run('hub_newest_seq', String(m.data.newestSeq));
            this.hubNewest = m.data.newestSeq;
            // The history left behind may have been deferred by this very batch.
            earlierLags = this.streams.lagging();
            continue;
          case 'heartbeat':
            this.setMeta.run('hub_newest_seq', String(m.data.newestSeq));
            this.hubNewest = m.data.newestSeq;
            continue;
          case 'reset':
            this.setMeta.run('last_reset', JSON.stringify({ at, ...m.data }));
            continue;
          case 'registry.snapshot':
            if (!this.agencies.fits(m.data.agencies.map((a) => a.id))) {
              kept.push(
                this.agencyLimit(
                  m,
                  m.data.agencies.map((a) => a.id),
                ),
              );
              continue;
            }
            for (const a of m.data.agencies) this.registry.agency(a);
            for (const s of m.data.securityServers) this.registry.server(s);
            registryChanged = true;
            continue;
        }
      }
      const event = m as Durable;
      stream ??= this.streams.select(
        { hubId: this.streams.hubId() ?? 'unidentified', epoch: 'unidentified' },
        null,
        at,
        this.path,
      );
      if (this.agencies.room() < MAX_CODES_PER_EVENT && !this.agencies.fits(agencyCodes(event))) {
        kept.push(this.agencyLimit(event, agencyCodes(event)));
        continue;
      }
      const ts = instantMs(event.ts);
      let derive: boolean;
      if (event.seq > stream.lastSeq) {
        // Past the newest stored seq, so not stored yet. Derived now if everything before it
        // is and the hub is not far ahead; otherwise `project` derives it later, in seq order.
        derive =
          stream.derivedSeq === stream.lastSeq &&
          (earlierLags === undefined || earlierLags === stream) &&
          this.hubNewest - stream.lastSeq <= this.deferBacklog;
        this.log.append(stream.id, event.seq, ts, event.type, event.data, derive ? this.agencyIdOf(event) : null);
        if (derive) stream.derivedSeq = event.seq;
        if (event.seq > stream.lastSeq + 1 && stream.events > 0) {
          this.gaps.open(stream.id, stream.lastSeq + 1, event.seq - 1, at);
          gapsOpened++;
        }
        stream.lastSeq = event.seq;
      } else {
        // At or below the newest stored seq: a hole being filled, a repeat or a regression.
        if (this.gaps.covers(stream.id, event.seq)) {
          // A hole filled: derived now if derivation has passed it, else when it gets there.
          derive = event.seq <= stream.derivedSeq;
          this.log.append(stream.id, event.seq, ts, event.type, event.data, derive ? this.agencyIdOf(event) : null);
          this.gaps.fill(stream.id, event.seq);
          gapsFilled++;
        } else {
          const existing = this.log.find(stream.id, event.seq);
          if (
            existing &&
            existing[1] === ts &&
            existing[2] === event.type &&
            sameValue(existing[3], asStored(event.data))
          )
            duplicates++;
          else
            kept.push({
              reason: 'seq_regression',
              detail: existing
                ? `seq: ${event.seq} already holds a different event in epoch ${stream.epoch}`
                : `seq: expected more than ${stream.lastSeq}, got ${event.seq} in epoch ${stream.epoch}`,
              raw: keepRaw(JSON.stringify(event)),
              seq: event.seq,
              type: event.type,
            });
          continue;
        }
      }
      stored++;
      stream.events++;
      if (ts - at > this.clockToleranceMs) {
        // Kept and counted at its own time; "newest" stays at the receipt. A hub whose clock
        // runs ahead sends thousands such: the first of a batch is listed, all are counted.
        if (clockAhead++ === 0)
          kept.push({
            reason: 'clock_ahead',
            detail: `ts: ${event.ts} is ${Math.round((ts - at) / 60_000)} min ahead of its receipt at ${new Date(at).toISOString()}; kept, newest time not moved`,
            raw: keepRaw(JSON.stringify(event)),
            seq: event.seq,
            type: event.type,
          });
      }
      const newest = Math.min(ts, at);
      if (stream.newestTs === null || newest > stream.newestTs) stream.newestTs = newest;
      touched.add(stream);
      const minute = minuteOf(ts);
      const newestOf = Math.min(minute, receivedMinute);
      if (newestMinute === null || newestOf > newestMinute) newestMinute = newestOf;
      if (isUnknownMessage(event)) unknownTypes++;
      else {
        this.applyEffects(event, ts, stream.id, derive);
        if (event.type === 'agency.upsert' || event.type === 'agency.removed' || event.type === 'server.upsert')
          registryChanged = true;
      }
    }

    this.log.flush();
    const current = this.streams.current;
    const lagging = this.streams.lagging();
    if (current && lagging && this.hubNewest - current.lastSeq <= this.deferBacklog) {
      // Caught up with the hub: derive a slice of what was left behind, with the batch.
      this.project(lagging, PROJECT_SLICE);
      touched.add(lagging);
    }
    for (const gap of meta.gaps ?? []) {
      if (stream && this.gaps.announce(stream.id, gap.fromSeq, gap.toSeq, gap.reason, at)) gapsOpened++;
    }
    for (const r of kept) {
      this.insertRejection.run(at, r.reason, r.detail, r.raw, r.seq ?? null, r.type ?? null, stream?.id ?? null);
      this.bumpCounter.run(`rejections.${r.reason}`, 1);
    }
    if (kept.length) this.bumpCounter.run('rejections', kept.length);
    if (clockAhead) {
      this.bumpCounter.run('clock_ahead', clockAhead);
      this.bumpCounter.run('rejections.clock_ahead', clockAhead - 1);
    }
    if (duplicates) this.bumpCounter.run('duplicates', duplicates);
    if (unknownTypes) this.bumpCounter.run('unknown_types', unknownTypes);
    if (meta.unknownFields) this.bumpCounter.run('unknown_fields', meta.unknownFields);
    if (registryChanged) this.changes.registry = true;

    this.flushCounts();
    const now = this.streams.current;
    if (before && now && now.id !== before.id && now.id > before.id) this.newHistory(before, now, at);
    this.endDerivedHistory(at);
    this.hoursFold.noteNewest(newestMinute);
    // Hours are folded as they close. Far behind the hub, or while documents wait to be
    // derived, the folds wait for `foldPending`: a catch-up's backlog closes an hour every few
    // thousand events, and its folds took 0.5 µs of the ~8 µs an event costs. A writer that
    // defers folds what waits a slice at a time; one that never defers, all of it each batch.
    if (!this.farBehind() && !this.streams.lagging()) this.hoursFold.fold(this.foldPerBatch);
    for (const s of touched) this.streams.save(s);
    return { stored, duplicates, rejected: kept.length - Math.min(clockAhead, 1), gapsOpened, gapsFilled, clockAhead };
  }

  /**
   * The hub started a new history (a new epoch): the earlier histories' open items end
   * (HistoryEnd), and the change is recorded for the console to say (`epoch_change`).
   */
  private newHistory(from: StreamState, to: StreamState, at: number): void {
    const { ended, recipients } = this.historyEnd.endAllBut(to.id, at);
    this.changes.addRecipients(recipients);
    this.setMeta.run('epoch_change', JSON.stringify({ at, from: from.epoch, to: to.epoch, ended }));
    this.bumpCounter.run('epoch_changes', 1);
  }

  /** After `project` derived an earlier history to its end (see HistoryEnd). */
  private endDerivedHistory(at: number): void {
    if (!this.historyDerived) return;
    this.historyDerived = false;
    const current = this.streams.current;
    if (current) this.changes.addRecipients(this.historyEnd.endAllBut(current.id, at).recipients);
  }

  /** A message refused because its agencies would not fit in the id space. */
  private agencyLimit(m: Message, codes: readonly string[]): Rejection {
    const fresh = codes.find((c) => this.agencies.find(c) === undefined) ?? codes[0] ?? '';
    return {
      reason: 'agency_limit',
      detail: agencyLimitDetail(fresh),
      raw: keepRaw(JSON.stringify(m)),
      seq: m.seq,
      type: m.type,
    };
  }

  private applyEffects(m: Exclude<Durable, UnknownMessage>, ts: number, stream: number, derive: boolean): void {
    const fx = this.effects;
    switch (m.type) {
      case 'document.sent':
      case 'document.delivered':
      case 'document.failed':
      case 'status.reported':
      case 'document.replied':
        fx.count(m, ts, stream);
        if (derive) fx.derive(m, ts, stream);
        return;
      case 'signature.verified':
        return fx.count(m, ts, stream);
      case 'server.heartbeat':
        return fx.serverHeartbeat(m, ts);
      case 'server.state':
        return fx.serverState(m as MessageOf<'server.state'>, ts, stream);
      case 'agency.upsert':
        return fx.agencyUpsert(m);
      case 'agency.removed':
        return fx.agencyRemoved(m, ts);
      case 'server.upsert':
        return fx.serverUpsert(m);
    }
  }

  /**
   * Derives the documents, deliveries, deadlines and agency entries of up to `max` stored events
   * past the stream's `derivedSeq`, in seq order, from the event log (inside the caller's
   * transaction, before its flushes).
   */
  private project(stream: StreamState, max: number): void {
    let done = 0;
    const pageBlocks = Math.ceil(max / BLOCK_EVENTS) + 1;
    for (;;) {
      const from = stream.derivedSeq + 1;
      const blocks = this.blocksFrom.all({ stream: stream.id, from, blocks: pageBlocks });
      for (const block of blocks) {
        for (const [seq, ts, type, data] of JSON.parse(block.events) as StoredEvent[]) {
          if (seq < from) continue;
          if (done === max) return this.log.flush();
          const event = { seq, type, data } as Durable;
          if (DERIVED.has(type)) this.effects.derive(event as MessageOf<Derived>, ts, stream.id);
          this.log.entry(this.agencyIdOf(event), ts, stream.id, seq);
          stream.derivedSeq = seq;
          done++;
        }
      }
      if (blocks.length < pageBlocks) break;
    }
    // The log's end: nothing stored past it waits to be derived.
    stream.derivedSeq = stream.lastSeq;
    // An earlier history derived to its end after the epoch changed: its open items end now.
    if (stream !== this.streams.current) this.historyDerived = true;
    this.log.flush();
  }

  /**
   * Derives up to `max` events left behind (see `project`) in a transaction of their own, for
   * idle time after a catch-up. Returns how many seqs stay behind.
   */
  projectPending(max = PROJECT_SLICE, now = Date.now()): number {
    const stream = this.streams.lagging();
    if (!stream) return 0;
    this.undoingOnFailure(
      this.db.transaction(() => {
        this.project(stream, max);
        this.flushCounts();
        this.endDerivedHistory(now);
        this.streams.save(stream);
      }).immediate,
    );
    return this.streams.behind();
  }

  /** The current history is more than `deferBacklog` behind the hub's newest seq. */
  private farBehind(): boolean {
    const current = this.streams.current;
    return current !== null && this.hubNewest - current.lastSeq > this.deferBacklog;
  }

  /**
   * Folds up to `maxHours` of the closed hours a catch-up left unfolded (see `apply`), in a
   * transaction of its own, for idle time once documents are derived. Returns how many hours
   * stay unfolded.
   */
  foldPending(maxHours = FOLD_SLICE_HOURS): number {
    if (this.hoursFold.due() === 0) return 0;
    return this.undoingOnFailure(this.db.transaction(() => this.hoursFold.fold(maxHours)).immediate);
  }

  /** Writes the queued rollups (late minutes of folded hours also to their hours), derived rows and deadline counts. */
  private flushCounts(): void {
    this.hoursFold.routeLate(this.minutes, this.hours);
    for (const [minute] of this.minutes.entries()) this.changes.minutes.add(minute);
    this.minutes.flush();
    this.hours.flush();
    this.hoursFold.packLate();
    this.changes.addRecipients(this.effects.flush());
  }
}
