import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Rejection, TelemetryMessage, UnknownMessage } from '../protocol/index.js';
import { AgencyIds } from './agency-ids.js';
import type { ApplyResult, BatchMeta } from './batch-report.js';
import { DEFAULT_CLOCK_TOLERANCE_MS, GAP_COLUMNS, type Gap } from './event-intake.js';
import { packFoldedHours, packsCurrent } from './hour-packs.js';
import { migrate, pendingMigrations, type Migration } from './migrations.js';
import { prepareCacheFile } from './paths.js';
import { DEFAULT_RETENTION, prune, type PruneResult, type Retention } from './retention.js';
import { CORE_MIGRATIONS } from './schema.js';
import { Streams, type HubIdentity } from './streams.js';
import type { WriteListener } from './write-changes.js';
import { Writer } from './writer.js';
import {
  acquireWriterLock,
  CacheLockedError,
  LOCK_HEARTBEAT_MS,
  readWriterLock,
  refreshWriterLock,
  releaseWriterLock,
  type LockHolder,
} from './writer-lock.js';

export interface OpenCacheOptions {
  /** The cache file; see `defaultCachePath` for the per-hub default. */
  readonly path: string;
  /** Open for reading only: no lock taken, no migration, no writes. */
  readonly readOnly?: boolean;
  /** When another live console holds the writer lock: read-only (default) or a {@link CacheLockedError}. */
  readonly ifLocked?: 'read-only' | 'refuse';
  readonly now?: () => number;
  /** Schema steps other modules contribute (e.g. the alert engine's tables). */
  readonly extraMigrations?: readonly Migration[];
  readonly retention?: Partial<Retention>;
  /** SQLite page cache for this connection, in MiB. */
  readonly cacheSizeMiB?: number;
  /**
   * Seqs behind the hub past which a batch stores events and minute rollups only, leaving the rest to
   * `projectPending` and `foldPending`, which the caller must drain (the console: `DEFER_BACKLOG`); default never.
   */
  readonly deferBacklog?: number;
  /** How far an event's time may run ahead of its receipt before it is `clock_ahead` (docs/FIGURES.md); 5 min. */
  readonly clockToleranceMs?: number;
  /** Told the schema steps about to upgrade an existing file, before they run: on a large file they take minutes. */
  readonly onUpgrade?: (steps: readonly string[]) => void;
}

