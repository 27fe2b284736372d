import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runChild } from '../support/child-process.js';
import { eventFor } from './helpers/events.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-ingest-kill-'));
let hub: TestHub;
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest process killed with SIGKILL in the middle of a batch', () => {
  it('leaves a sound cache and, started again, ends with every event exactly once', async () => {
    const N = 12_000;
    hub = await startTestHub({ events: N, perFrame: 40 });
    const cachePath = path.join(dir, 'hub.sqlite');

    const first = runChild('ingest-child.mjs', [hub.url, cachePath, '4', String(N)]);
    const mid = await first.waitLine(/^mid-batch /);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const [, from] = /^mid-batch (\d+)-(\d+)$/.exec(mid)!.map(Number) as [number, number, number];

    const second = runChild('ingest-child.mjs', [hub.url, cachePath, '0', String(N)]);
    const started = await second.waitLine(/^started since /);
    // The batch the first run died in was never committed: the second run resumes before it.
    expect(started).toBe(`started since ${from - 1}`);
    await second.waitLine(/^done /);
    expect((await second.exited).code).toBe(0);

    const db = new Database(cachePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db
        .prepare(
          'SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS distinctSeqs, MIN(seq) AS lo, MAX(seq) AS hi FROM events',
        )
        .get();
      expect(row).toEqual({ n: N, distinctSeqs: N, lo: 1, hi: N });
      // Rollups count each document once too: every fourth event is a valid signature check,
      // and the documents they sign repeat every 9,000 seqs.
      const sig = db
        .prepare(
          'SELECT (SELECT COALESCE(SUM(sig_valid), 0) FROM rollup_minute) + (SELECT COALESCE(SUM(sig_valid), 0) FROM rollup_hour) AS n',
        )
        .pluck()
        .get();
      const signedDocs = new Set<string>();
      for (let seq = 2; seq <= N; seq += 4) signedDocs.add((eventFor(seq) as { data: { docId: string } }).data.docId);
      expect(sig).toBe(signedDocs.size);
      expect(db.prepare("SELECT COUNT(*) FROM events WHERE type = 'signature.verified'").pluck().get()).toBe(N / 4);
      expect(db.prepare('SELECT COUNT(*) FROM rejections').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    expect(hub.subscriptions).toEqual([0, from - 1]);
  });
});
