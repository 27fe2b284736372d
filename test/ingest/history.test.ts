import { describe, expect, it } from 'vitest';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

const started = startedInEachTest();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const fast = { backoff: { initialMs: 5, maxMs: 10 } };

describe('histories kept apart', () => {
  it('a hub that comes back with its numbering started over (new epoch) gets a history of its own', async () => {
    const hub = await started.hub({ events: 100 });
    const sink = new MemorySink();
    const client = started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => sink.events().length === 100, 'epoch 1');
    hub.restart({ epoch: 'epoch-2', events: 40 });
    await waitFor(
      () => sink.events({ hubId: 'hub-test', epoch: 'epoch-2' }).length === 40 && client.status().state === 'live',
      'epoch 2',
    );
    expect(sink.events().map((e) => e.seq)).toEqual(range(1, 100));
    expect(sink.events({ hubId: 'hub-test', epoch: 'epoch-2' }).map((e) => e.seq)).toEqual(range(1, 40));
    // It asked with the old cursor, saw the new epoch, and asked again with the new history's own.
    expect(hub.subscriptions).toEqual([0, 100, 0]);
    expect(sink.rejections).toEqual([]);
    expect(client.status().hub).toMatchObject({ epoch: 'epoch-2' });
    expect(client.status().storedSeq).toBe(40);
  });

  it('another hub behind the same address is another history too', async () => {
    const hub = await started.hub({ events: 30 });
    const sink = new MemorySink();
    started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => sink.events().length === 30, 'first hub');
    hub.restart({ hubId: 'hub-standby', epoch: 'epoch-1', events: 45 });
    await waitFor(() => sink.events({ hubId: 'hub-standby', epoch: 'epoch-1' }).length === 45, 'second hub');
    expect(sink.events().map((e) => e.seq)).toEqual(range(1, 30));
    expect(sink.hellos.map((h) => h.data.hubId)).toEqual(['hub-test', 'hub-standby', 'hub-standby']);
  });

  it('a restarted client resumes the history it wrote last', async () => {
    const hub = await started.hub({ events: 50 });
    const sink = new MemorySink();
    let client = started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => sink.events().length === 50, 'first run');
    await client.stop();
    hub.append(25);
    client = started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => sink.events().length === 75, 'second run');
    expect(hub.subscriptions).toEqual([0, 50]);
    expect(sink.duplicateOffers).toBe(0);
  });

  it('a hub whose numbering starts over under the same epoch gets a history split off, resumed after a restart', async () => {
    const hub = await started.hub({ events: 100 });
    const sink = new MemorySink();
    let client = started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => sink.events().length === 100, 'first numbering');
    hub.restart({ epoch: 'epoch-1', events: 40 });
    const split = { hubId: 'hub-test', epoch: 'epoch-1#restart-2' };
    await waitFor(() => sink.events(split).length === 40 && client.status().state === 'live', 'second numbering');
    expect(sink.events().map((e) => e.seq)).toEqual(range(1, 100));
    expect(sink.events(split).map((e) => e.seq)).toEqual(range(1, 40));
    expect(sink.rejections).toEqual([]);
    expect(client.status().lastError?.message).toBe(
      "since_ahead: the hub's numbering started over under epoch epoch-1 (cache holds seq 100, hub 40); new events kept apart as epoch-1#restart-2",
    );
    await client.stop();
    hub.append(10);
    client = started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => sink.events(split).length === 50, 'resumed');
    expect(hub.subscriptions).toEqual([0, 100, 40]);
    expect(sink.events().length).toBe(100);
  });

  it('records the gap when the hub no longer holds what the cache needs', async () => {
    const hub = await started.hub({ events: 1_000, oldestSeq: 500 });
    const sink = new MemorySink();
    const client = started.client({ url: hub.url, sink, ...fast });
    await waitFor(() => client.status().state === 'live' && sink.events().length === 501, 'from the oldest');
    expect(sink.events().map((e) => e.seq)).toEqual(range(500, 1_000));
    expect(sink.gaps).toEqual([{ fromSeq: 1, toSeq: 499, reason: 'since_too_old' }]);
    expect(client.status().lastError?.message).toBe('hub no longer holds seq 1–499; recorded as a gap');
  });
});

describe('a failing cache', () => {
  it('drops the link when a write fails and fetches the same events again: nothing lost, nothing doubled', async () => {
    const hub = await started.hub({ events: 3_000, perFrame: 100 });
    const sink = new MemorySink();
    sink.failWrites = 2;
    const client = started.client({ url: hub.url, sink, batchMaxMessages: 500, ...fast });
    const errors = new Set<string>();
    client.subscribe((s) => void (s.lastError && errors.add(s.lastError.message)));
    await waitFor(() => sink.events().length === 3_000 && client.status().state === 'live', 'all events');
    expect(sink.events().map((e) => e.seq)).toEqual(range(1, 3_000));
    expect(sink.duplicateOffers).toBe(0);
    expect(hub.subscriptions.length).toBe(3);
    expect([...errors]).toEqual(['cache write failed: SQLITE_FULL: database or disk is full']);
    // Up again: the error is past, not the status line's news any more.
    expect(client.status().lastError).toBeUndefined();
  });
});