function configure(db: Database.Database, cacheSizeMiB: number): void {
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${cacheSizeMiB * 1024}`);
  db.pragma('temp_store = MEMORY');
}

/** An open cache file: written through its `Writer` while it holds the writer lock, else read-only (reads afresh). */
export class Cache {
  readonly readOnly: boolean;
  readonly retention: Retention;
  /** Codes ↔ the integer ids used in rollups. */
  readonly agencyIds: AgencyIds;
  private readonly streams: Streams;
  private readonly listeners = new Set<WriteListener>();
  private readonly timer: NodeJS.Timeout | undefined;
  private lastBeat: number;

  constructor(
    readonly path: string,
    /** The connection, for the metrics and modules with their own tables (written only in their migrations' tables). */
    readonly db: Database.Database,
    readonly now: () => number,
    retention: Partial<Retention> | undefined,
    private readonly writer: Writer | null,
    private readonly token: string,
    /** Who holds the writer lock when this handle fell back to read-only because of it. */
    readonly lockedBy: LockHolder | null,
  ) {
    this.readOnly = writer === null;
    this.retention = { ...DEFAULT_RETENTION, ...retention };
    this.agencyIds = writer?.agencies ?? new AgencyIds(db);
    this.streams = writer?.streams ?? new Streams(db);
    this.lastBeat = now();
    if (!writer) return;
    writer.onCommit = (changes) => this.listeners.forEach((l) => l(changes));
    this.timer = setInterval(() => db.open && this.beat(), LOCK_HEARTBEAT_MS).unref();
  }

  /** Stores one batch in one transaction (see {@link Writer}). Throws on a read-only cache. */
  applyBatch(
    messages: readonly (TelemetryMessage | UnknownMessage)[],
    rejections: readonly Rejection[] = [],
    meta: BatchMeta = {},
  ): ApplyResult {
    const result = this.writable().applyBatch(messages, rejections, meta, this.now());
    if (this.now() - this.lastBeat > LOCK_HEARTBEAT_MS) this.beat();
    return result;
  }

  /** The current history (the latest hello's) and its last stored seq (0 if none): resume with `?since=lastSeq`. */
  cursor() {
    const s = this.fresh().current;
    return s ? { hubId: s.hubId, epoch: s.epoch, lastSeq: s.lastSeq } : { hubId: null, epoch: null, lastSeq: 0 };
  }

  /** Last stored seq of one history; 0 for a history the cache has never seen. */
  lastSeq(identity: HubIdentity): number {
    return this.fresh().find(identity)?.lastSeq ?? 0;
  }

  /** Open gaps of the current history, oldest first. */
  gaps(): Gap[] {
    const s = this.fresh().current;
    const sql = `SELECT ${GAP_COLUMNS} FROM gaps WHERE stream = ? ORDER BY from_seq`;
    return s ? (this.db.prepare(sql).all(s.id) as Gap[]) : [];
  }

  /** Applies the retention policy; returns what it removed. */
  prune(at = this.now()): PruneResult {
    const writer = this.writable();
    const result = prune(this.db, this.retention, at);
    writer.pruned();
    const none = new Set<number>();
    const changes = { minutes: none, hours: none, recipients: none, registry: false };
    writer.onCommit?.({ ...changes, prunedBefore: result.rollupsBefore });
    return result;
  }

  /** Derives a slice of what a catch-up left behind (`Writer.projectPending`); returns the seqs still behind. */
  projectPending(max?: number): number {
    return this.writer?.projectPending(max, this.now()) ?? 0;
  }

  /** Folds a slice of the hours a catch-up left unfolded (`Writer.foldPending`); returns how many stay. */
  foldPending(maxHours?: number): number {
    return this.writer?.foldPending(maxHours) ?? 0;
  }

  /** Tells `listener` what each write through this handle changes (see `write-changes.ts`); returns how to stop. */
  onWrite(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearInterval(this.timer);
    if (!this.db.open) return;
    if (this.writer) releaseWriterLock(this.db, this.token);
    this.db.close();
  }

  private beat(): void {
    this.lastBeat = this.now();
    refreshWriterLock(this.db, this.lastBeat, this.token);
  }

  /** The streams as the file holds them now: a read-only handle reads them again. */
  private fresh(): Streams {
    if (!this.writer) this.streams.reload();
    return this.streams;
  }

  private writable(): Writer {
    if (this.writer) return this.writer;
    const by = this.lockedBy ? ` (written by pid ${this.lockedBy.pid} on ${this.lockedBy.host})` : '';
    throw new Error(`cache ${this.path} is open read-only${by}`);
  }
}

/**
 * Opens (creating if needed) a cache file: WAL, `synchronous=NORMAL` (a power cut may lose the
 * last transactions, never corrupt the file), owner-only permissions, schema migrated, writer
 * lock taken. A second console on the same file gets a read-only handle (or a refusal).
 */
export function openCache(options: OpenCacheOptions): Cache {
  const { path } = options;
  const now = options.now ?? Date.now;
  const extra = options.extraMigrations ?? [];
  const cacheSizeMiB = options.cacheSizeMiB ?? 64;
  const readOnly = (lockedBy: LockHolder | null): Cache => {
    if (!existsSync(path))
      throw new Error(`cache ${path} does not exist; a console must create it before it can be opened read-only`);
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      configure(db, cacheSizeMiB);
      if (pendingMigrations(db, CORE_MIGRATIONS, extra).length > 0)
        throw new Error(`cache ${path} has an older schema; open it once for writing to update it`);
    } catch (err) {
      db.close();
      throw err;
    }
    return new Cache(path, db, now, options.retention, null, '', lockedBy ?? readWriterLock(db));
  };
  if (options.readOnly) return readOnly(null);

  prepareCacheFile(path);
  const db = new Database(path);
  const token = randomUUID();
  try {
    // Large pages: a quarter of the page splits and WAL frames per event of 4 KiB pages, which more than doubles
    // batched insert speed into the indexed tables. Only takes effect on a new file (before WAL is on).
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    configure(db, cacheSizeMiB);
    const holder = acquireWriterLock(db, now(), token);
    if (holder) {
      db.close();
      if (options.ifLocked === 'refuse') throw new CacheLockedError(path, holder);
      return readOnly(holder);
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
  const deferBacklog = options.deferBacklog ?? Number.POSITIVE_INFINITY;
  const writer = new Writer(db, path, deferBacklog, options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS);
  return new Cache(path, db, now, options.retention, writer, token, null);
}
