import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toMessages } from '../support/national-traffic.js';
import { yearStream } from '../support/year-stream.js';
import { createMetrics } from '../../src/metrics/index.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { DATA_TABLES, DEADLINE_COUNTS, rowSet } from '../support/table-rows.js';
import { tempDir } from '../support/telemetry.js';

/** Every table a batch's documents, deliveries, deadlines, rollups and agency entries reach. */
const TABLES = DATA_TABLES;

/** A heartbeat saying how far ahead the hub is (what makes a batch leave documents for later). */
const heartbeat = (newestSeq: number, ts: string): TelemetryMessage =>
  ({ v: 1, seq: newestSeq, ts, type: 'heartbeat', data: { serverTime: ts, newestSeq } }) as TelemetryMessage;

describe('documents derived after a catch-up far behind the hub', () => {
  // Three days of a small hub: documents followed by deliveries, statuses and replies hours
  // or days later, duplicate sends, late answers, server drops.
  const year = yearStream({ days: 3, documentsPerDay: 150, agencies: 150, seed: 11 });
  const all = toMessages([...year.traffic].flat(), 0);
  const newest = all.at(-1)!.seq;
  const at = all.at(-1)!.ts;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  const feed = (cache: Cache, messages: readonly TelemetryMessage[], batch: number) => {
    for (let i = 0; i < messages.length; i += batch) cache.applyBatch(messages.slice(i, i + batch));
  };
  const open = (file: string, deferBacklog?: number) =>
    openCache({ path: file, now: () => year.end, ...(deferBacklog !== undefined && { deferBacklog }) });

  it('ends with the same tables, row for row, as deriving every batch at once', () => {
    const inline = join(tmp.dir, 'inline.sqlite');
    const a = open(inline);
    a.applyBatch([...year.preamble, heartbeat(newest, at)]);
    feed(a, all, 211);
    a.close();

    const deferred = join(tmp.dir, 'deferred.sqlite');
    // More than 1,000 seqs behind the hub is "far": those batches leave their documents.
    const b = open(deferred, 1_000);
    b.applyBatch([...year.preamble, heartbeat(newest, at)]);
    feed(b, all.slice(0, all.length - 2_000), 211);
    const behind = createMetrics(b).stream().derivedBehind;
    expect(behind).toBe(all.length - 2_000);
    // Rollups are written with the events; documents and agency entries wait.
    const sentFed = all.slice(0, all.length - 2_000).filter((m) => m.type === 'document.sent').length;
    expect(b.db.prepare('SELECT sum(sent) FROM rollup_minute').pluck().get()).toBe(sentFed);
    expect(b.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM event_agencies').pluck().get()).toBe(0);
    // So do the hourly rollups: no closed hour is folded while far behind.
    expect(b.db.prepare('SELECT count(*) FROM rollup_hour').pluck().get()).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM hour_packs').pluck().get()).toBe(0);
    b.close();

    // Restarted: the file says how far derivation got, and idle slices go on from there.
    const c = open(deferred, 1_000);
    expect(c.projectPending(5_000)).toBe(behind - 5_000);
    // A reader that keeps deadline counts, from when a part of them was derived.
    const kept = createMetrics(c);
    const partly = kept.deadlines(year.end);
    expect(partly.some((d) => d.open > 0)).toBe(true);
    // Within 1,000 of the hub's newest: each batch also derives a slice of what waits.
    feed(c, all.slice(all.length - 2_000), 211);
    expect(createMetrics(c).stream().derivedBehind).toBe(0);
    expect(c.projectPending()).toBe(0);
    // What derivation wrote is stamped for it as for a fresh reader.
    expect(kept.deadlines(year.end)).toEqual(createMetrics(c).deadlines(year.end));
    expect(kept.deadlines(year.end)).not.toEqual(partly);
    // Once derived, batches fold a few closed hours each; idle slices fold the rest.
    const due = c.foldPending(1);
    expect(due).toBeGreaterThan(0);
    expect(c.foldPending(2)).toBe(due - 2);
    while (c.foldPending() > 0);
    c.close();

    for (const table of TABLES) expect(rowSet(deferred, table), table).toEqual(rowSet(inline, table));
  });

  const half = 3_000;
  /** The hub starts a new epoch after `half` events: the next 2,000 are numbered from 1 again. */
  const secondEpoch = (newestSeq: number): TelemetryMessage[] => {
    const hello = year.preamble.find((m) => m.type === 'hello')!;
    return [
      { ...hello, data: { ...(hello.data as object), epoch: 'epoch-2', newestSeq } } as TelemetryMessage,
      ...all.slice(half, half + 2_000).map((m) => ({ ...m, seq: m.seq - half })),
    ];
  };

  it('derives an earlier history before a later one, as they were received', () => {
    const epoch2 = secondEpoch(2_000);
    const inline = join(tmp.dir, 'two-inline.sqlite');
    const a = open(inline);
    a.applyBatch([...year.preamble, heartbeat(half, at)]);
    feed(a, all.slice(0, half), 211);
    feed(a, epoch2, 211);
    a.close();

    const deferred = join(tmp.dir, 'two-deferred.sqlite');
    const b = open(deferred, 100);
    b.applyBatch([...year.preamble, heartbeat(50_000, at)]); // far behind: nothing derived
    feed(b, all.slice(0, half), 211);
    // The new epoch: its last batch is within reach of the hub and derives a slice, the old
    // history's first; the rest waits for idle slices, in order.
    feed(b, epoch2, 211);
    const m = createMetrics(b);
    expect(m.stream().derivedBehind).toBeGreaterThan(0);
    while (b.projectPending(700) > 0);
    while (b.foldPending() > 0);
    expect(m.stream().derivedBehind).toBe(0);
    b.close();
    for (const table of TABLES) expect(rowSet(deferred, table), table).toEqual(rowSet(inline, table));
  });

  it('derives the history an epoch change leaves behind first, also within one batch', () => {
    const epoch2 = secondEpoch(50);
    const inline = join(tmp.dir, 'one-batch-inline.sqlite');
    const a = open(inline);
    a.applyBatch([...year.preamble, heartbeat(half, at)]);
    a.applyBatch(all.slice(0, half));
    a.applyBatch(epoch2);
    a.close();
    // One batch: the end of epoch 1, far behind the hub (deferred), the hello, epoch 2 near it.
    const deferred = join(tmp.dir, 'one-batch.sqlite');
    const b = open(deferred, 100);
    b.applyBatch([...year.preamble, heartbeat(50_000, at)]);
    b.applyBatch([...all.slice(0, half), ...epoch2]);
    while (b.projectPending(700) > 0);
    while (b.foldPending() > 0);
    b.close();
    for (const table of TABLES) expect(rowSet(deferred, table), table).toEqual(rowSet(inline, table));
  });

  it('keeps raw events past their retention until their documents are derived', () => {
    const pruneAt = year.end + 34 * 86_400_000; // raw events older than a day before the end go
    const inline = join(tmp.dir, 'pruned-inline.sqlite');
    const a = open(inline);
    a.applyBatch([...year.preamble, heartbeat(newest, at)]);
    feed(a, all, 500);
    a.prune(pruneAt);
    a.close();
    const deferred = join(tmp.dir, 'pruned-deferred.sqlite');
    const b = open(deferred, 100);
    b.applyBatch([...year.preamble, heartbeat(newest + 50_000, at)]);
    feed(b, all, 500);
    const kept = b.prune(pruneAt); // before any idle slice: nothing is derived yet
    expect(kept.events).toBe(0);
    while (b.projectPending() > 0);
    while (b.foldPending() > 0);
    const pruned = b.prune(pruneAt);
    expect(pruned.events).toBeGreaterThan(0);
    b.close();
    for (const table of ['documents', 'deliveries', DEADLINE_COUNTS, 'events'])
      expect(rowSet(deferred, table), table).toEqual(rowSet(inline, table));
  });

  it('derives every batch at once unless a backlog is given (recordings, replays, one-shot status)', () => {
    const file = join(tmp.dir, 'default.sqlite');
    const c = openCache({ path: file, now: () => year.end });
    c.applyBatch([...year.preamble, heartbeat(newest + 1_000_000, at)]);
    feed(c, all.slice(0, 2_000), 500);
    expect(createMetrics(c).stream().derivedBehind).toBe(0);
    expect(c.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBeGreaterThan(0);
    c.close();
  });

  it('derives a hole filled ahead of derivation in seq order, and one filled behind it at once', () => {
    const n = 1_200;
    const inOrder = join(tmp.dir, 'in-order.sqlite');
    const a = open(inOrder);
    a.applyBatch([...year.preamble, heartbeat(n, at)]);
    feed(a, all.slice(0, n), 97);
    a.close();

    // The hub far ahead (5,000): every batch leaves its documents for later.
    const ahead = join(tmp.dir, 'ahead.sqlite');
    const b = open(ahead, 100);
    b.applyBatch([...year.preamble, heartbeat(5_000, at)]);
    feed(b, [...all.slice(0, 900), ...all.slice(950, n)], 97); // a hole: 901–950
    expect(b.projectPending(400)).toBeGreaterThan(0); // derived through 400
    const documents = () => b.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const before = documents();
    b.applyBatch(all.slice(900, 950)); // filled ahead of derivation: waits for it
    expect(documents()).toBe(before);
    while (b.projectPending(150) > 0);
    while (b.foldPending() > 0);
    b.close();
    // Derived in seq order, as if nothing had been missing.
    for (const table of TABLES) expect(rowSet(ahead, table), table).toEqual(rowSet(inOrder, table));

    // A hole of 40 that starts with a document sent, after the 300th event.
    const from = all.findIndex((m, i) => i >= 300 && m.type === 'document.sent');
    const behind = join(tmp.dir, 'behind.sqlite');
    const c = open(behind, 100);
    c.applyBatch([...year.preamble, heartbeat(5_000, at)]);
    feed(c, [...all.slice(0, from), ...all.slice(from + 40, n)], 97);
    c.projectPending(from + 100); // derived past the hole
    const hole = all.slice(from, from + 40);
    c.applyBatch(hole); // filled behind derivation: derived with its batch
    const sent = hole.filter((m) => m.type === 'document.sent').map((m) => (m.data as { docId: string }).docId);
    expect(sent.length).toBeGreaterThan(0);
    const found = c.db
      .prepare(`SELECT count(*) FROM documents WHERE doc_id IN (${sent.map(() => '?').join(', ')})`)
      .pluck()
      .get(...sent);
    expect(found).toBe(new Set(sent).size);
    // Each of its events filed under its agency, as in order.
    const range = `(SELECT * FROM event_agencies WHERE seq BETWEEN ${hole[0]!.seq} AND ${hole.at(-1)!.seq})`;
    c.close();
    expect(rowSet(behind, range).length).toBeGreaterThan(0);
    expect(rowSet(behind, range)).toEqual(rowSet(inOrder, range));
  });
});
