import type Database from 'better-sqlite3';
import { instantMs, isUnknownMessage } from '../protocol/index.js';
import type { Rejection, TelemetryMessage, UnknownMessage } from '../protocol/index.js';
import { AgencyIds } from './agency-ids.js';
import { BatchReport, type ApplyResult, type BatchMeta } from './batch-report.js';
import { minuteOf } from './doc-marks.js';
import { agencyCodes, EventIntake, type Durable } from './event-intake.js';
import { EventEffects } from './event-effects.js';
import { EventLog } from './event-log.js';
import { HourCompaction } from './hour-packs.js';
import { PROJECT_SLICE, Projection } from './projection.js';
import { RollupAccumulator } from './rollup-accumulator.js';
import { Streams, type StreamState } from './streams.js';
import { Prepared } from './multi-row.js';
import { ChangeSet, type WriteListener } from './write-changes.js';

type Message = TelemetryMessage | UnknownMessage;
/** Most codes one event can name: a sender and 2,000 recipients. */
const MAX_CODES_PER_EVENT = 2_001;
/** Hours folded per slice of `foldPending`: a few ms each in the catch-up bench. */
const FOLD_SLICE_HOURS = 4;

/**
 * Writes batches of parsed telemetry into the cache, one transaction per batch, idempotent on (hub, epoch, seq) (see
 * `EventIntake`). Minute rollups and server state are written with each event, closed hours folded with each batch.
 * Documents, deliveries, deadlines and agency entries are derived in seq order: with the event while within
 * `deferBacklog` of the hub's newest seq; past that (a catch-up of days) `Projection` derives them from the event log
 * afterwards, and the folds wait for them (`foldPending`). `derived_seq` records how far derivation got, in the same
 * transactions, so a crash loses nothing.
 */
export class Writer extends Prepared {
  readonly agencies = new AgencyIds(this.db);
  readonly streams: Streams;
  /** Told what each committed transaction changed (see `write-changes.ts`). */
  onCommit: WriteListener | null = null;
  private readonly changes = new ChangeSet();
  private readonly minutes = new RollupAccumulator(this.db, 'minute');
  private readonly hours = new RollupAccumulator(this.db, 'hour');
  private readonly hoursFold = new HourCompaction(this.db, this.changes);
  private readonly effects = new EventEffects(this.db, this.agencies, this.minutes);
  private readonly log = new EventLog(this.db);
  private readonly insertRejection = this.db.prepare(
    'INSERT INTO rejections (at, reason, detail, raw, seq, type, stream) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  private readonly bump = this.db.prepare(
    'INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n',
  );
  private readonly intake: EventIntake;
  private readonly projection: Projection;
  // BEGIN IMMEDIATE takes the write lock first, waiting (busy_timeout) for another connection;
  // a deferred transaction that read first could not wait, and failed with SQLITE_BUSY.
  private readonly inTransaction = this.db.transaction(
    (messages: readonly Message[], rejections: readonly Rejection[], meta: BatchMeta, at: number) =>
      this.apply(messages, rejections, meta, at),
  ).immediate;
  /** Closed hours a batch folds at most (see `apply`). */
  private readonly foldPerBatch: number;

