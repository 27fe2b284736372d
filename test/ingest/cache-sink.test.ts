import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { mulberry32 } from '../../src/registry/rng.js';
import { openCache } from '../../src/store/index.js';
import { A, docId, hello, msg } from '../support/telemetry.js';
import { cachedSeqs } from './helpers/cached-seqs.js';
import { eventFor } from './helpers/events.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-ingest-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const started = startedInEachTest();

const fast = { backoff: { initialMs: 5, maxMs: 20 } };
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('ingest into a real cache file', () => {
  it('holds exactly N events, each once and in order, after the link is cut at random points', async () => {
    const rng = mulberry32(7);
    const N = 15_000;
    const hub = await started.hub({ events: N, perFrame: (i) => 1 + ((i * 31) % 45) });
    const cache = started.closing(openCache({ path: path.join(dir, 'cuts.sqlite') }), (c) => c.close());
    const client = started.client({
      url: hub.url,
      sink: cacheSink(cache),
      batchMaxMessages: 900,
      random: rng,
      ...fast,
    });
    const h = hub;
    let cuts = 5;
    h.cutAfterFrames(1 + Math.floor(rng() * 60));
    client.subscribe((s) => {
      if (s.state === 'catching_up' && cuts > 0 && h.subscriptions.length === 6 - cuts) {
        cuts--;
        h.cutAfterFrames(1 + Math.floor(rng() * 60));
      }
    });
    await waitFor(() => client.status().state === 'live' && client.status().storedSeq === N, 'caught up');
    expect(hub.subscriptions.length).toBeGreaterThanOrEqual(6);
    expect(cachedSeqs(cache, 'epoch-1')).toEqual(range(1, N));
    expect(cache.cursor()).toEqual({ hubId: 'hub-test', epoch: 'epoch-1', lastSeq: N });
    expect(cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('far behind the hub, stores events and rollups first and derives documents once caught up', async () => {
    const N = 6_000;
    const hub = await started.hub({ events: N, perFrame: 50 });
    const file = path.join(dir, 'deferred.sqlite');
    const cache = started.closing(openCache({ path: file, deferBacklog: 1_000 }), (c) => c.close());
    const client = started.client({ url: hub.url, sink: cacheSink(cache), batchMaxMessages: 500, ...fast });
    const derived = () =>
      cache.db.prepare('SELECT last_seq - derived_seq FROM streams').pluck().get() as number | undefined;
    let mostBehind = 0;
    client.subscribe(() => (mostBehind = Math.max(mostBehind, derived() ?? 0)));
    await waitFor(() => client.status().storedSeq === N, 'caught up');
    // Batches more than 1,000 behind the hub's newest left their documents for later.
    expect(mostBehind).toBeGreaterThan(1_000);
    // Then the client's idle turns derive the rest, with nothing more arriving.
    await waitFor(() => derived() === 0, 'derived');
    const sent = range(1, N).filter((seq) => seq % 4 === 0).length;
    expect(cache.db.prepare('SELECT sum(sends) FROM documents').pluck().get()).toBe(sent);
    expect(cache.db.prepare('SELECT count(*) FROM event_agencies').pluck().get()).toBe((N / 4) * 3);
    expect(cache.db.prepare('SELECT count(*) FROM deliveries').pluck().get()).toBe(sent * 2);
  });

  it('after a catch-up far behind the hub, folds its closed hours in idle turns, documents first', () => {
    const cache = started.closing(openCache({ path: path.join(dir, 'folds.sqlite'), deferBacklog: 10 }), (c) =>
      c.close(),
    );
    const T = Date.UTC(2026, 10, 20, 1);
    const sent = (seq: number) =>
      msg(seq, T + seq * 3_600_000, 'document.sent', {
        docId: docId(A.vpcp, seq),
        sender: A.vpcp,
        recipients: [A.ngheAn],
        attachments: 0,
        sizeBytes: 1,
      });
    // Twelve hours, one document each, while the hub says it is 1,000 ahead: nothing derived or folded.
    cache.applyBatch([hello('e1', 1_000, 'hub-test', T), ...range(1, 12).map(sent)]);
    const q = (sql: string) => cache.db.prepare(sql).pluck().get();
    expect(q('SELECT count(*) FROM documents')).toBe(0);
    expect(q('SELECT count(*) FROM rollup_hour')).toBe(0);
    const sink = cacheSink(cache);
    // The first idle turn derives the documents (all 12 fit one slice), then folds one slice
    // of hours; the next turns fold the rest.
    expect(sink.idle!()).toBe(true);
    expect(q('SELECT count(*) FROM documents')).toBe(12);
    const first = q('SELECT count(*) FROM rollup_hour') as number;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(10);
    while (sink.idle!());
    // Every hour but the newest and the one before it (an hour's slack) is folded.
    expect(q('SELECT sum(sent) FROM rollup_hour')).toBe(10);
    expect(q('SELECT count(*) FROM hour_packs')).toBe(10);
  });

  it('keeps malformed frames in the rejections table with their reasons, and every good event', async () => {
    const hub = await started.hub({ events: 20, perFrame: 5 });
    const cache = started.closing(openCache({ path: path.join(dir, 'bad.sqlite') }), (c) => c.close());
    const client = started.client({ url: hub.url, sink: cacheSink(cache), maxFrameBytes: 2048, ...fast });
    await waitFor(() => client.status().storedSeq === 20, 'first 20');
    hub.injectRaw('not json');
    hub.injectRaw(JSON.stringify([eventFor(21), { ...(eventFor(22) as object), data: {} }, eventFor(23)]));
    hub.appendDelivered(3);
    hub.injectRaw(JSON.stringify(eventFor(7)));
    hub.injectRaw(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    hub.injectRaw('y'.repeat(3000));
    hub.append(7);
    await waitFor(() => client.status().storedSeq === 30 && client.status().counts.rejections === 5, 'all through');
    await client.flush();
    expect(cachedSeqs(cache, 'epoch-1')).toEqual([...range(1, 21), ...range(23, 30)]);
    const rows = cache.db.prepare('SELECT reason, seq FROM rejections ORDER BY id').all();
    expect(rows).toEqual([
      { reason: 'bad_json', seq: null },
      { reason: 'invalid_message', seq: 22 },
      { reason: 'seq_regression', seq: 7 },
      { reason: 'invalid_utf8', seq: null },
      { reason: 'frame_too_large', seq: null },
    ]);
    // seq 22 was refused, so the cache shows it as a hole rather than pretending it is whole.
    expect(cache.gaps()).toMatchObject([{ fromSeq: 22, toSeq: 22 }]);
  });

  it('keeps the old and the new epoch apart in the file', async () => {
    const hub = await started.hub({ events: 60 });
    const cache = started.closing(openCache({ path: path.join(dir, 'epochs.sqlite') }), (c) => c.close());
    const client = started.client({ url: hub.url, sink: cacheSink(cache), ...fast });
    await waitFor(() => client.status().storedSeq === 60, 'epoch 1');
    hub.restart({ epoch: 'epoch-2', events: 25 });
    await waitFor(
      () =>
        client.status().hub?.epoch === 'epoch-2' &&
        client.status().storedSeq === 25 &&
        client.status().state === 'live',
      'epoch 2',
    );
    expect(cachedSeqs(cache, 'epoch-1')).toEqual(range(1, 60));
    expect(cachedSeqs(cache, 'epoch-2')).toEqual(range(1, 25));
    expect(cache.cursor()).toEqual({ hubId: 'hub-test', epoch: 'epoch-2', lastSeq: 25 });
  });

  it('refuses another hub on this cache file with a clear reason, and stores none of its events', async () => {
    const hub = await started.hub({ events: 10 });
    const cache = started.closing(openCache({ path: path.join(dir, 'owner.sqlite') }), (c) => c.close());
    const client = started.client({ url: hub.url, sink: cacheSink(cache), ...fast });
    await waitFor(() => client.status().storedSeq === 10, 'first hub');
    hub.restart({ hubId: 'hub-other', epoch: 'x', events: 50 });
    await waitFor(() => client.status().state === 'offline', 'refused');
    expect(client.status().lastError?.message).toMatch(
      /cache unavailable: cache .* holds the history of hub "hub-test", but this hub says it is "hub-other"/,
    );
    expect(cache.db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(10);
  });
});
