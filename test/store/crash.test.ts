import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCache } from '../../src/store/index.js';
import { runChild } from '../support/child-process.js';
import { tempDir } from '../support/telemetry.js';

describe('a writer killed with SIGKILL in the middle of a batch', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('hubmon-crash-');
  });
  afterAll(() => tmp.cleanup());

  it('leaves a file that passes integrity_check, keeps every committed batch, and resumes without duplicates', async () => {
    const path = join(tmp.dir, 'hub.sqlite');
    let lastReported = 0;
    for (let round = 0; round < 3; round++) {
      const child = runChild('writer-child.mjs', [path]).proc;
      const target = lastReported + 2_000 + round * 600;
      await new Promise<void>((done) => {
        let buf = '';
        child.stdout!.on('data', (chunk: Buffer) => {
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
