import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest, type IngestClient, type IngestState } from '../../src/ingest/index.js';
import { mulberry32 } from '../../src/registry/rng.js';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { cachedHistory, hubHistory, integrity, until } from './helpers/history.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';

/**
 * The network misbehaving between the simulated hub and the real client writing a real cache
 * file: bytes trickling in small chunks with pauses, and a link that goes silent in both
 * directions without closing (half-open). The cache must end up equal, event for event, to
 * what the hub itself says it sent.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-faults-net-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let hub: SimHub | undefined;
let proxy: TcpProxy | undefined;
let client: IngestClient | undefined;
let cache: Cache | undefined;
afterEach(async () => {
  await client?.stop();
  cache?.close();
  await proxy?.close();
  await hub?.close();
  client = cache = proxy = hub = undefined;
});

const simOptions = { clock: 'manual' as const, history: 0, start: Date.UTC(2026, 10, 23, 1, 0, 0), heartbeatMs: 200 };

describe('network faults', () => {
  it('a trickling network (chunks of 1–48 bytes, pauses of 1–8 ms) loses and doubles nothing', async () => {
    const rng = mulberry32(11);
    // Heartbeats every 200 ms: the hub counts as stale after 0.6 s of silence and as gone after
    // 1.2 s, less than one frame of 250 events takes to trickle through (thousands of chunks,
    // one in ten after a pause of 1–8 ms: over a second a frame, on any machine),
    // so only bytes counted as signs of life keep the link.
    // A short replay buffer keeps the catch-up to the last ~800 events (the older ones are a
    // gap the hub announces), so the trickle takes seconds, not minutes.
    hub = await startSimHub({ ...simOptions, heartbeatMs: 200, batchMax: 250, bufferSize: 800 });
    const first = hub.newestSeq;
    proxy = await startTcpProxy({
      targetPort: hub.port,
      chunkBytes: () => 1 + Math.floor(rng() * 48),
      delayMs: () => (rng() < 0.1 ? 1 + Math.floor(rng() * 8) : 0),
    });
    const file = path.join(dir, 'trickle.sqlite');
    cache = openCache({ path: file });
    client = startIngest({
      url: `ws://127.0.0.1:${proxy.port}`,
      sink: cacheSink(cache),
      batchMaxMessages: 300,
      backoff: { initialMs: 5, maxMs: 50 },
    });
    const states: IngestState[] = [];
    client.subscribe((st) => {
      if (st.state !== 'connecting') states.push(st.state);
    });
    await until(
      () => client!.status().storedSeq === first,
      () => `${first} events, status ${JSON.stringify(client!.status())}`,
    );
    // Live traffic through the same trickle.
    while (hub.newestSeq < first + 200) hub.emitEvents(5);
    const last = hub.newestSeq;
    await until(
      () => client!.status().storedSeq === last,
      () => `${last} events, status ${JSON.stringify(client!.status())}`,
    );
    await client.flush();

    const truth = await hubHistory(hub.url, last);
    expect(truth.events.length).toBeGreaterThan(500);
    expect(truth.events.at(-1)?.seq).toBe(last);
    const held = cachedHistory(file, truth.epoch);
    expect(held.slice(held.length - truth.events.length)).toEqual(truth.events);
    // Everything from where the client came in to the end, each seq once.
    expect(held.map((e) => e.seq)).toEqual(Array.from({ length: held.length }, (_, i) => held[0]!.seq + i));
    expect(client.status().counts.rejections).toBe(0);
    // A slow link is not a dead one: the bytes trickling in prove it is alive.
    expect({ connections: proxy.connections, states: [...new Set(states)] }).toEqual({
      connections: 1,
      states: ['catching_up', 'live'],
    });
    expect(integrity(file)).toBe('ok');
  });

  it('a half-open link (nothing passes either way, nothing closes) is noticed, left and replaced: nothing lost', async () => {
    hub = await startSimHub(simOptions);
    hub.emitEvents(1_000);
    const first = hub.newestSeq;
    proxy = await startTcpProxy({ targetPort: hub.port });
    const file = path.join(dir, 'half-open.sqlite');
    cache = openCache({ path: file });
    client = startIngest({
      url: `ws://127.0.0.1:${proxy.port}`,
      sink: cacheSink(cache),
      pingIntervalMs: 150,
      staleAfterMs: 400,
      connectTimeoutMs: 500,
      backoff: { initialMs: 20, maxMs: 100 },
    });
    const states: IngestState[] = [];
    client.subscribe((s) => {
      if (states.at(-1) !== s.state) states.push(s.state);
    });
    await until(
      () => client!.status().state === 'live' && client!.status().storedSeq === first,
      () => `first ${first}`,
    );

    proxy.blackhole(true);
    hub.emitEvents(700);
    const last = hub.newestSeq;
    await until(
      () => client!.status().counts.reconnects >= 1,
      () => `the dead link to be left; states ${states.join(' → ')}`,
    );
    expect(client.status().lastError?.message).toMatch(/half-open|silent|no answer/);
    expect(client.status().storedSeq).toBe(first);
    proxy.blackhole(false);

    await until(
      () => client!.status().state === 'live' && client!.status().storedSeq === last,
      () => `${last} events; states ${states.join(' → ')}`,
    );
    await client.flush();
    const truth = await hubHistory(hub.url, last);
    expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
    expect(states).toContain('live');
    expect(states.some((s) => s === 'stale' || s === 'reconnecting' || s === 'offline')).toBe(true);
    expect(integrity(file)).toBe('ok');
  });

  it('connections cut again and again mid-frame resume from the cache each time: exactly once', async () => {
    const rng = mulberry32(5);
    hub = await startSimHub({ ...simOptions, batchMax: 200 });
    hub.emitEvents(6_000);
    const last = hub.newestSeq;
    // Small chunks so that a cut lands inside a frame rather than between frames.
    proxy = await startTcpProxy({ targetPort: hub.port, chunkBytes: () => 200 + Math.floor(rng() * 3_000) });
    const file = path.join(dir, 'cuts.sqlite');
    cache = openCache({ path: file });
    client = startIngest({
      url: `ws://127.0.0.1:${proxy.port}`,
      sink: cacheSink(cache),
      batchMaxMessages: 500,
      backoff: { initialMs: 5, maxMs: 20 },
    });
    for (let cut = 0; cut < 6; cut++) {
      const before = client.status().storedSeq;
      await until(
        () => client!.status().storedSeq > before + 200 || client!.status().storedSeq === last,
        () => `progress after cut ${cut}`,
      );
      proxy.cut();
    }
    await until(
      () => client!.status().storedSeq === last,
      () => `${last} events, status ${JSON.stringify(client!.status())}`,
    );
    await client.flush();
    const truth = await hubHistory(hub.url, last);
    expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
    expect(proxy.connections).toBeGreaterThanOrEqual(2);
    expect(integrity(file)).toBe('ok');
  });
});
