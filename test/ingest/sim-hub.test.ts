import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { mulberry32 } from '../../src/registry/rng.js';
import { startSimHub } from '../../src/sim/index.js';
import { openCache } from '../../src/store/index.js';
import { cachedSeqs } from './helpers/cached-seqs.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

/** The client against the simulated hub (generated traffic, real server) into a real cache file. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-ingest-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const started = startedInEachTest();

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const fast = { backoff: { initialMs: 5, maxMs: 20 } };

describe('ingest from the simulated hub', () => {
  it('keeps every event once through dropped links and a hub restart with a new epoch', async () => {
    const rng = mulberry32(11);
    const hub = started.closing(
      await startSimHub({ port: 0, seed: 11, clock: 'manual', heartbeatMs: 200, batchMax: 50, history: 0 }),
      (sim) => sim.close(),
    );
    hub.emitEvents(4_000);
    const cache = started.closing(openCache({ path: path.join(dir, 'sim.sqlite') }), (c) => c.close());
    const client = started.client({
      url: hub.url,
      sink: cacheSink(cache),
      batchMaxMessages: 600,
      random: rng,
      ...fast,
    });
    const h = hub;
    // Drop every link a few times at random points of the catch-up while traffic keeps coming.
    for (let round = 0; round < 4; round++) {
      const target = Math.min(client.status().storedSeq + 200 + Math.floor(rng() * 600), h.newestSeq);
      await waitFor(() => h.clientCount === 1 && client.status().storedSeq >= target, `round ${round}`);
      h.dropClients();
      h.emitEvents(500 + Math.floor(rng() * 500));
    }
    const firstEpoch = hub.epoch;
    await waitFor(() => client.status().state === 'live' && client.status().storedSeq === h.newestSeq, 'caught up');
    const n1 = hub.newestSeq;
    expect(cachedSeqs(cache, firstEpoch)).toEqual(range(n1));
    expect(client.status().counts.reconnects).toBeGreaterThanOrEqual(4);

    const secondEpoch = hub.restart();
    hub.emitEvents(700);
    const n2 = hub.newestSeq;
    await waitFor(() => client.status().hub?.epoch === secondEpoch && client.status().storedSeq === n2, 'new epoch');
    expect(cachedSeqs(cache, firstEpoch)).toEqual(range(n1));
    expect(cachedSeqs(cache, secondEpoch)).toEqual(range(n2));
    // The manual clock runs ahead of this machine's: those events are kept and marked, not set aside.
    expect(cache.db.prepare("SELECT COUNT(*) FROM rejections WHERE reason != 'clock_ahead'").pluck().get()).toBe(0);
    expect(cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('shows a silenced hub as stale and subscribes afresh', async () => {
    const hub = started.closing(
      await startSimHub({ port: 0, seed: 12, clock: 'manual', heartbeatMs: 40, history: 0 }),
      (sim) => sim.close(),
    );
    hub.emitEvents(100);
    const cache = started.closing(openCache({ path: path.join(dir, 'silent.sqlite') }), (c) => c.close());
    const states: string[] = [];
    const client = started.client({ url: hub.url, sink: cacheSink(cache), ...fast });
    client.subscribe((s) => states.at(-1) !== s.state && states.push(s.state));
    await waitFor(() => client.status().state === 'live', 'live');
    const reconnects = client.status().counts.reconnects;
    hub.silence();
    await waitFor(() => client.status().state === 'stale', 'stale');
    await waitFor(() => client.status().counts.reconnects > reconnects, 'fresh subscription');
    hub.resume();
    hub.emitEvents(50);
    const n = hub.newestSeq;
    await waitFor(() => client.status().state === 'live' && client.status().storedSeq === n, 'live again');
    expect(states).toContain('stale');
    expect(cachedSeqs(cache, hub.epoch)).toEqual(range(n));
  });
});
