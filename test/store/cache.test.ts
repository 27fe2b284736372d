import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runChildSync } from '../support/child-process.js';
import {
  CacheLockedError,
  CORE_MIGRATIONS,
  defaultCachePath,
  migrate,
  openCache,
  cacheFileName,
  type Migration,
} from '../../src/store/index.js';
import { A, docId, hello, msg, tempDir } from '../support/telemetry.js';

const T0 = Date.UTC(2026, 10, 22, 2, 0);
const DAY = 86_400_000;
const mode = (p: string): number => statSync(p).mode & 0o777;

describe('cache file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('creates its folder 0700 and the file, -wal and -shm 0600', () => {
    const path = join(tmp.dir, 'nested', 'hub.sqlite');
    const cache = openCache({ path, now: () => T0 });
    cache.applyBatch([hello(), msg(1, T0, 'agency.removed', { id: A.quiet })]);
    expect(mode(join(tmp.dir, 'nested'))).toBe(0o700);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(f)).toBe(true);
      expect(mode(f)).toBe(0o600);
    }
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(1);
    cache.close();
  });

  it('defaults to one file per hub under $XDG_CACHE_HOME/hubmon', () => {
    expect(defaultCachePath('ws://hub.example.vn:8443/v1/telemetry', { XDG_CACHE_HOME: '/x/cache' })).toBe(
      '/x/cache/hubmon/hub.example.vn_8443.sqlite',
    );
    expect(defaultCachePath('wss://truc.gov.vn/v1/telemetry', { HOME: '/home/op' })).toBe(
      '/home/op/.cache/hubmon/truc.gov.vn.sqlite',
    );
    expect(cacheFileName('../../etc/passwd')).toBe('etc_passwd.sqlite');
  });

  it('migrates an empty file, re-opens without migrating again, and runs contributed steps once', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    const runs: string[] = [];
    const extra: Migration[] = [
      { id: 'alerts/1', up: (db) => (runs.push('alerts/1'), db.exec('CREATE TABLE alert_x (k TEXT PRIMARY KEY)')) },
    ];
    openCache({ path, extraMigrations: extra }).close();
    openCache({ path, extraMigrations: extra }).close();
    const more: Migration[] = [
      ...extra,
      { id: 'alerts/2', up: (db) => (runs.push('alerts/2'), db.exec('ALTER TABLE alert_x ADD COLUMN v')) },
    ];
    const cache = openCache({ path, extraMigrations: more });
    expect(runs).toEqual(['alerts/1', 'alerts/2']);
    expect(cache.db.pragma('user_version', { simple: true })).toBe(CORE_MIGRATIONS.length);
    expect(cache.db.prepare('SELECT id FROM schema_steps ORDER BY id').pluck().all()).toEqual([
      'alerts/1',
      'alerts/2',
      'store/1',
      'store/2',
      'store/3',
      'store/4',
      'store/5',
      'store/6',
      'store/7',
      'store/8',
    ]);
    cache.close();
  });

  it('tells who waits which steps upgrade an existing file, and says nothing for a new one', () => {
    const fresh: string[][] = [];
    openCache({ path: join(tmp.dir, 'new.sqlite'), onUpgrade: (s) => fresh.push([...s]) }).close();
    expect(fresh).toEqual([]);

    const path = join(tmp.dir, 'old.sqlite');
    const old = new Database(path);
    migrate(old, CORE_MIGRATIONS.slice(0, 3), [], T0);
    old.close();
    const told: string[][] = [];
    const cache = openCache({ path, onUpgrade: (s) => told.push([...s]) });
    expect(told).toEqual([['store/4', 'store/5', 'store/6', 'store/7', 'store/8']]);
    expect(cache.db.pragma('user_version', { simple: true })).toBe(CORE_MIGRATIONS.length);
    cache.close();
    openCache({ path, onUpgrade: (s) => told.push([...s]) }).close();
    expect(told).toHaveLength(1);
  });

  it('waits for another connection holding the write lock, rather than failing the batch', async () => {
    const path = join(tmp.dir, 'busy.sqlite');
    const cache = openCache({ path, now: () => T0 });
    const sent = msg(1, T0, 'document.sent', {
      docId: docId(A.vpcp, 1),
      sender: A.vpcp,
      recipients: [A.ngheAn],
      attachments: 0,
      sizeBytes: 1,
    });
    cache.applyBatch([hello(), sent]);
    // Another process's connection (a second console trying the writer lock, say) holds the
    // write lock for 300 ms, from a thread of its own.
    const holder = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const db = new (require('better-sqlite3'))(workerData);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: path },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    try {
      // A repeat: the batch reads (the stored event) before it writes (the duplicates counter).
      expect(cache.applyBatch([sent])).toMatchObject({ stored: 0, duplicates: 1 });
    } finally {
      await holder.terminate();
      cache.close();
    }
  });

  it('refuses a file written by a newer schema', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    openCache({ path }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${CORE_MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openCache({ path })).toThrow(/newer than this hubmon understands/);
  });

  it('serves what it holds after a restart with no hub reachable', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    const first = openCache({ path, now: () => T0 });
    first.applyBatch([
      hello(),
      msg(1, T0, 'agency.removed', { id: A.quiet }),
      msg(2, T0, 'agency.removed', { id: A.vpcp }),
    ]);
    first.close();
    const again = openCache({ path, now: () => T0 });
    expect(again.cursor()).toEqual({ hubId: 'hub-test', epoch: 'e1', lastSeq: 2 });
    again.close();
  });
});

