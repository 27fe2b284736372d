import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/registry/rng.js';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

const started = startedInEachTest();

const seqs = (sink: MemorySink) => sink.events().map((e) => e.seq);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('ingest across cut connections', () => {
  it.each([1, 2, 3])(
    'stores N events exactly once, in order, with the link cut at random points (seed %i)',
    async (seed) => {
      const rng = mulberry32(seed);
      const N = 20_000;
      const hub = await started.hub({ events: N, perFrame: (i) => 1 + ((i * 7919 + seed) % 60) });
      const sink = new MemorySink();
      const cuts = 6;
      // Each link is cut after a random number of frames, so cuts land mid-batch and mid-frame run.
      hub.cutAfterFrames(1 + Math.floor(rng() * 80));
      let cutsLeft = cuts - 1;
      const client = started.client({
        url: hub.url,
        sink,
        backoff: { initialMs: 5, maxMs: 20 },
        random: rng,
        batchMaxMessages: 700,
      });
      const h = hub;
      client.subscribe((s) => {
        if (s.state === 'catching_up' && cutsLeft > 0 && h.subscriptions.length === cuts - cutsLeft) {
          cutsLeft--;
          h.cutAfterFrames(1 + Math.floor(rng() * 80));
        }
      });
      await waitFor(() => client.status().state === 'live' && sink.events().length >= N, 'all events');
      expect(seqs(sink)).toEqual(oneToN(N));
      expect(sink.duplicateOffers).toBe(0);
      expect(sink.rejections).toEqual([]);
      expect(hub.subscriptions.length).toBeGreaterThanOrEqual(cuts);
      // Every resume asked for exactly what the sink already held.
      expect(hub.subscriptions[0]).toBe(0);
      expect(hub.subscriptions.slice(1).every((since) => since > 0 && since < N)).toBe(true);
      expect(client.status().counts.events).toBe(N);
      expect(client.status().lagEvents).toBe(0);
      expect(hub.framesFromClients).toBe(0);
    },
  );

  it('resumes live traffic after the hub drops every client', async () => {
    const hub = await started.hub({ events: 100 });
    const sink = new MemorySink();
    const client = started.client({ url: hub.url, sink, backoff: { initialMs: 5, maxMs: 10 } });
    await waitFor(() => sink.events().length === 100, 'first 100');
    hub.dropClients();
    hub.append(50);
    await waitFor(() => sink.events().length === 150 && client.status().state === 'live', 'after drop');
    expect(seqs(sink)).toEqual(oneToN(150));
    expect(hub.subscriptions).toEqual([0, 100]);
    expect(client.status().counts.reconnects).toBe(1);
  });
});
