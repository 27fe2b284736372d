import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest, type IngestClient } from '../../src/ingest/index.js';
import { startSimHub, type SimHub, type SimHubOptions } from '../../src/sim/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { cachedHistory, hubHistory, integrity, until } from './helpers/history.js';

/**
 * The hub going away under the client: killed mid-stream and started again on the same port
 * (same history), or rebuilt with its sequence numbers started over. Each time the cache must
 * equal the hub's own account of each history, and two histories must never share events.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-faults-hub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hubs: SimHub[] = [];
let client: IngestClient | undefined;
let cache: Cache | undefined;
afterEach(async () => {
  await client?.stop();
  cache?.close();
  for (const h of hubs.splice(0)) await h.close();
  client = cache = undefined;
});

const base: SimHubOptions = {
  clock: 'manual',
  history: 0,
  start: Date.UTC(2026, 10, 23, 1, 0, 0),
  seed: 7,
  epoch: 'E1',
  heartbeatMs: 200,
  batchMax: 100,
};
const sim = async (o: SimHubOptions = {}): Promise<SimHub> => {
  const h = await startSimHub({ ...base, ...o });
  hubs.push(h);
  return h;
};
const fast = { backoff: { initialMs: 10, maxMs: 50 }, batchMaxMessages: 200 };

/** A hub with 2,000 events and a client that has cached all of them in `name`, with the hub's own account of them. */
async function firstHistory(name: string) {
  const hub = await sim();
  hub.emitEvents(2_000);
  const oldLast = hub.newestSeq;
  const file = path.join(dir, name);
  const opened = openCache({ path: file });
  cache = opened;
  const started = startIngest({ url: hub.url, sink: cacheSink(opened), ...fast });
  client = started;
  await until(
    () => started.status().storedSeq === oldLast,
    () => 'the first history',
  );
  await started.flush();
  return { hub, file, cache: opened, client: started, oldLast, before: await hubHistory(hub.url, oldLast) };
}

describe('hub faults', () => {
  it('a hub killed mid-stream and started again on the same port: the client resumes, nothing lost or doubled', async () => {
    const first = await sim();
    first.emitEvents(3_000);
    const file = path.join(dir, 'killed.sqlite');
    cache = openCache({ path: file });
    client = startIngest({ url: first.url, sink: cacheSink(cache), ...fast });
    await until(
      () => client!.status().storedSeq > 500,
      () => 'some events',
    );
    await first.close();
    hubs.splice(hubs.indexOf(first), 1);
    const cutAt = client.status().storedSeq;
    expect(cutAt).toBeLessThan(first.newestSeq);

    await until(
      () => client!.status().state === 'reconnecting' || client!.status().state === 'offline',
      () => 'the loss noticed',
    );
    // The same hub comes back: same seed and epoch, so the same history, then more of it.
    const second = await sim({ port: first.port });
    second.emitEvents(3_000);
    second.emitEvents(400);
    const last = second.newestSeq;
    await until(
      () => client!.status().storedSeq === last,
      () => `seq ${last}; status ${JSON.stringify(client!.status())}`,
    );
    await client.flush();

    const truth = await hubHistory(second.url, last);
    expect(truth.events.slice(0, 5)).toEqual((await hubHistory(second.url, 5)).events);
    expect(cachedHistory(file, 'E1')).toEqual(truth.events);
    expect(client.status().counts.rejections).toBe(0);
    expect(integrity(file)).toBe('ok');
  });

  it('a hub rebuilt with a new epoch and its numbering started over: two histories, never mixed', async () => {
    const { hub, file, cache, client, oldLast, before } = await firstHistory('epochs.sqlite');

    const epoch = hub.restart({ epoch: 'E2' });
    expect(epoch).toBe('E2');
    hub.emitEvents(500);
    const newLast = hub.newestSeq;
    expect(newLast).toBeLessThan(oldLast);
    await until(
      () => client.status().hub?.epoch === 'E2' && client.status().storedSeq === newLast,
      () => `E2 seq ${newLast}; status ${JSON.stringify(client.status())}`,
    );
    await client.flush();

    const after = await hubHistory(hub.url, newLast);
    expect(cachedHistory(file, 'E1')).toEqual(before.events);
    expect(cachedHistory(file, 'E2')).toEqual(after.events);
    expect(cache.cursor()).toEqual({ hubId: 'sim-7', epoch: 'E2', lastSeq: newLast });
    expect(integrity(file)).toBe('ok');
  });

  // The client reads a `since_ahead` reset for the history it asked for as the numbering
  // having started over, and files what follows as a history split off the old one.
  it('a hub that starts its numbering over but keeps its epoch (a lying hub) never gets its new events filed in the old history', async () => {
    const { hub, file, client, oldLast, before } = await firstHistory('liar.sqlite');

    // Same epoch, buffer emptied, seq from 1: the generator carries on, so the events now
    // numbered 1, 2, … are not the ones the cache holds under those numbers.
    hub.restart({ epoch: 'E1' });
    hub.emitEvents(100);
    // The client comes back asking for more than the hub now holds: the hub answers with a
    // `since_ahead` reset, the only sign that this "E1" is not the history the cache holds.
    await until(
      () => /since_ahead/.test(client.status().lastError?.message ?? ''),
      () => `the reset; status ${JSON.stringify(client.status())}`,
    );
    while (hub.newestSeq <= oldLast + 500) hub.emitEvents(1_000);
    const newLast = hub.newestSeq;
    // Give the client every chance to file events; a fixed client never will, so no throw here.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && client.status().storedSeq < newLast) await new Promise((r) => setTimeout(r, 20));
    await client.flush();

    // The old history is as it was: nothing of the new numbering overwrote or extended it.
    const kept = cachedHistory(file, 'E1');
    expect(kept.slice(0, before.events.length)).toEqual(before.events);
    const afterRestart = await hubHistory(hub.url, newLast);
    const stray = kept.filter((e) => e.seq > oldLast);
    const strayFromNew = stray.filter((e) => afterRestart.events.some((n) => n.seq === e.seq && n.data === e.data));
    expect({ strayFromNewNumbering: strayFromNew.length }).toEqual({ strayFromNewNumbering: 0 });
    expect(integrity(file)).toBe('ok');
  });
});
