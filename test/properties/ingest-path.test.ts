import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest, type IngestClient } from '../../src/ingest/index.js';
import { isSessionType, MESSAGE_TYPES, type MessageType } from '../../src/protocol/index.js';
import { exampleMessage } from '../support/protocol-examples.js';
import { openCache, type Cache } from '../../src/store/index.js';
import {
  hostileText,
  invalidatingMutation,
  notAnObject,
  unknownTypeMessage,
  validMessageOf,
  type Message,
} from './arbitraries.js';
import { CaseTally } from './tally.js';

/**
 * The whole ingest path under hostile frames: a real WebSocket server on 127.0.0.1 sends
 * random frames — good events, events mutated field by field, junk, corrupted bytes, cut JSON,
 * oversized frames — to the real client writing into a real SQLite file. After each case the
 * cache must hold every valid event once with its content intact, every bad item as a rejection
 * with its reason in arrival order, and every lost seq as a gap; the link never drops.
 */
const MAX_FRAME = 16 * 1024;
const tally = new CaseTally();
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-prop-ingest-'));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const EVENT_TYPES = MESSAGE_TYPES.filter((t) => !isSessionType(t));
const placeholder = fc.constant(0);

type Spec =
  | { k: 'good'; m: Message }
  | { k: 'bad'; m: Message; reason: string; keepsSeq: boolean }
  | { k: 'junk'; v: unknown }
  | { k: 'registry'; m: Message }
  | { k: 'heartbeat'; m: Message };

const goodEvent = fc.oneof(...EVENT_TYPES.map((t) => validMessageOf(t, placeholder)), unknownTypeMessage(placeholder));
const badEvent = fc.oneof(
  ...EVENT_TYPES.map((t) =>
    fc.tuple(validMessageOf(t, placeholder), invalidatingMutation(t)).map(([m, mutation]): Spec => {
      mutation.apply(m);
      return { k: 'bad', m, reason: mutation.reason, keepsSeq: !/^(no )?seq/.test(mutation.what) };
    }),
  ),
);
const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 5, arbitrary: goodEvent.map((m): Spec => ({ k: 'good', m })) },
  { weight: 4, arbitrary: badEvent },
  { weight: 1, arbitrary: notAnObject.map((v): Spec => ({ k: 'junk', v })) },
  {
    weight: 1,
    arbitrary: validMessageOf('registry.snapshot' as MessageType, placeholder).map((m): Spec => ({ k: 'registry', m })),
  },
  {
    weight: 1,
    arbitrary: fc.constant(null).map((): Spec => ({ k: 'heartbeat', m: exampleMessage('heartbeat', 0) as Message })),
  },
);

type FrameSpec =
  | { kind: 'batch'; items: Spec[] }
  | { kind: 'corrupt'; items: Spec[]; at: number }
  | { kind: 'cut'; items: Spec[]; at: number }
  | { kind: 'oversize'; items: Spec[]; pad: number };

