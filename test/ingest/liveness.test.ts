import { describe, expect, it } from 'vitest';
import { LivenessWatch } from '../../src/ingest/liveness.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

function watch(staleAfterMs = 1_000, pingIntervalMs = 400) {
  const timers = new ManualTimers();
  const seen: string[] = [];
  const w = new LivenessWatch(timers, staleAfterMs, pingIntervalMs, {
    ping: () => seen.push(`ping@${timers.now() - start}`),
    stale: (ms) => seen.push(`stale ${ms}`),
    dead: (why) => seen.push(`dead: ${why}`),
  });
  const start = timers.now();
  return { timers, seen, w };
}

describe('liveness watch (manual clock)', () => {
  it('pings on schedule and gives up on a link that answers no ping', () => {
    const { timers, seen, w } = watch(60_000, 400);
    timers.advance(400);
    w.pong();
    timers.advance(400);
    expect(seen).toEqual(['ping@400', 'ping@800']);
    timers.advance(400);
    expect(seen).toEqual(['ping@400', 'ping@800', 'dead: no answer to ping within 0.4 s (half-open connection)']);
    w.stop();
  });

  it('counts any message as an answer, since it proves the link is up', () => {
    const { timers, seen, w } = watch(60_000, 400);
    for (let i = 0; i < 5; i++) {
      timers.advance(400);
      w.message();
    }
    expect(seen.filter((s) => s.startsWith('dead'))).toEqual([]);
    w.stop();
  });

  it('turns stale after the silence limit, clears on a message, and gives up at twice the limit', () => {
    const { timers, seen, w } = watch(1_000, 100_000);
    timers.advance(999);
    expect(w.stale).toBe(false);
    timers.advance(1);
    expect(w.stale).toBe(true);
    expect(seen).toEqual(['stale 1000']);
    w.message();
    expect(w.stale).toBe(false);
    timers.advance(1_000);
    timers.advance(999);
    expect(seen).toEqual(['stale 1000', 'stale 1000']);
    timers.advance(1);
    expect(seen).toEqual(['stale 1000', 'stale 1000', 'dead: hub silent for 2 s']);
    w.stop();
  });

  it('does not judge the hub while the socket is paused for a slow writer', () => {
    const { timers, seen, w } = watch(1_000, 400);
    w.setPaused(true);
    timers.advance(10_000);
    expect(seen).toEqual([]);
    w.setPaused(false);
    timers.advance(400);
    w.pong();
    timers.advance(599);
    expect(w.stale).toBe(false);
    expect(seen).toEqual(['ping@10400', 'ping@10800']);
    w.stop();
  });

  it('follows the heartbeat period the hello announces', () => {
    const { timers, w } = watch(15_000, 100_000);
    w.setStaleAfter(3 * 2_000);
    timers.advance(6_000);
    expect(w.stale).toBe(true);
    w.stop();
  });
});

describe('liveness over a real socket', () => {
  const started = startedInEachTest();

  it('shows a hub that stops sending as stale, then subscribes afresh', async () => {
    const hub = await started.hub({ events: 20, heartbeatMs: 40 });
    const sink = new MemorySink();
    const states: string[] = [];
    const client = started.client({ url: hub.url, sink, backoff: { initialMs: 5, maxMs: 10 } });
    client.subscribe((s) => states.at(-1) !== s.state && states.push(s.state));
    await waitFor(() => client.status().state === 'live', 'live');
    hub.silence();
    await waitFor(() => client.status().state === 'stale', 'stale');
    expect(client.status().lastError?.message).toMatch(/^hub silent for [\d.]+ s$/);
    await waitFor(() => hub.subscriptions.length === 2, 'a fresh subscription');
    expect(hub.subscriptions).toEqual([0, 20]);
    expect(states.slice(0, 3)).toEqual(['catching_up', 'live', 'stale']);
    expect(sink.events().length).toBe(20);
  });

  it('terminates a half-open link (pings unanswered) and reconnects', async () => {
    const hub = await started.hub({ events: 20, heartbeatMs: 60_000 });
    const sink = new MemorySink();
    const client = started.client({
      url: hub.url,
      sink,
      pingIntervalMs: 50,
      staleAfterMs: 60_000,
      backoff: { initialMs: 5, maxMs: 10 },
    });
    await waitFor(() => client.status().state === 'live', 'live');
    const errors: string[] = [];
    client.subscribe((st) => void (st.lastError && errors.push(st.lastError.message)));
    hub.silence({ answerPings: false });
    await waitFor(() => hub.subscriptions.length === 2, 'reconnect after half-open');
    // Said while the link was down (the status line drops it once the link is up again).
    expect(errors.some((e) => /half-open connection/.test(e))).toBe(true);
    expect(client.status().counts.reconnects).toBe(1);
  });
});