  constructor(
    db: Database.Database,
    path: string,
    /** See `OpenCacheOptions`. */
    private readonly deferBacklog: number,
    clockToleranceMs: number,
  ) {
    super(db);
    this.streams = new Streams(db, path);
    this.intake = new EventIntake(db, this.log, this.agencies, clockToleranceMs);
    this.projection = new Projection(db, this.log, this.effects.documents, this.intake, this.streams);
    this.foldPerBatch = Number.isFinite(deferBacklog) ? FOLD_SLICE_HOURS : Number.POSITIVE_INFINITY;
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

  /** Runs a transaction: on failure forgets what it queued and rethrows; committed, tells `onCommit`. */
  private undoingOnFailure<T>(transaction: () => T): T {
    let result: T;
    try {
      result = transaction();
    } catch (err) {
      this.rollBack();
      throw err;
    }
    const changes = this.changes.take();
    if (changes) this.onCommit?.(changes);
    return result;
  }

  /** After retention deleted old rows: forgets the row ids kept of them (documents). */
  pruned(): void {
    this.effects.reset();
    this.streams.reload();
  }

  /** After a rolled-back transaction: forgets what was queued and re-reads what was saved. */
  private rollBack(): void {
    this.log.clear();
    this.changes.clear();
    this.minutes.clear();
    this.hours.clear();
    this.effects.reset();
    this.agencies.reload();
    this.streams.reload();
    this.hoursFold.reload();
  }

  private apply(
    messages: readonly Message[],
    rejections: readonly Rejection[],
    meta: BatchMeta,
    at: number,
  ): ApplyResult {
    const before = this.streams.current;
    let stream: StreamState | null = meta.identity
      ? this.streams.select(meta.identity, null, at)
      : this.streams.current;
    const report = new BatchReport([...rejections]);
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
            stream = this.streams.select({ hubId: m.data.hubId, epoch: m.data.epoch }, m.data.hubName, at);
            this.streams.hello(m);
            // The history left behind may have been deferred by this very batch.
            earlierLags = this.streams.lagging();
            continue;
          case 'heartbeat':
            this.streams.heartbeat(m.data.newestSeq);
            continue;
          case 'reset':
            this.streams.reset(m, at);
            continue;
          case 'registry.snapshot': {
            const codes = m.data.agencies.map((a) => a.id);
            const refused = this.agencies.refusal(m, codes);
            if (refused) report.kept.push(refused);
            else {
              this.effects.registrySnapshot(m);
              this.changes.registry = true;
            }
            continue;
          }
        }
      }
      const event = m as Durable;
      stream ??= this.streams.select(
        { hubId: this.streams.hubId() ?? 'unidentified', epoch: 'unidentified' },
        null,
        at,
      );
      const refused = this.agencies.room() < MAX_CODES_PER_EVENT && this.agencies.refusal(event, agencyCodes(event));
      if (refused) {
        report.kept.push(refused);
        continue;
      }
      const ts = instantMs(event.ts);
      // Derived with the batch unless the hub is far ahead or an earlier history waits.
      const mayDerive =
        (earlierLags === undefined || earlierLags === stream) &&
        this.streams.newest - stream.lastSeq <= this.deferBacklog;
      const derive = this.intake.take(event, ts, stream, at, mayDerive, report);
      if (derive === null) continue;
      const newest = Math.min(ts, at);
      if (stream.newestTs === null || newest > stream.newestTs) stream.newestTs = newest;
      touched.add(stream);
      const minute = minuteOf(ts);
      const newestOf = Math.min(minute, receivedMinute);
      if (newestMinute === null || newestOf > newestMinute) newestMinute = newestOf;
      if (isUnknownMessage(event)) report.unknownTypes++;
      else {
        this.effects.apply(event, ts, stream.id, derive);
        if (event.type === 'agency.upsert' || event.type === 'agency.removed' || event.type === 'server.upsert')
          this.changes.registry = true;
      }
    }

    this.log.flush();
    const current = this.streams.current;
    const farBehind = current !== null && this.streams.newest - current.lastSeq > this.deferBacklog;
    const lagging = this.streams.lagging();
    if (current && lagging && !farBehind) {
      // Caught up with the hub: derive a slice of what was left behind, with the batch.
      this.projection.slice(lagging, PROJECT_SLICE);
      touched.add(lagging);
    }
    for (const gap of meta.gaps ?? [])
      if (stream && this.intake.announceGap(stream.id, gap.fromSeq, gap.toSeq, gap.reason, at)) report.gapsOpened++;
    this.writeReport(report, meta.unknownFields ?? 0, at, stream?.id ?? null);
    this.flushCounts();
    if (before && current && current.id > before.id) this.newHistory(before, current, at);
    this.changes.addRecipients(this.projection.endDerivedHistory(at));
    this.hoursFold.noteNewest(newestMinute);
    // Far behind the hub, or while documents wait to be derived, the folds wait for
    // `foldPending`: a catch-up closes an hour every few thousand events, and its folds took
    // 0.5 µs of the ~8 µs an event costs. A writer that never defers folds all each batch.
    if (!farBehind && !this.streams.lagging()) this.hoursFold.fold(this.foldPerBatch);
    for (const s of touched) this.streams.save(s);
    return report.result;
  }

  /** Writes a batch's rejections (`rejections`, with their reasons) and counters (`counters`). */
  private writeReport(report: BatchReport, unknownFields: number, at: number, stream: number | null): void {
    const { kept, clockAhead } = report;
    for (const r of kept) {
      this.insertRejection.run(at, r.reason, r.detail, r.raw, r.seq ?? null, r.type ?? null, stream);
      this.bump.run(`rejections.${r.reason}`, 1);
    }
    if (kept.length) this.bump.run('rejections', kept.length);
    if (clockAhead) {
      this.bump.run('clock_ahead', clockAhead);
      this.bump.run('rejections.clock_ahead', clockAhead - 1);
    }
    if (report.duplicates) this.bump.run('duplicates', report.duplicates);
    if (report.unknownTypes) this.bump.run('unknown_types', report.unknownTypes);
    if (unknownFields) this.bump.run('unknown_fields', unknownFields);
  }

  /** A new history (epoch): the earlier ones' open items end, and `epoch_change` says so. */
  private newHistory(from: StreamState, to: StreamState, at: number): void {
    const { ended, recipients } = this.effects.documents.ending.endAllBut(to.id, at);
    this.changes.addRecipients(recipients);
    this.streams.epochChanged(at, from.epoch, to.epoch, ended);
    this.bump.run('epoch_changes', 1);
  }

  /** Derives up to `max` events a catch-up left behind, in a transaction of its own; returns the seqs behind. */
  projectPending(max = PROJECT_SLICE, now = Date.now()): number {
    const stream = this.streams.lagging();
    if (!stream) return 0;
    this.undoingOnFailure(
      this.db.transaction(() => {
        this.projection.slice(stream, max);
        this.flushCounts();
        this.changes.addRecipients(this.projection.endDerivedHistory(now));
        this.streams.save(stream);
      }).immediate,
    );
    return this.streams.behind();
  }

  /** Folds up to `maxHours` hours a catch-up left unfolded, in a transaction of its own; returns how many stay. */
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
