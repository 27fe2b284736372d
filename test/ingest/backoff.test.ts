import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/ingest/index.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

describe('backoffDelay', () => {
  const policy = { initialMs: 500, maxMs: 30_000 };
  it.each([
    [0, 0.5, 250],
    [1, 0.5, 500],
    [2, 0.5, 1_000],
    [5, 0.5, 8_000],
    [6, 0.5, 15_000],
    [7, 0.5, 15_000],
    [60, 0.999, 29_970],
    [3, 0, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, r, expected) => {
    expect(backoffDelay(attempt, policy, () => r)).toBe(expected);
  });
});

/** A port with nothing listening: every dial is refused at once. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('reconnection schedule', () => {
  const started = startedInEachTest();

  it('waits out a capped, jittered, doubling delay between refused attempts, and reads offline after three', async () => {
    const timers = new ManualTimers();
    const draws = [0.5, 0.5, 0.5, 0.5, 0.25, 0.9];
    const port = await deadPort();
    const client = started.client({
      url: `ws://127.0.0.1:${port}`,
      sink: new MemorySink(),
      timers,
      random: () => draws.shift() ?? 0.5,
      backoff: { initialMs: 100, maxMs: 1_000 },
    });
    const delays: number[] = [];
    const states: string[] = [client.status().state];
    for (let attempt = 0; attempt < 6; attempt++) {
      await waitFor(() => client.status().nextAttemptAt !== undefined, `attempt ${attempt} refused`);
      const s = client.status();
      states.push(s.state);
      delays.push(s.nextAttemptAt! - timers.now());
      timers.advance(s.nextAttemptAt! - timers.now());
    }
    expect(delays).toEqual([50, 100, 200, 400, 250, 900]);
    expect(states).toEqual(['connecting', 'reconnecting', 'reconnecting', 'offline', 'offline', 'offline', 'offline']);
    const s = client.status();
    expect(s.consecutiveFailures).toBe(6);
    expect(s.lastError?.message).toMatch(/ECONNREFUSED/);
  });

  it('starts over from the shortest delay once a link has come up', async () => {
    const hub = await started.hub({ events: 5 });
    const timers = new ManualTimers();
    const sink = new MemorySink();
    const client = started.client({
      url: hub.url,
      sink,
      timers,
      random: () => 0.5,
      backoff: { initialMs: 100, maxMs: 1_000 },
      batchMaxMs: 0,
    });
    await waitFor(() => client.status().state === 'live', 'live');
    hub.dropClients();
    await waitFor(() => client.status().nextAttemptAt !== undefined, 'drop noticed');
    expect(client.status().nextAttemptAt! - timers.now()).toBe(50);
    expect(client.status().state).toBe('reconnecting');
    timers.advance(50);
    await waitFor(() => client.status().state === 'live', 'live again');
    expect(hub.subscriptions).toEqual([0, 5]);
  });
});
