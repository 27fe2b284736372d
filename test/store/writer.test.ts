import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCache, type Cache } from '../../src/store/index.js';
import type { Rejection, TelemetryMessage, UnknownMessage } from '../../src/protocol/index.js';
import { A, docId, hello, msg, tempDir } from '../support/telemetry.js';

const T0 = Date.UTC(2026, 10, 22, 2, 0);
const sent = (seq: number, n = seq, ts = T0 + seq * 1000): TelemetryMessage =>
  msg(seq, ts, 'document.sent', {
    docId: docId(A.vpcp, n),
    sender: A.vpcp,
    recipients: [A.ngheAn, A.caoBang],
    attachments: 1,
    sizeBytes: 1000,
  });

const count = (cache: Cache, sql: string): number => cache.db.prepare(sql).pluck().get() as number;
const sentRollup = (cache: Cache): number => count(cache, 'SELECT coalesce(sum(sent), 0) FROM rollup_minute');

describe('writer', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cache: Cache;
  beforeEach(() => {
    tmp = tempDir();
    cache = openCache({ path: join(tmp.dir, 'hub.sqlite'), now: () => T0 });
  });
  afterEach(() => {
    cache.close();
    tmp.cleanup();
  });

  it('stores a batch and resumes from its last seq', () => {
    const r = cache.applyBatch([hello(), sent(1), sent(2), sent(3)]);
    expect(r).toEqual({ stored: 3, duplicates: 0, rejected: 0, gapsOpened: 0, gapsFilled: 0, clockAhead: 0 });
    expect(cache.cursor()).toEqual({ hubId: 'hub-test', epoch: 'e1', lastSeq: 3 });
    expect(count(cache, 'SELECT count(*) FROM events')).toBe(3);
    expect(count(cache, 'SELECT count(*) FROM deliveries')).toBe(6);
  });

  it('is idempotent: the same batch again changes nothing, rollups included', () => {
    const batch = [hello(), sent(1), sent(2)];
    cache.applyBatch(batch);
    const before = { events: count(cache, 'SELECT count(*) FROM events'), sent: sentRollup(cache) };
    const again = cache.applyBatch(batch);
    expect(again).toMatchObject({ stored: 0, duplicates: 2, rejected: 0 });
    expect({ events: count(cache, 'SELECT count(*) FROM events'), sent: sentRollup(cache) }).toEqual(before);
    expect(count(cache, 'SELECT count(*) FROM rejections')).toBe(0);
  });

  it('knows a repeated event whose payload fields come in another order', () => {
    const first = sent(1);
    cache.applyBatch([hello(), first]);
    const data = first.data as Record<string, unknown>;
    const reordered = { ...first, data: Object.fromEntries(Object.entries(data).reverse()) } as typeof first;
    expect(JSON.stringify(reordered.data)).not.toBe(JSON.stringify(first.data));
    expect(cache.applyBatch([reordered])).toMatchObject({ stored: 0, duplicates: 1, rejected: 0 });
    expect(count(cache, 'SELECT count(*) FROM rejections')).toBe(0);
  });

  it('records a seq jump as a gap and closes it when the missing events arrive', () => {
    cache.applyBatch([hello(), sent(1), sent(2), sent(6)]);
    expect(cache.gaps()).toEqual([{ fromSeq: 3, toSeq: 5, reason: 'missing', noticedAt: T0 }]);
    expect(cache.applyBatch([sent(4)])).toMatchObject({ stored: 1, gapsFilled: 1 });
    expect(cache.gaps().map((g) => [g.fromSeq, g.toSeq])).toEqual([
      [3, 3],
      [5, 5],
    ]);
    cache.applyBatch([sent(3), sent(5)]);
    expect(cache.gaps()).toEqual([]);
    expect(cache.cursor().lastSeq).toBe(6);
    expect(sentRollup(cache)).toBe(6);
  });

  it('keeps a seq going backwards aside as seq_regression, and the good events around it', () => {
    cache.applyBatch([hello(), sent(1), sent(2), sent(3)]);
    const other = sent(2, 99);
    const r = cache.applyBatch([other, sent(4)]);
    expect(r).toMatchObject({ stored: 1, rejected: 1 });
    const rows = cache.db.prepare('SELECT reason, detail, seq, type, raw FROM rejections').all() as Record<
      string,
      unknown
    >[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: 'seq_regression', seq: 2, type: 'document.sent' });
    expect(String(rows[0]!.detail)).toContain('already holds a different event');
    expect(String(rows[0]!.raw)).toContain('99/VB');
    expect(cache.cursor().lastSeq).toBe(4);
  });

  it('keeps parser rejections with raw text, reason, detail and time, and counts them', () => {
    const rejections: Rejection[] = [
      { reason: 'bad_json', detail: 'expected JSON, got Unexpected token', raw: '{"v":1,' },
      {
        reason: 'invalid_message',
        detail: 'data.code: expected one of …, got string "07"',
        raw: '{"seq":9}',
        seq: 9,
        type: 'status.reported',
      },
    ];
    cache.applyBatch([hello(), sent(1)], rejections, { receivedAt: T0 + 5 });
    const rows = cache.db.prepare('SELECT at, reason, detail, raw, seq, type FROM rejections ORDER BY id').all();
    expect(rows).toEqual([
      {
        at: T0 + 5,
        reason: 'bad_json',
        detail: 'expected JSON, got Unexpected token',
        raw: '{"v":1,',
        seq: null,
        type: null,
      },
      {
        at: T0 + 5,
        reason: 'invalid_message',
        detail: 'data.code: expected one of …, got string "07"',
        raw: '{"seq":9}',
        seq: 9,
        type: 'status.reported',
      },
    ]);
    expect(count(cache, "SELECT n FROM counters WHERE name = 'rejections'")).toBe(2);
    expect(count(cache, "SELECT n FROM counters WHERE name = 'rejections.bad_json'")).toBe(1);
  });

  it('stores unknown-type messages as events so their seq is no gap', () => {
    const unknown: UnknownMessage = {
      v: 1,
      seq: 2,
      ts: new Date(T0).toISOString(),
      type: 'hub.future',
      unknown: true,
      data: { x: 1 },
    };
    cache.applyBatch([hello(), sent(1), unknown, sent(3)]);
    expect(cache.gaps()).toEqual([]);
    expect(cache.db.prepare('SELECT type, data FROM events WHERE seq = 2').get()).toEqual({
      type: 'hub.future',
      data: '{"x":1}',
    });
    expect(count(cache, "SELECT n FROM counters WHERE name = 'unknown_types'")).toBe(1);
  });

  it('keeps epochs apart: a hub that starts its numbering over begins a new history', () => {
    cache.applyBatch([hello('e1'), sent(1), sent(2), sent(3)]);
    cache.applyBatch([hello('e2'), sent(1, 101), sent(2, 102)]);
    expect(cache.cursor()).toEqual({ hubId: 'hub-test', epoch: 'e2', lastSeq: 2 });
    expect(cache.lastSeq({ hubId: 'hub-test', epoch: 'e1' })).toBe(3);
    expect(cache.lastSeq({ hubId: 'hub-test', epoch: 'e9' })).toBe(0);
    expect(count(cache, 'SELECT count(*) FROM events')).toBe(5);
    expect(cache.gaps()).toEqual([]);
    expect(count(cache, 'SELECT count(*) FROM rejections')).toBe(0);
  });

  it('refuses the events of a different hub, writing nothing of the batch', () => {
    cache.applyBatch([hello('e1'), sent(1)]);
    expect(() => cache.applyBatch([hello('e1', 0, 'other-hub'), sent(2)])).toThrow(
      /holds the history of hub "hub-test"/,
    );
    expect(count(cache, 'SELECT count(*) FROM events')).toBe(1);
    expect(cache.cursor().lastSeq).toBe(1);
    expect(cache.applyBatch([sent(2)])).toMatchObject({ stored: 1 });
  });

  it('records a gap the hub announced as lost', () => {
    cache.applyBatch([hello(), sent(1)]);
    cache.applyBatch([sent(10)], [], { gaps: [{ fromSeq: 2, toSeq: 9, reason: 'since_too_old' }] });
    expect(cache.gaps()).toEqual([{ fromSeq: 2, toSeq: 9, reason: 'since_too_old', noticedAt: T0 }]);
  });

  it('keeps the registry from snapshots and upserts', () => {
    cache.applyBatch([
      hello(),
      msg(0, T0, 'registry.snapshot', {
        part: 1,
        parts: 1,
        agencies: [
          {
            id: A.ngheAn,
            name: 'UBND Tỉnh Nghệ An',
            level: 1,
            parent: null,
            connection: 'lgsp',
            securityServer: 'MCBM-001',
          },
        ],
        securityServers: [{ id: 'MCBM-001', name: 'Máy chủ 1', certificateExpiresAt: '2027-01-01T00:00:00.000Z' }],
      }),
      msg(1, T0, 'agency.upsert', {
        agency: {
          id: A.ngheAnDept,
          name: 'Sở Nội vụ',
          level: 2,
          parent: A.ngheAn,
          connection: 'lgsp',
          securityServer: 'MCBM-001',
        },
      }),
    ]);
    const rows = cache.db.prepare('SELECT code, name, level, parent, listed FROM agencies ORDER BY code').all();
    expect(rows).toEqual([
      { code: A.ngheAn, name: 'UBND Tỉnh Nghệ An', level: 1, parent: null, listed: 1 },
      { code: A.ngheAnDept, name: 'Sở Nội vụ', level: 2, parent: A.ngheAn, listed: 1 },
    ]);
    expect(cache.db.prepare('SELECT id, name, cert_expires FROM servers').get()).toEqual({
      id: 'MCBM-001',
      name: 'Máy chủ 1',
      cert_expires: Date.UTC(2027, 0, 1),
    });
  });

  it("derives the same deliveries, deadlines and rollups whether a document's events come in one batch or one by one", () => {
    const D = 86_400_000;
    const doc = (n: number) => docId(A.vpcp, n);
    const events: TelemetryMessage[] = [
      msg(1, T0, 'document.sent', {
        docId: doc(1),
        sender: A.vpcp,
        recipients: [A.ngheAn, A.caoBang],
        attachments: 1,
        sizeBytes: 9,
        replyBy: new Date(T0 + 2 * D).toISOString(),
      }),
      msg(2, T0 + 1000, 'document.delivered', { docId: doc(1), recipient: A.ngheAn }),
      msg(3, T0 + 2000, 'document.failed', { docId: doc(1), recipient: A.caoBang, reason: 'timeout' }),
      msg(4, T0 + 60_000, 'status.reported', { docId: doc(1), agency: A.ngheAn, code: '01' }),
      msg(5, T0 + 120_000, 'status.reported', { docId: doc(1), agency: A.ngheAn, code: '03' }),
      msg(6, T0 + 180_000, 'document.sent', {
        docId: doc(1),
        sender: A.vpcp,
        recipients: [A.ngheAn, A.quiet],
        attachments: 1,
        sizeBytes: 9,
        replyBy: new Date(T0 + 2 * D).toISOString(),
      }),
      msg(7, T0 + 3 * D, 'document.replied', { docId: doc(1), agency: A.ngheAn, replyDocId: docId(A.ngheAn, 7) }),
      msg(8, T0 + 3 * D, 'document.replied', { docId: doc(1), agency: A.ngheAn, replyDocId: docId(A.ngheAn, 8) }),
      msg(9, T0 + 3 * D, 'status.reported', { docId: doc(1), agency: A.quiet, code: '02' }),
    ];
    const snapshot = (c: Cache) => ({
      deliveries: c.db.prepare('SELECT * FROM deliveries ORDER BY doc, recipient').all(),
      // Not `rev`: it numbers the batches, which differ here.
      deadlines: c.db
        .prepare('SELECT agency, on_time, late, open, oldest_open FROM deadline_counts ORDER BY agency')
        .all(),
      minutes: c.db.prepare('SELECT * FROM rollup_minute ORDER BY minute, agency').all(),
      documents: c.db.prepare('SELECT * FROM documents').all(),
    });
    cache.applyBatch([hello(), ...events]);
    const other = openCache({ path: join(tmp.dir, 'one-by-one.sqlite'), now: () => T0 });
    other.applyBatch([hello()]);
    for (const e of events) other.applyBatch([e]);
    expect(snapshot(other)).toEqual(snapshot(cache));
    expect(snapshot(cache).deadlines).toEqual(
      [
        { agency: 2, on_time: 0, late: 1, open: 0, oldest_open: null },
        { agency: 3, on_time: 0, late: 0, open: 1, oldest_open: T0 + 2 * D },
        { agency: 4, on_time: 0, late: 0, open: 1, oldest_open: T0 + 2 * D },
      ].map((r, i) => ({ ...r, agency: cache.agencyIds.find([A.ngheAn, A.caoBang, A.quiet][i]!) })),
    );
    other.close();
  });
});