describe('writer lock: two consoles on one file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('gives the second console a read-only handle that still reads, or refuses it with a clear message', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    const writer = openCache({ path, now: () => T0 });
    writer.applyBatch([hello(), msg(1, T0, 'agency.removed', { id: A.quiet })]);
    const second = openCache({ path, now: () => T0 });
    expect(second.readOnly).toBe(true);
    expect(second.lockedBy).toMatchObject({ pid: process.pid });
    expect(second.cursor().lastSeq).toBe(1);
    expect(() => second.applyBatch([])).toThrow(/read-only/);
    writer.applyBatch([msg(2, T0, 'agency.removed', { id: A.vpcp })]);
    expect(second.cursor().lastSeq).toBe(2);
    expect(() => openCache({ path, ifLocked: 'refuse', now: () => T0 })).toThrow(CacheLockedError);
    expect(() => openCache({ path, ifLocked: 'refuse', now: () => T0 })).toThrow(
      /in use by hubmon \(pid \d+ on .+\); open it read-only/,
    );
    second.close();
    writer.close();
    const third = openCache({ path, ifLocked: 'refuse' });
    expect(third.readOnly).toBe(false);
    third.close();
  });

  it('takes over a lock left by a process that was killed', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    openCache({ path }).close();
    // A process that took the lock and died without releasing it.
    const child = runChildSync('dead-lock-holder.mjs', [path]);
    expect(child.signal).toBe('SIGKILL');
    const lock = new Database(path, { readonly: true }).prepare('SELECT token FROM writer_lock').pluck().get();
    expect(lock).toBe('dead');
    const cache = openCache({ path, ifLocked: 'refuse' });
    expect(cache.readOnly).toBe(false);
    cache.close();
  });

  it('takes over a lock whose holder stopped refreshing it, even on another host', () => {
    const path = join(tmp.dir, 'hub.sqlite');
    openCache({ path }).close();
    const db = new Database(path);
    db.prepare(
      "INSERT OR REPLACE INTO writer_lock (id, pid, host, started_at, heartbeat_at, token) VALUES (1, 1, 'other-host', ?, ?, 'x')",
    ).run(T0, T0);
    db.close();
    expect(openCache({ path, ifLocked: 'refuse', now: () => T0 + 2 * 60_000 }).readOnly === true).toBe(false);
  });
});

