import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { eventFor, helloFor } from './helpers/events.js';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

const started = startedInEachTest();

const MAX_FRAME = 4096;
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('malformed frames', () => {
  it('sets each bad frame aside with its reason, counts it, and keeps every good event around it', async () => {
    const hub = await started.hub({ events: 10, perFrame: 3 });
    const sink = new MemorySink();
    const client = started.client({
      url: hub.url,
      sink,
      maxFrameBytes: MAX_FRAME,
      backoff: { initialMs: 5, maxMs: 10 },
    });
    const errors: string[] = [];
    client.subscribe((st) => void (st.lastError && errors.push(st.lastError.message)));
    await waitFor(() => sink.events().length === 10, 'first events');

    const bad = { ...(eventFor(11) as Record<string, unknown>), seq: 11, data: { docId: 'x', recipient: 7 } };
    hub.injectRaw('{"v":1,"seq":11,"ts":'); // cut-off JSON
    hub.injectRaw(JSON.stringify({ ...(eventFor(11) as object), type: 'status.reported', data: { docId: 'x' } }));
    hub.injectRaw(JSON.stringify([eventFor(11), bad, eventFor(12)])); // one bad message among good ones
    hub.appendDelivered(2);
    hub.injectRaw(JSON.stringify(eventFor(5))); // seq going backwards
    hub.injectRaw(JSON.stringify(eventFor(12))); // a repeat
    hub.injectRaw(
      Buffer.concat([Buffer.from('{"v":1,"seq":13,"type":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
    );
    hub.injectRaw(`[${JSON.stringify(eventFor(13))},"${'x'.repeat(MAX_FRAME)}"]`); // oversized, read and refused
    await waitFor(() => sink.rejections.length >= 7, 'rejections after in-limit frames');
    // A frame past the hard ceiling costs the connection; the client comes back for the rest.
    hub.injectRaw('x'.repeat(MAX_FRAME * 3));
    await waitFor(() => hub.subscriptions.length === 2, 'reconnect after the huge frame');
    hub.append(20);
    await waitFor(() => sink.events().length === 32 && client.status().state === 'live', 'events after');

    expect(sink.events().map((e) => e.seq)).toEqual(oneToN(32));
    expect(sink.duplicateOffers).toBe(0);
    const reasons = sink.rejections.map((r) => r.reason);
    expect(reasons).toEqual([
      'bad_json',
      'invalid_message',
      'invalid_message',
      'seq_regression',
      'seq_regression',
      'invalid_utf8',
      'frame_too_large',
      'frame_too_large',
    ]);
    expect(sink.rejections[1]?.detail).toBe('data.docId: expected an edXML document id, got string "x" (+2 more)');
    expect(sink.rejections[2]).toMatchObject({
      seq: 11,
      type: 'server.heartbeat',
      detail: 'data.serverId: expected string, got nothing (+1 more)',
    });
    expect(sink.rejections[3]?.detail).toBe('seq: expected more than 12, got 5 (goes backwards)');
    expect(sink.rejections[4]?.detail).toBe('seq: expected more than 12, got 12 (repeats the last one)');
    expect(sink.rejections[6]?.detail).toBe(`expected at most ${MAX_FRAME} bytes, got ${MAX_FRAME + 175}`);
    expect(sink.rejections[7]?.detail).toMatch(/connection dropped/);
    expect(hub.subscriptions).toEqual([0, 12]);
    expect(sink.rejections.every((r) => typeof r.raw === 'string')).toBe(true);
    const status = client.status();
    expect(status.counts.rejections).toBe(8);
    expect(status.counts.events).toBe(32);
    expect(errors.some((e) => /Max payload size exceeded/.test(e))).toBe(true);
    // Reconnected and live: the error that dropped the link is no longer shown.
    expect(status.lastError).toBeUndefined();
  });

  it('refuses events that arrive before any hello: there is no history to put them in', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', r));
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify(eventFor(1)));
      ws.send(JSON.stringify(helloFor(2)));
      ws.send(JSON.stringify([eventFor(1), eventFor(2)]));
    });
    const sink = new MemorySink();
    const client = started.client({ url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, sink });
    try {
      await waitFor(() => sink.events().length === 2, 'events after hello');
      expect(sink.events().map((e) => e.seq)).toEqual([1, 2]);
      expect(sink.rejections).toMatchObject([
        { reason: 'invalid_envelope', detail: 'type: expected hello first, got status.reported', seq: 1 },
      ]);
    } finally {
      await client.stop();
      await new Promise((r) => wss.close(r));
    }
  });
});
