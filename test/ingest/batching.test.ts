import { describe, expect, it } from 'vitest';
import { BatchBuilder } from '../../src/ingest/batch-builder.js';
import type { IngestBatch, StoredMessage } from '../../src/ingest/index.js';
import { RateMeter } from '../../src/ingest/rate-meter.js';
import { eventFor } from './helpers/events.js';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

const ev = (seq: number) => eventFor(seq) as StoredMessage;
const id = { hubId: 'h', epoch: 'e' };

describe('BatchBuilder', () => {
  it('accepts rising seqs and sets repeats and steps back aside, in arrival order', () => {
    const b = new BatchBuilder();
    b.begin(id, 10);
    expect([11, 12, 12, 9, 15].map((s) => b.addEvent(ev(s), 1))).toEqual([true, true, false, false, true]);
    const batch = b.take()!;
    expect(batch.events.map((e) => e.seq)).toEqual([11, 12, 15]);
    expect(batch.rejections.map((r) => [r.reason, r.seq, r.detail])).toEqual([
      ['seq_regression', 12, 'seq: expected more than 12, got 12 (repeats the last one)'],
      ['seq_regression', 9, 'seq: expected more than 12, got 9 (goes backwards)'],
    ]);
    expect(batch.identity).toEqual(id);
    expect(b.take()).toBeUndefined();
    expect(b.acceptedSeq).toBe(15);
  });

  it('moves past an announced gap', () => {
    const b = new BatchBuilder();
    b.begin(id, 3);
    b.addGap(4, 99, 'since_too_old');
    expect(b.addEvent(ev(50), 1)).toBe(false);
    expect(b.addEvent(ev(100), 1)).toBe(true);
    expect(b.take()!.gaps).toEqual([{ fromSeq: 4, toSeq: 99, reason: 'since_too_old' }]);
  });
});

describe('RateMeter', () => {
  it('averages over the window and forgets what fell out of it', () => {
    let t = 1_000_000;
    const m = new RateMeter(() => t);
    m.add(100);
    t += 1_000;
    m.add(300);
    t += 1_000;
    expect(m.perSecond()).toBe(200);
    t += 10_000;
    expect(m.perSecond()).toBe(0);
  });
});

describe('backpressure', () => {
  const started = startedInEachTest();

  it('holds the socket while a slow writer is busy: batches stay bounded and nothing is lost', async () => {
    const hub = await started.hub({ events: 20_000, perFrame: 100 });
    const sink = new MemorySink();
    const sizes: number[] = [];
    let inFlight = 0;
    let overlapping = 0;
    const slow = Object.assign(Object.create(sink) as MemorySink, {
      write(batch: IngestBatch): Promise<void> {
        sizes.push(batch.events.length);
        if (inFlight++ > 0) overlapping++;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            sink.write(batch);
            inFlight--;
            resolve();
          }, 50),
        );
      },
    });
    const client = started.client({ url: hub.url, sink: slow, batchMaxMessages: 1_000 });
    await waitFor(() => sink.events().length === 20_000 && client.status().state === 'live', 'all events', 30_000);
    expect(overlapping).toBe(0);
    // A paused socket still hands over what ws had already read: at most a few frames more.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1_000 + 600);
    expect(sizes.length).toBeGreaterThanOrEqual(7);
    expect(sink.events().map((e) => e.seq)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
  });
});

describe('catch-up batches', () => {
  const started = startedInEachTest();

  it('writes larger batches while the hub is far ahead, smaller ones near its newest, and the last at once', async () => {
    const hub = await started.hub({ events: 20_000, perFrame: 100 });
    const sink = new MemorySink();
    const batches: { first: number; size: number }[] = [];
    const recording = Object.assign(Object.create(sink) as MemorySink, {
      write(batch: IngestBatch): void {
        if (batch.events.length > 0) batches.push({ first: batch.events[0]!.seq, size: batch.events.length });
        sink.write(batch);
      },
    });
    // A minute's wait for a partial batch: only a full batch, or having caught up, writes one within the test.
    const client = started.client({
      url: hub.url,
      sink: recording,
      batchMaxMessages: 500,
      catchUpBatchMessages: 4_000,
      batchMaxMs: 60_000,
    });
    await waitFor(() => sink.events().length === 20_000 && client.status().state === 'live', 'all events', 30_000);
    // A paused socket still hands over what ws had already read: at most a few frames more.
    expect(Math.max(...batches.map((b) => b.size))).toBeLessThanOrEqual(4_000 + 600);
    expect(batches.filter((b) => b.size >= 4_000).length).toBeGreaterThanOrEqual(3);
    // Within 4,000 of the hub's newest, batches of 500 (and the frames read meanwhile).
    const near = batches.filter((b) => b.first > 16_000 + 600);
    expect(near.length).toBeGreaterThan(0);
    expect(Math.max(...near.map((b) => b.size))).toBeLessThanOrEqual(500 + 600);
    expect(sink.events().map((e) => e.seq)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
  });
});
