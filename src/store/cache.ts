import Database from 'better-sqlite3';
import { DEFAULT_CLOCK_TOLERANCE_MS } from './event-intake.js';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Rejection, TelemetryMessage, UnknownMessage } from '../protocol/index.js';
import { AgencyIds } from './agency-ids.js';
import { GapBook, type Gap } from './gap-book.js';
import { packFoldedHours, packsCurrent } from './hour-packs.js';
import { migrate, pendingMigrations, type Migration } from './migrations.js';
import { prepareCacheFile } from './paths.js';
import { DEFAULT_RETENTION, prune, type PruneResult, type Retention } from './retention.js';
import { CORE_MIGRATIONS } from './schema.js';
import { Streams, type HubIdentity } from './streams.js';
import {
  acquireWriterLock,
  CacheLockedError,
  LOCK_HEARTBEAT_MS,
  readWriterLock,
  refreshWriterLock,
  releaseWriterLock,
  type LockHolder,
} from './writer-lock.js';
import type { ApplyResult, BatchMeta } from './batch-report.js';
import { Writer } from './writer.js';
import type { WriteListener } from './write-changes.js';

export interface OpenCacheOptions {
  /** The cache file; see `defaultCachePath` for the per-hub default. */
  readonly path: string;
  /** Open for reading only: no lock taken, no migration, no writes. */
  readonly readOnly?: boolean;
  /**
   * When another live console holds the writer lock: fall back to read-only (default) or
   * refuse with a {@link CacheLockedError}.
   */
  readonly ifLocked?: 'read-only' | 'refuse';
  /** Clock, injectable for tests. */
  readonly now?: () => number;
  /** Schema steps other modules contribute (e.g. the alert engine's tables). */
  readonly extraMigrations?: readonly Migration[];
  readonly retention?: Partial<Retention>;
  /** SQLite page cache for this connection, in MiB. */
  readonly cacheSizeMiB?: number;
  /**
   * Seqs behind the hub past which a batch stores events and minute rollups only, leaving the
   * derived rows to `projectPending` and the hour folds to `foldPending`; default never. The
   * console passes `DEFER_BACKLOG` (its ingest client drains both in idle turns); any caller
   * that defers must drain them.
   */
  readonly deferBacklog?: number;
  /**
   * How far ahead of its receipt an event's time may be before it is marked `clock_ahead`
   * (docs/FIGURES.md); 5 minutes by default.
   */
  readonly clockToleranceMs?: number;
  /**
   * Told the ids of the schema steps about to upgrade an existing file, before they run: on a
   * large file a step can take minutes (packing a year of hours, moving events into blocks),
   * and whoever waits should know why. Not called for a new file.
   */
  readonly onUpgrade?: (steps: readonly string[]) => void;
}

/** Where a stream stands: resume the hub with `?since=lastSeq`. */
export interface Cursor {
  readonly hubId: string | null;
  readonly epoch: string | null;
  /** Highest seq stored in that history; 0 when it holds none. */
  readonly lastSeq: number;
}

/** An open cache file. */
export interface Cache {
  readonly path: string;
  readonly readOnly: boolean;
  /** Who holds the writer lock when this handle fell back to read-only because of it. */
  readonly lockedBy: LockHolder | null;
  /** The connection, for the metrics and for modules with their own tables (read them, write only in your migrations' tables). */
  readonly db: Database.Database;
  readonly now: () => number;
  readonly retention: Retention;
  /** Stores one batch in one transaction (see {@link Writer}). Throws on a read-only cache. */
  applyBatch(
    messages: readonly (TelemetryMessage | UnknownMessage)[],
    rejections?: readonly Rejection[],
    meta?: BatchMeta,
  ): ApplyResult;
  /** The current history (the latest hello's) and its last stored seq. */
  cursor(): Cursor;
  /** Last stored seq of one history; 0 for a history the cache has never seen. */
  lastSeq(identity: HubIdentity): number;
  /** Open gaps of the current history, oldest first. */
  gaps(): Gap[];
  /** Applies the retention policy; returns what it removed. */
  prune(now?: number): PruneResult;
  /**
   * Derives one slice of the documents, deliveries, deadlines and agency entries a catch-up
   * left behind, in a transaction of its own; returns how many seqs are still behind (0 when
   * all is derived, and always on a read-only handle).
   */
  projectPending(max?: number): number;
  /**
   * Folds one slice of the closed hours a catch-up left unfolded into the hourly rollups, in a
   * transaction of its own; returns how many hours stay unfolded (0 on a read-only handle).
   */
  foldPending(maxHours?: number): number;
  /** Codes ↔ the integer ids used in rollups. */
  readonly agencyIds: AgencyIds;
  /**
   * Tells `listener` what each write through this handle changes from now on (batches,
   * slices, retention; see `write-changes.ts`); returns how to stop. A read-only handle never
   * writes, and never calls it.
   */
  onWrite(listener: WriteListener): () => void;
  close(): void;
}

