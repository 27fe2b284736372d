import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCache } from '../../src/store/index.js';
import { tempDir } from '../support/telemetry.js';

const ROOT = resolve(__dirname, '../..');
// Compiled inside the repo so the child resolves better-sqlite3 and zod from node_modules.
const BUILD = join(ROOT, 'node_modules', '.cache', `hubmon-crash-${process.pid}`);

/** Writes 200-event batches forever, printing each committed seq, until it is killed. */
const CHILD = `
import { openCache } from './store/index.js';
const path = process.argv[2];
const cache = openCache({ path });
const ts = (i) => new Date(Date.UTC(2026, 10, 22) + i * 1000).toISOString();
const hello = { v: 1, seq: 0, ts: ts(0), type: 'hello', data: { hubId: 'crash', hubName: 'crash', hubVersion: '1', epoch: 'e1', serverTime: ts(0), newestSeq: 0, oldestSeq: 0, heartbeatMs: 5000 } };
let seq = cache.cursor().lastSeq;
cache.applyBatch([hello]);
for (;;) {
  const batch = [];
  for (let i = 0; i < 200; i++) {
    seq++;
    batch.push({ v: 1, seq, ts: ts(seq), type: 'document.sent', data: { docId: '000.00.00.G22,2026/11/22,' + seq + '/VB', sender: '000.00.00.G22', recipients: ['000.00.00.H41', '000.00.00.H14'], attachments: 1, sizeBytes: 100 } });
  }
  cache.applyBatch(batch);
  process.stdout.write(seq + '\\n');
}
`;

describe('a writer killed with SIGKILL in the middle of a batch', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('hubmon-crash-');
    mkdirSync(BUILD, { recursive: true });
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '--outDir',
        BUILD,
        '--rootDir',
        join(ROOT, 'src'),
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--strict',
        '--types',
        'node',
        join(ROOT, 'src/store/index.ts'),
      ],
      { stdio: 'pipe' },
    );
    writeFileSync(join(BUILD, 'writer-child.mjs'), CHILD);
  }, 120_000);
  afterAll(() => {
    tmp.cleanup();
    rmSync(BUILD, { recursive: true, force: true });
  });

  it('leaves a file that passes integrity_check, keeps every committed batch, and resumes without duplicates', async () => {
    const path = join(tmp.dir, 'hub.sqlite');
    let lastReported = 0;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [join(BUILD, 'writer-child.mjs'), path], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const target = lastReported + 2_000 + round * 600;
      await new Promise<void>((done) => {
        let buf = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buf += chunk.toString();
          const lines = buf.split('\n');
          buf = lines.pop()!;
          for (const l of lines) lastReported = Math.max(lastReported, Number(l));
          if (lastReported >= target && child.exitCode === null && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', () => done());
      });
      expect(child.signalCode).toBe('SIGKILL');

      const cache = openCache({ path, ifLocked: 'refuse' });
      expect(cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n, lo, hi } = cache.db.prepare('SELECT count(*) n, min(seq) lo, max(seq) hi FROM events').get() as {
        n: number;
        lo: number;
        hi: number;
      };
      // Every batch the child reported as committed is there, whole, with no hole and nothing twice.
      expect(hi).toBeGreaterThanOrEqual(lastReported);
      expect(hi % 200).toBe(0);
      expect([lo, n]).toEqual([1, hi]);
      expect(cache.cursor().lastSeq).toBe(hi);
      expect(cache.db.prepare('SELECT sum(sent) FROM rollup_minute').pluck().get()).toBe(hi);
      expect(cache.db.prepare('SELECT count(*) FROM deliveries').pluck().get()).toBe(2 * hi);
      expect(cache.gaps()).toEqual([]);
      cache.close();
      lastReported = hi;
    }
  }, 120_000);
});
