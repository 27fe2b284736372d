import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/registry/rng.js';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { CacheLockedError, openCache, type Cache } from '../../src/store/index.js';
import { runChild, type Child } from '../support/child-process.js';
import { cachedHistory, hubHistory, integrity, until } from './helpers/history.js';

/**
 * Processes dying or doubling up around one cache file: the ingest process killed with SIGKILL
 * at unscripted moments, again and again, and two consoles on the same file (one writes, the
 * other reads; the writer's death hands the file over). Real processes, a real file.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-faults-proc-'));
let hub: SimHub | undefined;
const children: Child[] = [];
let cache: Cache | undefined;
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await c.exited;
  }
  cache?.close();
  await hub?.close();
  cache = hub = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spawnIngest = (url: string, file: string, stopAt: number): Child => {
  const c = runChild('ingest-child.mjs', [url, file, '0', String(stopAt)]);
  children.push(c);
  return c;
};
/** Events committed so far, read as another process would. */
function storedCount(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
const simAt = () =>
  startSimHub({
    clock: 'manual',
    history: 0,
    start: Date.UTC(2026, 10, 23, 1, 0, 0),
    seed: 9,
    heartbeatMs: 200,
    batchMax: 250,
  });

describe('process faults', () => {
  it('the ingest process killed with SIGKILL at random moments, four times: sound file, every event exactly once', async () => {
    const rng = mulberry32(23);
    hub = await simAt();
    while (hub.newestSeq < 25_000) hub.emitEvents(5_000);
    const last = hub.newestSeq;
    const file = path.join(dir, 'killed.sqlite');
    const resumedFrom: number[] = [];
    for (let kill = 0; kill < 4; kill++) {
      const child = spawnIngest(hub.url, file, last);
      const started = await child.waitLine(/^started since /);
      resumedFrom.push(Number(started.split(' ').at(-1)));
      // Somewhere inside the catch-up: once it has written more, at a moment no one chose.
      const from = resumedFrom.at(-1)!;
      await until(
        () => storedCount(file) > from + 1_000,
        () => `progress past ${from}`,
      );
      await new Promise((r) => setTimeout(r, Math.floor(rng() * 200)));
      child.proc.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      expect(integrity(file)).toBe('ok');
    }
    const final = spawnIngest(hub.url, file, last);
    const finalFrom = Number((await final.waitLine(/^started since /)).split(' ').at(-1));
    console.log(`SIGKILL runs resumed from ${[...resumedFrom, finalFrom].join(', ')} of ${last}`);
    // The kills landed inside the catch-up, or this test proves nothing.
    expect(finalFrom).toBeLessThan(last);
    await final.waitLine(/^done /);
    expect((await final.exited).code).toBe(0);

    // Each run resumed from what the one before it had committed, never from further back.
    for (let i = 1; i < resumedFrom.length; i++) expect(resumedFrom[i]).toBeGreaterThanOrEqual(resumedFrom[i - 1]!);
    expect(resumedFrom.at(-1)).toBeGreaterThan(0);
    const truth = await hubHistory(hub.url, last, 60_000);
    expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
    expect(integrity(file)).toBe('ok');
  });

  it('a second console on the same cache file reads but never writes; it may take over once the writer dies', async () => {
    hub = await simAt();
    hub.emitEvents(2_000);
    const file = path.join(dir, 'shared.sqlite');
    const writer = spawnIngest(hub.url, file, Number.MAX_SAFE_INTEGER);
    await writer.waitLine(/^started since /);
    await until(
      () => {
        try {
          return cachedHistory(file, hub!.epoch).length > 0;
        } catch {
          return false;
        }
      },
      () => 'the writer to store something',
    );

    // Refused outright when asked to, with who holds it and what to do.
    let refusal: unknown;
    try {
      openCache({ path: file, ifLocked: 'refuse' }).close();
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(CacheLockedError);
    expect((refusal as Error).message).toContain(`in use by hubmon (pid ${writer.proc.pid}`);
    expect((refusal as Error).message).toContain('open it read-only (--read-only) or stop that console');

    // By default: a read-only handle that says who writes, follows the writer, and writes nothing.
    cache = openCache({ path: file });
    expect(cache.readOnly).toBe(true);
    expect(cache.lockedBy?.pid).toBe(writer.proc.pid);
    expect(() => cache!.applyBatch([])).toThrow(/read-only/);
    const seen = cache.cursor().lastSeq;
    hub.emitEvents(1_000);
    const last = hub.newestSeq;
    await until(
      () => cache!.cursor().lastSeq === last,
      () => `the reader to see the writer reach ${last} (at ${cache!.cursor().lastSeq})`,
    );
    expect(cache.cursor().lastSeq).toBeGreaterThan(seen);
    cache.close();
    cache = undefined;

    // The writer dies without releasing the lock: the next console sees a dead holder and writes.
    writer.proc.kill('SIGKILL');
    await writer.exited;
    cache = openCache({ path: file });
    expect(cache.readOnly).toBe(false);
    cache.close();
    cache = undefined;
    const truth = await hubHistory(hub.url, last);
    expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
    expect(integrity(file)).toBe('ok');
  });
});