const items = fc.array(spec, { minLength: 1, maxLength: 6 });
const frameSpec: fc.Arbitrary<FrameSpec> = fc.oneof(
  { weight: 8, arbitrary: items.map((i): FrameSpec => ({ kind: 'batch', items: i })) },
  { weight: 1, arbitrary: fc.tuple(items, fc.nat()).map(([i, at]): FrameSpec => ({ kind: 'corrupt', items: i, at })) },
  { weight: 1, arbitrary: fc.tuple(items, fc.nat()).map(([i, at]): FrameSpec => ({ kind: 'cut', items: i, at })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(items, fc.nat({ max: MAX_FRAME - 1024 }))
      .map(([i, pad]): FrameSpec => ({ kind: 'oversize', items: i, pad })),
  },
);

/** What one case must leave in the cache. */
interface Expectation {
  frames: (string | Buffer)[];
  events: Message[];
  reasons: string[];
  missing: number[];
  agencyNames: Map<string, string>;
}

/** Numbers the case's events after `seq` and turns its specs into frames and expectations. */
function script(frames: readonly FrameSpec[], seq: number): Expectation & { lastSeq: number } {
  const out: Expectation = { frames: [], events: [], reasons: [], missing: [], agencyNames: new Map() };
  for (const f of frames) {
    const readable = f.kind === 'batch';
    const values: unknown[] = [];
    for (const s of f.items) {
      if (s.k === 'junk') {
        values.push(s.v);
        if (readable) out.reasons.push('not_an_object');
        continue;
      }
      const m = structuredClone(s.m);
      if (s.k === 'registry' || s.k === 'heartbeat') {
        m.seq = seq;
        if (s.k === 'heartbeat') (m.data as { newestSeq: number }).newestSeq = seq;
        if (readable && s.k === 'registry') {
          for (const a of (m.data as { agencies: { id: string; name: string }[] }).agencies)
            out.agencyNames.set(a.id, a.name);
        }
        values.push(m);
        continue;
      }
      seq++;
      if (s.k === 'good' || s.keepsSeq) m.seq = seq;
      values.push(m);
      if (s.k === 'good' && readable) out.events.push(m);
      else out.missing.push(seq);
      if (s.k === 'bad' && readable) out.reasons.push(s.reason);
    }
    const single =
      values.length === 1 && values[0] !== null && typeof values[0] === 'object' && !Array.isArray(values[0]);
    const text = JSON.stringify(single ? values[0] : values);
    if (f.kind === 'batch') out.frames.push(text);
    else if (f.kind === 'cut') {
      // Any proper prefix of a JSON object or array is unreadable.
      out.frames.push(text.slice(0, f.at % text.length));
      out.reasons.push('bad_json');
    } else if (f.kind === 'corrupt') {
      const b = Buffer.from(text, 'utf8');
      b[f.at % b.length] = 0xff;
      out.frames.push(b);
      out.reasons.push('invalid_utf8');
    } else {
      const padding = Math.max(0, MAX_FRAME + 1 + f.pad - Buffer.byteLength(text));
      out.frames.push(' '.repeat(padding) + text);
      out.reasons.push('frame_too_large');
    }
  }
  return { ...out, lastSeq: seq };
}

let wss: WebSocketServer;
let cache: Cache;
let client: IngestClient;
const links: WebSocket[] = [];
let hubSeq = 1;
const hubName = fc.sample(hostileText(256, 1), { numRuns: 1, seed: 42 })[0]!;

const helloFrame = (): string =>
  JSON.stringify({
    v: 1,
    seq: hubSeq,
    ts: new Date().toISOString(),
    type: 'hello',
    data: {
      hubId: 'hub-prop',
      hubName,
      hubVersion: '1',
      epoch: 'e1',
      serverTime: new Date().toISOString(),
      newestSeq: hubSeq,
      oldestSeq: 1,
      heartbeatMs: 60_000,
    },
  });

async function until(condition: () => boolean, what: () => string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/telemetry', perMessageDeflate: false });
  await new Promise<void>((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    links.push(ws);
    ws.send(helloFrame());
  });
  cache = openCache({ path: path.join(dir, 'prop.sqlite') });
  client = startIngest({
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    sink: cacheSink(cache),
    maxFrameBytes: MAX_FRAME,
    batchMaxMs: 2,
    staleAfterMs: 600_000,
    pingIntervalMs: 600_000,
  });
  await until(
    () => links.length === 1,
    () => 'the subscription',
  );
  // One event first, so every later hole is a hole inside the history.
  links[0]!.send(JSON.stringify(exampleMessage('document.delivered', 1)));
  await until(
    () => client.status().storedSeq === 1,
    () => 'the first event',
  );
});

