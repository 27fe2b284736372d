/**
 * One event dated 2099 among normal traffic: kept and marked `clock_ahead`, it moves neither
 * the cache's newest minute nor its folded hours nor the age `status --max-age` judges.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/cli/command.js';
import { createStatusCommand } from '../../src/cli/commands/status.js';
import { createMetrics } from '../../src/metrics/index.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { A, docId, hello, msg, tempDir } from '../support/telemetry.js';

const T0 = Date.UTC(2026, 10, 22, 2, 0);
const MIN = 60_000;
const END = T0 + 3 * 60 * MIN;
const FUTURE = Date.UTC(2099, 0, 1);

const sent = (seq: number, ts: number): TelemetryMessage =>
  msg(seq, ts, 'document.sent', {
    docId: docId(A.vpcp, seq),
    sender: A.vpcp,
    recipients: [A.ngheAn],
    attachments: 1,
    sizeBytes: 100,
  });
const delivered = (seq: number, n: number, ts: number): TelemetryMessage =>
  msg(seq, ts, 'document.delivered', { docId: docId(A.vpcp, n), recipient: A.ngheAn });

/**
 * Three hours of traffic, a minute per batch, each received as it happens; with `future`,
 * a document dated 2099 and a delivery of a normal document dated 2099 in the middle.
 */
function fill(cache: Cache, future: boolean): void {
  cache.applyBatch([hello()], [], { receivedAt: T0 });
  let seq = 0;
  let n = 0;
  for (let t = T0; t < END; t += MIN) {
    const batch = [sent(++seq, t)];
    n = seq;
    batch.push(delivered(++seq, n, t + 1000));
    if (future && t === T0 + 90 * MIN) {
      batch.push(sent(++seq, FUTURE), delivered(++seq, n + 1_000_000, FUTURE));
    }
    cache.applyBatch(batch, [], { receivedAt: t + 2000 });
  }
}

describe('an event ahead of its receipt', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  function state(path: string) {
    const cache = openCache({ path, now: () => END });
    try {
      const meta = (k: string) => cache.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(k);
      const metrics = createMetrics(cache);
      return {
        newestMinute: meta('newest_minute'),
        foldedUntil: meta('hours_compacted_until'),
        newestTs: cache.db.prepare('SELECT max(newest_ts) FROM streams').pluck().get(),
        totals: ['5m', '1h', '24h'].map((w) => {
          const t = metrics.totals(END, w as '1h');
          return [t.sent, t.received];
        }),
        stream: metrics.stream().newestEventTs,
      };
    } finally {
      cache.close();
    }
  }

  it('is kept and marked, and leaves figures, compaction and the newest time as without it', () => {
    const plain = join(tmp.dir, 'plain.sqlite');
    const ahead = join(tmp.dir, 'ahead.sqlite');
    for (const [path, future] of [
      [plain, false],
      [ahead, true],
    ] as const) {
      const cache = openCache({ path, now: () => T0 });
      fill(cache, future);
      cache.close();
    }
    const withFuture = state(ahead);
    expect(withFuture).toEqual(state(plain));
    // Every hour but the last closed one (an hour's slack) is folded, as without the 2099 events.
    expect(withFuture.foldedUntil).toBe(String(END / 3_600_000 - 2));
    expect(withFuture.newestTs).toBe(END - MIN + 1000);

    const cache = openCache({ path: ahead, now: () => END });
    try {
      const rows = cache.db.prepare('SELECT reason, type, detail FROM rejections ORDER BY id').all() as {
        reason: string;
        type: string;
        detail: string;
      }[];
      // Both counted; the first of the batch listed.
      expect(rows.map((r) => [r.reason, r.type])).toEqual([['clock_ahead', 'document.sent']]);
      expect(rows[0]!.detail).toMatch(
        /^ts: 2099-01-01T00:00:00.000Z is \d+ min ahead of its receipt at 2026-11-22T03:30:02.000Z/,
      );
      expect(cache.db.prepare("SELECT n FROM counters WHERE name = 'clock_ahead'").pluck().get()).toBe(2);
      // Kept: the document is stored and derived, at the time the hub gave it.
      expect(cache.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2 * 180 + 2);
      expect(cache.db.prepare('SELECT sent_at FROM documents WHERE doc_id = ?').pluck().get(docId(A.vpcp, 183))).toBe(
        FUTURE,
      );
    } finally {
      cache.close();
    }
  });

  it('leaves status --max-age judging the age by receipt time', async () => {
    const path = join(tmp.dir, 'hub.sqlite');
    const cache = openCache({ path, now: () => T0 });
    fill(cache, true);
    cache.close();
    const status = async (now: number) => {
      const stdout = new PassThrough();
      const chunks: Buffer[] = [];
      stdout.on('data', (c: Buffer) => chunks.push(c));
      const io: CommandIo = {
        stdout,
        stderr: new PassThrough(),
        env: { HOME: tmp.dir, XDG_CONFIG_HOME: join(tmp.dir, 'config'), LANG: 'en_GB.UTF-8' },
      };
      const code = await createStatusCommand(() => now).run(['--cache', path, '--max-age', '600'], io);
      return { code, out: Buffer.concat(chunks).toString('utf8') };
    };
    const fresh = await status(END + 5 * MIN);
    expect(fresh.out).not.toMatch(/UNKNOWN/);
    expect(fresh.out).toMatch(/ age=359s;/);
    const stale = await status(END + 30 * MIN);
    expect(stale.code).toBe(3);
    expect(stale.out).toMatch(/^HUBMON UNKNOWN - .*cache is 3\d min old/);
  });
});
