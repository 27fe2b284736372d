import { describe, expect, it } from 'vitest';
import { startedInEachTest } from './helpers/started.js';
import { tsFor } from './helpers/events.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { MemorySink } from './helpers/memory-sink.js';
import { waitFor } from './helpers/wait.js';

const started = startedInEachTest();

describe('ingest status', () => {
  it('reports lag in events until the batch is written, then the age of the newest event', async () => {
    const hub = await started.hub({ events: 40, perFrame: 10 });
    const timers = new ManualTimers(Date.parse(tsFor(40)) + 90_000);
    const sink = new MemorySink();
    const client = started.client({ url: hub.url, sink, timers, batchMaxMs: 50 });
    expect(client.status()).toMatchObject({ state: 'connecting', storedSeq: 0, lagEvents: undefined, hub: undefined });
    // The end of a catch-up is written at once, not after batchMaxMs (the manual clock never moves here).
    await waitFor(() => client.status().state === 'live' && client.status().storedSeq === 40, 'caught up, written');
    expect(client.status()).toMatchObject({
      hubNewestSeq: 40,
      lagEvents: 0,
      newestEventTs: tsFor(40),
      newestEventAgeMs: 90_000,
    });
    expect(client.status().hub).toEqual({
      hubId: 'hub-test',
      epoch: 'epoch-1',
      hubName: 'Trục liên thông (thử nghiệm)',
    });
    expect(client.status().counts).toEqual({ events: 40, rejections: 0, unknownFields: 0, reconnects: 0 });
    expect(client.status().eventsPerSecond).toBeGreaterThan(0);
    // Live: received and accepted, not yet written, the lag still counts them.
    hub.append(10);
    await waitFor(() => client.status().hubNewestSeq === 50, 'new events');
    expect(client.status()).toMatchObject({ storedSeq: 40, lagEvents: 10 });
    timers.advance(50);
    expect(client.status()).toMatchObject({ storedSeq: 50, lagEvents: 0, newestEventTs: tsFor(50) });
    expect(sink.batches.map((b) => b.events.length)).toEqual([40, 10]);
  });

  it('reads live only once the catch-up is written, so nothing judges part of it as the present', async () => {
    const hub = await started.hub({ events: 3_000, perFrame: 100 });
    const sink = new MemorySink();
    const seen: { state: string; stored: number; newest: number | undefined }[] = [];
    // A minute's wait for a partial batch: the end of the catch-up must not wait for it.
    const client = started.client({ url: hub.url, sink, batchMaxMessages: 500, batchMaxMs: 60_000 });
    client.subscribe((s) => seen.push({ state: s.state, stored: s.storedSeq, newest: s.hubNewestSeq }));
    await waitFor(() => client.status().state === 'live', 'live', 10_000);
    expect(seen.some((s) => s.state === 'catching_up')).toBe(true);
    const firstLive = seen.find((s) => s.state === 'live')!;
    expect(firstLive).toEqual({ state: 'live', stored: 3_000, newest: 3_000 });
    expect(client.status().lagEvents).toBe(0);
  });

  it('reads offline once stopped', async () => {
    const hub = await started.hub({ events: 3 });
    const client = started.client({ url: hub.url, sink: new MemorySink() });
    await waitFor(() => client.status().state === 'live', 'live');
    await client.stop();
    expect(client.status().state).toBe('offline');
    expect(client.status().nextAttemptAt).toBeUndefined();
  });
});