afterAll(async () => {
  await client.stop();
  cache.close();
  await new Promise<void>((r) => wss.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
  console.log(tally.report('test/properties/ingest-path.test.ts'));
});

const eventRows = (from: number, to: number) =>
  cache.db
    .prepare(
      'SELECT seq, ts, type, data FROM events WHERE stream = (SELECT id FROM streams WHERE epoch = ?) AND seq > ? AND seq <= ? ORDER BY seq',
    )
    .all('e1', from, to) as { seq: number; ts: number; type: string; data: string }[];

describe('ingest path under hostile frames (property-based, real socket and SQLite file)', () => {
  it('stores every valid event once, intact; rejects every bad item for its reason; marks every lost seq as a gap', async () => {
    await tally.checkAsync(
      'frames through the client into the cache',
      [fc.array(frameSpec, { minLength: 1, maxLength: 5 })],
      async (frames) => {
        const before = hubSeq;
        const s = script(frames, before);
        const sentinel = exampleMessage('document.delivered', s.lastSeq + 1);
        const lastRejection = cache.db.prepare('SELECT coalesce(max(id), 0) FROM rejections').pluck().get() as number;
        const caseStart = Date.now();
        const rejectedBefore = client.status().counts.rejections;
        const link = links[links.length - 1]!;
        for (const f of s.frames) link.send(f, { binary: false });
        link.send(JSON.stringify(sentinel));
        hubSeq = s.lastSeq + 1;
        await until(
          () =>
            client.status().storedSeq === hubSeq &&
            client.status().counts.rejections === rejectedBefore + s.reasons.length,
          () => `seq ${hubSeq} and ${s.reasons.length} rejections; status ${JSON.stringify(client.status())}`,
        );
        await client.flush();

        const rows = eventRows(before, hubSeq);
        const want = [...s.events, sentinel as Message];
        expect(rows.map((r) => r.seq)).toEqual(want.map((m) => m.seq));
        rows.forEach((row, i) => {
          const m = want[i]!;
          const intact =
            row.type === m.type &&
            row.ts === Date.parse(m.ts as string) &&
            isDeepStrictEqual(JSON.parse(row.data), JSON.parse(JSON.stringify(m.data)));
          if (!intact)
            expect({ type: row.type, ts: row.ts, data: JSON.parse(row.data) }).toEqual({
              type: m.type,
              ts: Date.parse(m.ts as string),
              data: m.data,
            });
        });

        const reasons = cache.db
          .prepare("SELECT reason FROM rejections WHERE id > ? AND reason != 'clock_ahead' ORDER BY id")
          .pluck()
          .all(lastRejection);
        expect(reasons).toEqual(s.reasons);
        // A stored event dated more than 5 minutes past its receipt is kept and marked, never dropped.
        const ahead = cache.db
          .prepare("SELECT seq FROM rejections WHERE id > ? AND reason = 'clock_ahead'")
          .pluck()
          .all(lastRejection) as number[];
        const storedTs = new Map(eventRows(before, hubSeq).map((r) => [r.seq, r.ts]));
        for (const seq of ahead) expect(storedTs.get(seq)).toBeGreaterThan(caseStart + 5 * 60_000);

        const holes = new Set<number>();
        for (const g of cache.gaps()) {
          for (let q = Math.max(g.fromSeq, before + 1); q <= Math.min(g.toSeq, hubSeq); q++) holes.add(q);
        }
        expect([...holes].sort((a, b) => a - b)).toEqual(s.missing);

        for (const [id, name] of s.agencyNames) {
          const stored = cache.db.prepare('SELECT name FROM agencies WHERE code = ?').pluck().get(id) as string;
          // SQLite holds UTF-8: a lone surrogate comes back as U+FFFD (better-sqlite3 writes it as
          // three bytes that each read back as one U+FFFD, hence the folding of runs).
          const fold = (t: string) => t.replace(LONE_SURROGATE, '\ufffd').replace(/\ufffd+/g, '\ufffd');
          expect(fold(stored)).toBe(fold(name));
        }
      },
      300,
    );
    expect(links).toHaveLength(1);
    expect(client.status().counts.reconnects).toBe(0);
    expect(cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
