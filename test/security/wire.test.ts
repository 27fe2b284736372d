import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest } from '../../src/ingest/index.js';
import { startSimHub } from '../../src/sim/index.js';
import { openCache } from '../../src/store/index.js';
import { until } from '../faults/helpers/history.js';
import { startTcpProxy } from '../faults/helpers/tcp-proxy.js';

/**
 * What the console tells the hub, read off the wire byte by byte: on every connection one
 * upgrade request (`GET /v1/telemetry?since=N` with the WebSocket headers and the token), then
 * nothing but control frames (ping, pong, close) — through catch-up, a cut link, a half-open
 * link and a hub rebuilt under a new epoch.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-sec-wire-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ClientFrame {
  readonly opcode: number;
  readonly masked: boolean;
  readonly payload: Buffer;
}

/** Splits what one client connection sent into its HTTP request head and its WebSocket frames. */
function dissect(bytes: Buffer): { head: string; frames: ClientFrame[]; trailing: number } {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return { head: bytes.toString('latin1'), frames: [], trailing: 0 };
  const head = bytes.subarray(0, end).toString('latin1');
  const frames: ClientFrame[] = [];
  let i = end + 4;
  while (i + 2 <= bytes.length) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1]!;
    let len = b1 & 0x7f;
    let at = i + 2;
    if (len === 126) {
      len = bytes.readUInt16BE(at);
      at += 2;
    } else if (len === 127) {
      len = Number(bytes.readBigUInt64BE(at));
      at += 8;
    }
    const masked = (b1 & 0x80) !== 0;
    const mask = masked ? bytes.subarray(at, at + 4) : undefined;
    if (masked) at += 4;
    if (at + len > bytes.length) break;
    const payload = Buffer.from(bytes.subarray(at, at + len));
    if (mask) for (let k = 0; k < payload.length; k++) payload[k]! ^= mask[k % 4]!;
    frames.push({ opcode: b0 & 0x0f, masked, payload });
    i = at + len;
  }
  return { head, frames, trailing: bytes.length - i };
}

const ALLOWED_HEADERS = new Set([
  'host',
  'connection',
  'upgrade',
  'sec-websocket-version',
  'sec-websocket-key',
  'authorization',
]);
const CONTROL = new Set([0x8, 0x9, 0xa]);

describe('what the hub receives from the console', () => {
  it('the subscription request and control frames only, on every connection', async () => {
    const token = 'tok-9f2c-wire';
    const hub = await startSimHub({
      clock: 'manual',
      history: 0,
      start: Date.UTC(2026, 10, 23, 1, 0, 0),
      seed: 4,
      token,
      heartbeatMs: 100,
    });
    const proxy = await startTcpProxy({ targetPort: hub.port });
    const cache = openCache({ path: path.join(dir, 'wire.sqlite') });
    const client = startIngest({
      url: `ws://127.0.0.1:${proxy.port}`,
      sink: cacheSink(cache),
      token,
      pingIntervalMs: 80,
      staleAfterMs: 400,
      connectTimeoutMs: 500,
      backoff: { initialMs: 10, maxMs: 50 },
    });
    try {
      hub.emitEvents(1_500);
      await until(
        () => client.status().storedSeq === hub.newestSeq,
        () => 'catch-up',
      );
      // Idle long enough for pings to go out and pongs to come back.
      await new Promise((r) => setTimeout(r, 300));
      proxy.cut();
      hub.emitEvents(300);
      await until(
        () => client.status().storedSeq === hub.newestSeq && proxy.connections >= 2,
        () => 'resume after a cut',
      );
      proxy.blackhole(true);
      await until(
        () => client.status().counts.reconnects >= 2,
        () => 'the half-open link left',
      );
      proxy.blackhole(false);
      await until(
        () => client.status().state === 'live',
        () => 'live again',
      );
      hub.restart({ epoch: 'E-rebuilt' });
      hub.emitEvents(200);
      await until(
        () => client.status().hub?.epoch === 'E-rebuilt' && client.status().storedSeq === hub.newestSeq,
        () => 'the rebuilt hub',
      );
    } finally {
      await client.stop();
      cache.close();
      await proxy.close();
      await hub.close();
    }

    expect(proxy.fromClients.length).toBeGreaterThanOrEqual(4);
    const sinces: number[] = [];
    let pings = 0;
    for (const chunks of proxy.fromClients) {
      const sent = dissect(Buffer.concat(chunks));
      if (sent.head === '') continue; // a connection the blackhole swallowed before it said anything
      const [requestLine, ...headerLines] = sent.head.split('\r\n');
      const m = /^GET \/v1\/telemetry\?since=(\d+) HTTP\/1\.1$/.exec(requestLine ?? '');
      expect(m, `request line: ${requestLine}`).not.toBeNull();
      sinces.push(Number(m![1]));
      const headers = new Map(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      expect([...headers.keys()].filter((h) => !ALLOWED_HEADERS.has(h))).toEqual([]);
      expect(headers.get('authorization')).toBe(`Bearer ${token}`);
      for (const f of sent.frames) {
        expect(f.masked).toBe(true);
        expect({ opcode: f.opcode, control: CONTROL.has(f.opcode) }).toEqual({ opcode: f.opcode, control: true });
        if (f.opcode === 0x9) {
          pings++;
          expect(f.payload.length).toBe(0);
        }
      }
      expect(sent.trailing).toBe(0);
    }
    expect(pings).toBeGreaterThan(0);
    // Resumes ask for what the cache lacks: from 0, then from where the cache stood, and 0 again
    // for the rebuilt hub's new history.
    expect(sinces[0]).toBe(0);
    expect(Math.max(...sinces)).toBeGreaterThan(0);
    expect(sinces.at(-1)).toBe(0);
  });

  it('never follows a redirect, so the token is never carried to another host', async () => {
    const elsewhere: string[] = [];
    const listen = (server: Server) =>
      new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
    const other = createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end();
    });
    // The client resets these sockets once it has read the answer; a reset is no test failure.
    other.on('upgrade', (req, socket) => {
      socket.on('error', () => socket.destroy());
      elsewhere.push(`UPGRADE ${req.url} ${req.headers.authorization ?? ''}`);
      socket.destroy();
    });
    const otherPort = await listen(other);
    const redirecting = createServer((_req, res) => res.end());
    redirecting.on('upgrade', (_req, socket) => {
      socket.on('error', () => socket.destroy());
      socket.end(
        `HTTP/1.1 302 Found\r\nLocation: ws://127.0.0.1:${otherPort}/v1/telemetry\r\nContent-Length: 0\r\n\r\n`,
      );
    });
    const port = await listen(redirecting);
    const cache = openCache({ path: path.join(dir, 'redirect.sqlite') });
    const client = startIngest({
      url: `ws://127.0.0.1:${port}`,
      sink: cacheSink(cache),
      token: 'tok-secret',
      backoff: { initialMs: 5, maxMs: 10 },
    });
    try {
      await until(
        () => client.status().state === 'offline',
        () => 'offline',
      );
      expect(client.status().lastError?.message).toMatch(/302/);
      expect(elsewhere).toEqual([]);
    } finally {
      await client.stop();
      cache.close();
      await new Promise((r) => redirecting.close(r));
      await new Promise((r) => other.close(r));
    }
  });
});