function configure(db: Database.Database, cacheSizeMiB: number): void {
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${cacheSizeMiB * 1024}`);
  db.pragma('temp_store = MEMORY');
}

/**
 * Opens (creating if needed) a cache file: WAL, `synchronous=NORMAL` (a power cut may lose the
 * last transactions, never corrupt the file), owner-only permissions, schema migrated, writer
 * lock taken. A second console on the same file gets a read-only handle (or a refusal).
 */
export function openCache(options: OpenCacheOptions): Cache {
  const now = options.now ?? Date.now;
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  const extra = options.extraMigrations ?? [];
  const cacheSizeMiB = options.cacheSizeMiB ?? 64;
  if (options.readOnly) return readOnlyCache(options.path, now, retention, extra, cacheSizeMiB, null);

  prepareCacheFile(options.path);
  const db = new Database(options.path);
  let token: string;
  try {
    // Large pages: a quarter of the page splits and WAL frames per event of 4 KiB pages, which
    // more than doubles batched insert speed into the indexed tables. Only takes effect on a new
    // file (before WAL is on).
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    configure(db, cacheSizeMiB);
    token = randomUUID();
    const lock = acquireWriterLock(db, now(), token);
    if (!lock.acquired) {
      db.close();
      if (options.ifLocked === 'refuse') throw new CacheLockedError(options.path, lock.holder);
      return readOnlyCache(options.path, now, retention, extra, cacheSizeMiB, lock.holder);
    }
    const steps = pendingMigrations(db, CORE_MIGRATIONS, extra);
    if (steps.length > 0 && (db.pragma('user_version', { simple: true }) as number) > 0)
      options.onUpgrade?.(steps.map((m) => m.id));
    migrate(db, CORE_MIGRATIONS, extra, now());
    if (!packsCurrent(db)) db.transaction(() => packFoldedHours(db)).immediate();
  } catch (err) {
    if (db.open) db.close();
    throw err;
  }
  const writer = new Writer(
    db,
    options.path,
    options.deferBacklog ?? Number.POSITIVE_INFINITY,
    options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS,
  );
  const gapBook = new GapBook(db);
  const listeners = new Set<WriteListener>();
  writer.onCommit = (changes) => listeners.forEach((l) => l(changes));
  let lastBeat = now();
  const beat = (): void => {
    lastBeat = now();
    refreshWriterLock(db, lastBeat, token);
  };
  const timer = setInterval(() => {
    if (db.open) beat();
  }, LOCK_HEARTBEAT_MS);
  timer.unref();

  return {
    path: options.path,
    readOnly: false,
    lockedBy: null,
    db,
    now,
    retention,
    agencyIds: writer.agencies,
    applyBatch(messages, rejections = [], meta = {}) {
      const result = writer.applyBatch(messages, rejections, meta, now());
      if (now() - lastBeat > LOCK_HEARTBEAT_MS) beat();
      return result;
    },
    cursor: () => cursorOf(writer.streams),
    lastSeq: (identity) => writer.streams.find(identity)?.lastSeq ?? 0,
    gaps: () => (writer.streams.current ? gapBook.gaps(writer.streams.current.id) : []),
    prune(at = now()) {
      const result = prune(db, retention, at);
      writer.pruned();
      const none = new Set<number>();
      const changes = { minutes: none, hours: none, recipients: none, registry: false };
      writer.onCommit?.({ ...changes, prunedBefore: result.rollupsBefore });
      return result;
    },
    projectPending: (max) => writer.projectPending(max, now()),
    foldPending: (maxHours) => writer.foldPending(maxHours),
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearInterval(timer);
      if (!db.open) return;
      releaseWriterLock(db, token);
      db.close();
    },
  };
}

function cursorOf(streams: Streams): Cursor {
  const s = streams.current;
  return s ? { hubId: s.hubId, epoch: s.epoch, lastSeq: s.lastSeq } : { hubId: null, epoch: null, lastSeq: 0 };
}

function readOnlyCache(
  path: string,
  now: () => number,
  retention: Retention,
  extra: readonly Migration[],
  cacheSizeMiB: number,
  lockedBy: LockHolder | null,
): Cache {
  if (!existsSync(path))
    throw new Error(`cache ${path} does not exist; a console must create it before it can be opened read-only`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    configure(db, cacheSizeMiB);
    if (pendingMigrations(db, CORE_MIGRATIONS, extra).length > 0) {
      throw new Error(`cache ${path} has an older schema; open it once for writing to update it`);
    }
  } catch (err) {
    db.close();
    throw err;
  }
  const streams = new Streams(db);
  const agencyIds = new AgencyIds(db, false);
  const gapBook = new GapBook(db);
  const refuse = (): never => {
    throw new Error(
      `cache ${path} is open read-only${lockedBy ? ` (written by pid ${lockedBy.pid} on ${lockedBy.host})` : ''}`,
    );
  };
  return {
    path,
    readOnly: true,
    lockedBy: lockedBy ?? readWriterLock(db),
    db,
    now,
    retention,
    agencyIds,
    applyBatch: refuse,
    cursor() {
      streams.reload();
      return cursorOf(streams);
    },
    lastSeq(identity) {
      streams.reload();
      return streams.find(identity)?.lastSeq ?? 0;
    },
    gaps() {
      streams.reload();
      return streams.current ? gapBook.gaps(streams.current.id) : [];
    },
    prune: refuse,
    projectPending: () => 0,
    foldPending: () => 0,
    onWrite: () => () => undefined,
    close() {
      if (db.open) db.close();
    },
  };
}
