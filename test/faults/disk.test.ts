import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest, type IngestClient } from '../../src/ingest/index.js';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { cachedHistory, hubHistory, integrity, until } from './helpers/history.js';

/**
 * The cache refusing writes while the client runs: a full disk, and a file that cannot be
 * written. Tests run as root here, where `chmod` stops nothing, so the faults are made in ways
 * that bind root too: SQLite's `max_page_count` caps the file's size exactly as a full disk
 * would (SQLITE_FULL), `query_only` refuses writes on the connection (SQLITE_READONLY), and the
 * immutable attribute (`chattr +i`), where the file system and capabilities allow it, makes the
 * files themselves unwritable to anyone. Each time the client must say so in words, keep
 * running and retrying, keep serving what the cache holds, and once the fault clears end with
 * every event exactly once.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-faults-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let hub: SimHub | undefined;
let client: IngestClient | undefined;
let cache: Cache | undefined;
const immutable: string[] = [];
afterEach(async () => {
  for (const f of immutable.splice(0)) chattr('-i', f);
  await client?.stop();
  cache?.close();
  await hub?.close();
  client = cache = hub = undefined;
});

function chattr(flag: string, file: string): boolean {
  try {
    execFileSync('chattr', [flag, file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether this machine lets the tests set the immutable attribute (root with CAP_LINUX_IMMUTABLE, ext4/xfs…). */
const canImmutable = ((): boolean => {
  const probe = path.join(dir, 'probe');
  execFileSync('touch', [probe]);
  const ok = chattr('+i', probe);
  if (ok) chattr('-i', probe);
  return ok;
})();

async function start(name: string): Promise<{ file: string; first: number }> {
  hub = await startSimHub({
    clock: 'manual',
    history: 0,
    start: Date.UTC(2026, 10, 23, 1, 0, 0),
    seed: 3,
    heartbeatMs: 200,
  });
  hub.emitEvents(1_000);
  const first = hub.newestSeq;
  const file = path.join(dir, `${name}.sqlite`);
  cache = openCache({ path: file });
  client = startIngest({
    url: hub.url,
    sink: cacheSink(cache),
    backoff: { initialMs: 10, maxMs: 80 },
    batchMaxMessages: 300,
  });
  await until(
    () => client!.status().storedSeq === first,
    () => `the first ${first} events`,
  );
  await client.flush();
  return { file, first };
}

/** While the fault holds: the reason in words, retries going on, what is held still readable and unchanged. */
async function duringFault(first: number, message: RegExp): Promise<void> {
  hub!.emitEvents(600);
  await until(
    () => message.test(client!.status().lastError?.message ?? ''),
    () => `a clear reason; status ${JSON.stringify(client!.status())}`,
  );
  const reconnects = client!.status().counts.reconnects;
  await until(
    () => client!.status().counts.reconnects >= reconnects + 2,
    () => 'two more attempts',
  );
  expect(client!.status().storedSeq).toBe(first);
  expect(['reconnecting', 'offline', 'connecting']).toContain(client!.status().state);
  // The console keeps serving the cache's numbers from the same handle.
  expect(cache!.db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(first);
  expect(cache!.cursor().lastSeq).toBe(first);
}

async function afterFault(file: string): Promise<void> {
  const last = hub!.newestSeq;
  await until(
    () => client!.status().state === 'live' && client!.status().storedSeq === last,
    () => `recovery to ${last}; status ${JSON.stringify(client!.status())}`,
  );
  await client!.flush();
  const truth = await hubHistory(hub!.url, last);
  expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
  expect(integrity(file)).toBe('ok');
}

describe('cache write faults', () => {
  afterAll(() => {
    // Said plainly rather than skipped silently: the first two cases bind root everywhere.
    console.log(`immutable cache files case: ${canImmutable ? 'ran' : 'not possible on this machine (no chattr +i)'}`);
  });

  it('a full disk (SQLITE_FULL): says so, keeps retrying, loses nothing once there is room again', async () => {
    const { file, first } = await start('full');
    const pages = cache!.db.pragma('page_count', { simple: true }) as number;
    cache!.db.pragma(`max_page_count = ${pages}`);
    await duringFault(first, /disk is full|SQLITE_FULL/);
    cache!.db.pragma('max_page_count = 1073741823');
    await afterFault(file);
  });

  it('a cache that refuses writes (SQLITE_READONLY): says so, keeps retrying, loses nothing once writable', async () => {
    const { file, first } = await start('readonly');
    cache!.db.pragma('query_only = ON');
    await duringFault(first, /readonly|read-only|query_only/i);
    cache!.db.pragma('query_only = OFF');
    await afterFault(file);
  });

  it.runIf(canImmutable)(
    'cache files made immutable under a running client (binds root too): says so, keeps retrying, loses nothing',
    async () => {
      const { file, first } = await start('immutable');
      // Not the -shm file: SQLite maps it into memory and a write fault there is a SIGBUS that
      // no program can catch (see docs/SECURITY.md); the data files are what a failing disk takes.
      for (const f of [file, `${file}-wal`]) {
        if (existsSync(f) && chattr('+i', f)) immutable.push(f);
      }
      expect(immutable.length).toBeGreaterThan(0);
      await duringFault(first, /cache write failed: disk I\/O error/);
      for (const f of immutable.splice(0)) chattr('-i', f);
      await afterFault(file);
    },
  );
});