describe('retention', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  const now = T0 + 100 * DAY;
  const open = (deferBacklog?: number) =>
    openCache({
      path: join(tmp.dir, 'hub.sqlite'),
      now: () => now,
      retention: { rawEventsDays: 10, minuteRollupDays: 20, hourlyRollupDays: 50, documentsDays: 30 },
      ...(deferBacklog !== undefined && { deferBacklog }),
    });
  const sent = (seq: number, ts: number, n = seq, replyBy?: number) =>
    msg(seq, ts, 'document.sent', {
      docId: docId(A.vpcp, n),
      sender: A.vpcp,
      recipients: [A.ngheAn],
      attachments: 0,
      sizeBytes: 1,
      ...(replyBy !== undefined && { replyBy: new Date(replyBy).toISOString() }),
    });

  it('drops raw events, minute rows and finished deliveries past their periods, keeping open deadlines', () => {
    const cache = open();
    cache.applyBatch([
      hello(),
      sent(1, now - 60 * DAY, 1), // only its hour row survives
      sent(2, now - 40 * DAY, 2, now - 35 * DAY), // open deadline: its delivery stays
      sent(3, now - 25 * DAY, 3),
      sent(4, now - 5 * DAY, 4),
    ]);
    const r = cache.prune();
    expect(r).toMatchObject({ events: 3, deliveries: 1, documents: 1 });
    const q = (sql: string) => cache.db.prepare(sql).pluck().all();
    expect(q('SELECT seq FROM events')).toEqual([4]);
    // Minute rows: only the last one is within 20 days. Hour rows: the newest hour is not
    // folded yet, the one 60 days back is past 50 days, so those of -40 and -25 days remain.
    expect(q('SELECT count(*) FROM rollup_minute')).toEqual([1]);
    expect(q('SELECT sum(sent) FROM rollup_hour')).toEqual([2]);
    expect(q('SELECT d.doc_id FROM deliveries JOIN documents d ON d.id = doc ORDER BY 1')).toEqual([
      docId(A.vpcp, 2),
      docId(A.vpcp, 3),
      docId(A.vpcp, 4),
    ]);
    expect(cache.cursor().lastSeq).toBe(4);
    cache.close();
  });

  it('keeps minute rows past their period until their hours are folded', () => {
    const cache = open(10);
    // A catch-up far behind the hub: six hours of 40 days ago, folded later.
    cache.applyBatch([
      hello('e1', 1_000, 'hub-test', now),
      ...[1, 2, 3, 4, 5, 6].map((h) => sent(h, now - 40 * DAY + h * 3_600_000)),
    ]);
    const q = (sql: string) => cache.db.prepare(sql).pluck().get();
    expect(q('SELECT count(*) FROM rollup_hour')).toBe(0);
    cache.prune();
    expect(q('SELECT sum(sent) FROM rollup_minute')).toBe(6);
    while (cache.projectPending() > 0);
    while (cache.foldPending() > 0);
    // Folded up to the hour before the newest one (an hour's slack): four of the six.
    expect(q('SELECT sum(sent) FROM rollup_hour')).toBe(4);
    cache.prune();
    expect(q('SELECT sum(sent) FROM rollup_minute')).toBe(2);
    cache.close();
  });

  it('holds a follow-up of a document retention removed, as of one never sent', () => {
    const cache = open();
    // Sent 60 days ago: the writer has just looked its row up; retention then removes it.
    cache.applyBatch([hello(), sent(1, now - 60 * DAY, 1)]);
    expect(cache.prune()).toMatchObject({ documents: 1 });
    cache.applyBatch([msg(2, now, 'document.delivered', { docId: docId(A.vpcp, 1), recipient: A.ngheAn })]);
    const q = (sql: string) => cache.db.prepare(sql).pluck().get();
    expect(q('SELECT count(*) FROM held_events')).toBe(1);
    expect(q('SELECT count(*) FROM documents')).toBe(0);
    cache.close();
  });
});
