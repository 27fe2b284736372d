import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { telemetryMessageSchema } from '../../src/protocol/index.js';
import { startSimHub, type SimHub, type SimHubOptions } from '../../src/sim/index.js';
import { collect, durable, upgradeStatus, waitForClients } from './collect.js';

const START = Date.UTC(2025, 2, 12, 2, 0); // Wednesday 09:00 in Hà Nội
const hubs: SimHub[] = [];
async function hub(options: SimHubOptions = {}): Promise<SimHub> {
  const h = await startSimHub({
    clock: 'manual',
    seed: 7,
    start: START,
    history: 20 * 60_000,
    heartbeatMs: 60_000,
    ...options,
  });
  hubs.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

const hasSeq = (seq: number) => (ms: readonly Record<string, unknown>[]) =>
  ms.some((m) => m.seq === seq && m.type !== 'hello' && m.type !== 'registry.snapshot' && m.type !== 'reset');

describe('simulated hub', () => {
  it('sends hello, the registry in parts and a stream in which every message validates', async () => {
    const h = await hub({ agencies: 2_500 });
    expect(h.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v1\/telemetry$/);
    const { messages } = await collect(h.url, hasSeq(h.newestSeq));
    expect(messages[0]?.type).toBe('hello');
    expect(messages[0]?.data).toMatchObject({
      newestSeq: h.newestSeq,
      oldestSeq: 1,
      epoch: h.epoch,
      heartbeatMs: 60_000,
    });
    const parts = messages.filter((m) => m.type === 'registry.snapshot');
    expect(parts.map((m) => (m.data as { part: number }).part)).toEqual([1, 2, 3]);
    const agencies = parts.flatMap((m) => (m.data as { agencies: unknown[] }).agencies);
    expect(agencies).toHaveLength(2_500);
    const invalid = messages.filter((m) => !telemetryMessageSchema.safeParse(m).success);
    expect(invalid).toEqual([]);
    const events = durable(messages);
    expect(events.map((m) => m.seq)).toEqual(Array.from({ length: h.newestSeq }, (_, i) => i + 1));
    const times = events.map((m) => Date.parse(m.ts as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('streams live events as simulated time advances, batched up to batchMax per frame', async () => {
    const h = await hub({ batchMax: 50 });
    const before = h.newestSeq;
    const done = collect(h.url, hasSeq(before + 500));
    await waitForClients(h);
    h.emitEvents(500);
    const { messages, frames } = await done;
    expect(durable(messages).at(-1)?.seq).toBe(before + 500);
    expect(frames.every((f) => !f.startsWith('[') || (JSON.parse(f) as unknown[]).length <= 50)).toBe(true);
    expect(frames.some((f) => f.startsWith('['))).toBe(true);
  });

  it('catches up a backlog far larger than the socket high-water mark without stalling', async () => {
    const h = await hub({ batchMax: 1, bufferSize: 100_000 });
    h.emitEvents(12_000);
    const { messages } = await collect(h.url, hasSeq(h.newestSeq));
    const events = durable(messages);
    expect(events).toHaveLength(h.newestSeq);
    expect(events.every((m, i) => m.seq === i + 1)).toBe(true);
  });

  it('gives the identical durable stream for the same seed and start', async () => {
    const a = await hub({ seed: 11 });
    const b = await hub({ seed: 11 });
    const c = await hub({ seed: 12 });
    for (const h of [a, b, c]) h.emitEvents(2_000);
    const [ra, rb, rc] = await Promise.all([a, b, c].map((h) => collect(h.url, hasSeq(h.newestSeq))));
    const text = (r: typeof ra) => JSON.stringify(durable(r?.messages ?? []));
    expect(text(ra)).toBe(text(rb));
    expect(text(ra)).not.toBe(text(rc));
  });

  it('resumes with since=N: exactly N+1, N+2, … with no gap and no duplicate', async () => {
    const h = await hub();
    h.emitEvents(1_000);
    const since = h.newestSeq - 700;
    const { messages } = await collect(`${h.url}?since=${since}`, hasSeq(h.newestSeq));
    expect(messages.some((m) => m.type === 'reset')).toBe(false);
    expect(durable(messages).map((m) => m.seq)).toEqual(Array.from({ length: 700 }, (_, i) => since + 1 + i));
  });

  it('answers a since older than the buffer with a since_too_old reset, then streams from the oldest', async () => {
    const h = await hub({ bufferSize: 300 });
    h.emitEvents(1_000);
    const { messages } = await collect(`${h.url}?since=5`, hasSeq(h.newestSeq));
    const reset = messages.find((m) => m.type === 'reset');
    expect(reset?.data).toEqual({
      reason: 'since_too_old',
      requestedSince: 5,
      oldestSeq: h.oldestSeq,
      newestSeq: h.newestSeq,
    });
    expect(h.newestSeq - h.oldestSeq + 1).toBe(300);
    expect(durable(messages).map((m) => m.seq)).toEqual(Array.from({ length: 300 }, (_, i) => h.oldestSeq + i));
  });

  it('answers a since ahead of the hub (restarted, seq starting over) with since_ahead or epoch_changed', async () => {
    const h = await hub();
    const oldEpoch = h.epoch;
    const held = h.newestSeq;
    const newEpoch = h.restart();
    expect(newEpoch).not.toBe(oldEpoch);
    h.emitEvents(10);
    const ahead = await collect(`${h.url}?since=${held}`, hasSeq(10));
    expect(ahead.messages.find((m) => m.type === 'reset')?.data).toMatchObject({
      reason: 'since_ahead',
      requestedSince: held,
      oldestSeq: 1,
      newestSeq: 10,
    });
    const epoch = await collect(`${h.url}?since=3&epoch=${encodeURIComponent(oldEpoch)}`, hasSeq(10));
    expect(epoch.messages.find((m) => m.type === 'reset')?.data).toMatchObject({
      reason: 'epoch_changed',
      requestedSince: 3,
    });
    expect(durable(epoch.messages).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('requires the bearer token when one is set, refusing with 401', async () => {
    const h = await hub({ token: 's3cret' });
    expect(await upgradeStatus(h.url)).toBe(401);
    expect(await upgradeStatus(h.url, { authorization: 'Bearer wrong' })).toBe(401);
    expect(await upgradeStatus(h.url, { authorization: 'Bearer s3cret' })).toBe(101);
    expect(await upgradeStatus(h.url.replace('/v1/telemetry', '/v2/other'), { authorization: 'Bearer s3cret' })).toBe(
      404,
    );
    expect(await upgradeStatus(`${h.url}?since=abc`, { authorization: 'Bearer s3cret' })).toBe(400);
  });

  it('stays up when a refused client resets the connection', async () => {
    const h = await hub({ token: 's3cret' });
    const { port } = new URL(h.url);
    // Twenty refused upgrades, each reset by the client as the refusal arrives.
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const s = net.connect(Number(port), '127.0.0.1', () => {
          s.write(
            `GET /v1/telemetry HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          );
          s.write('x'.repeat(64 * 1024));
        });
        s.once('data', () => {
          s.resetAndDestroy();
          resolve();
        });
        s.on('error', () => resolve());
      });
    }
    expect(await upgradeStatus(h.url, { authorization: 'Bearer s3cret' })).toBe(101);
  });

  it('sends heartbeats when idle', async () => {
    const h = await hub({ heartbeatMs: 40 });
    const { messages } = await collect(
      `${h.url}?since=${h.newestSeq}`,
      (ms) => ms.filter((m) => m.type === 'heartbeat').length >= 2,
    );
    const beat = messages.find((m) => m.type === 'heartbeat');
    expect(beat?.data).toMatchObject({ newestSeq: h.newestSeq });
    expect(telemetryMessageSchema.safeParse(beat).success).toBe(true);
  });

  it('holds events back while silenced or paused and delivers them on resume', async () => {
    const h = await hub();
    h.silence();
    const done = collect(`${h.url}?since=${h.newestSeq}`, hasSeq(h.newestSeq + 3));
    await waitForClients(h);
    h.pauseSending();
    h.emitEvents(3);
    h.resume();
    const { messages } = await done;
    expect(durable(messages)).toHaveLength(3);
  });

  it('lets fault tests inject raw frames and unknown event types', async () => {
    const h = await hub();
    const done = collect(`${h.url}?since=${h.newestSeq}`, (ms) => ms.some((m) => m.type === 'future.thing'));
    await waitForClients(h);
    h.injectRaw('{"v":1,"seq":1,"ts":"2025-03-12T02:00:00.000Z","type":"raw.injected","data":{}}');
    const seq = h.injectEvent('future.thing', { x: 1 });
    const { messages } = await done;
    expect(messages.map((m) => m.type)).toContain('raw.injected');
    expect(messages.find((m) => m.type === 'future.thing')?.seq).toBe(seq);
  });
});
