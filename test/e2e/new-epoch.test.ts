/**
 * The real bin/hubmon at 80×24 while the simulated hub under it is killed and started again on
 * the same port with a new epoch: the console says a new history began, shows no stale link
 * error once it is live again, and its cache's overdue figures equal a fresh cache's of the new hub.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest } from '../../src/ingest/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { openCache } from '../../src/store/index.js';
import { built } from '../support/bin.js';
import { headerSaysLive, startConsoleInTmux } from '../support/console-in-tmux.js';
import { hasTmux, type TmuxSession } from '../support/tmux.js';

describe.runIf(hasTmux() && built)('a hub restarted with a new epoch under a running console', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubmon-e2e-epoch-'));
  const hubs: SimHub[] = [];
  let term: TmuxSession | undefined;
  afterAll(async () => {
    term?.kill();
    for (const h of hubs) await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so, drops the stale error, and counts overdue replies as a fresh cache of the new hub', async () => {
    // A fixed clock: the only changes are the ones the test makes.
    const start = Date.now();
    const options = { clock: 'manual' as const, start, agencies: 200, history: 6 * 3_600_000, heartbeatMs: 500 };
    const first = await startSimHub({ ...options, port: 0, seed: 5, epoch: 'E1' });
    hubs.push(first);
    const port = Number(new URL(first.url).port);
    term = startConsoleInTmux(first.url, dir);
    await term.waitFor(headerSaysLive, 'the header to say live', 60_000);

    await first.close();
    await term.waitFor((s) => /ECONNREFUSED|RECONNECTING|OFFLINE/.test(s), 'the link lost', 30_000);

    // Another history of the same hub, ending 90 minutes earlier: other times, other deadlines
    // (document ids repeat the first history's).
    const second = await startSimHub({ ...options, start: start - 90 * 60_000, port, seed: 5, epoch: 'E2' });
    hubs.push(second);
    const screen = await term.waitFor(
      (s) => headerSaysLive(s) && s.includes('NEW HISTORY'),
      'the new history announced, live',
      60_000,
    );
    expect(screen).toMatch(/NEW HISTORY since .* — the hub started epoch E2/);
    expect(screen).toMatch(/hub epoch changed to E2/);
    expect(screen).not.toMatch(/ECONNREFUSED|error:/);

    // The same hub, read into a fresh cache, judged at the same moment as the console's cache.
    const fresh = openCache({ path: join(dir, 'fresh.sqlite') });
    const client = startIngest({ url: second.url, sink: cacheSink(fresh) });
    const newest = second.newestSeq;
    for (let i = 0; i < 600 && client.status().storedSeq < newest; i++) await new Promise((r) => setTimeout(r, 100));
    await client.flush();
    await client.stop();
    const consoleCache = openCache({ path: join(dir, 'cache.sqlite'), ifLocked: 'read-only' });
    for (let i = 0; i < 600 && consoleCache.cursor().lastSeq < newest; i++)
      await new Promise((r) => setTimeout(r, 100));
    const at = start + 60_000;
    const overdue = (c: typeof fresh) => {
      const m = createMetrics(c);
      return { total: m.totals(at, '24h').overdueReplies, rows: m.deadlines(at).map((r) => [r.agencyId, r.overdue]) };
    };
    const seen = overdue(consoleCache);
    const expected = overdue(fresh);
    expect(expected.total).toBeGreaterThan(0);
    expect(seen).toEqual(expected);
    consoleCache.close();
    fresh.close();

    term.send('q');
  }, 240_000);
});
