import { afterEach, describe, expect, it } from 'vitest';
import { A, docId, hello } from '../support/telemetry.js';
import { createMetrics } from '../../src/metrics/index.js';
import { AGENCIES, fixtureCache, MIN } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 3, 0);

describe('stream, registry, recent events and rejections', () => {
  it('keeps what the latest hello says the hub cannot tell', () => {
    fx = fixtureCache(NOW);
    const h = hello('e1', 0);
    fx.cache.applyBatch([{ ...h, data: { ...h.data, notReported: ['statuses', 'deadlines'] } } as typeof h], [], {
      receivedAt: NOW,
    });
    expect(fx.metrics.stream().notReported).toEqual(['statuses', 'deadlines']);
    fx.cache.applyBatch([hello('e1', 0)], [], { receivedAt: NOW });
    expect(fx.metrics.stream().notReported).toEqual([]);
  });

  it('reports what the cache holds of the stream and lists an agency’s newest events', () => {
    fx = fixtureCache(NOW);
    fx.write(
      [
        NOW - 3 * MIN,
        'document.sent',
        { docId: docId(A.vpcp, 1), sender: A.vpcp, recipients: [A.ngheAn, A.caoBang], attachments: 1, sizeBytes: 5 },
      ],
      [NOW - 2 * MIN, 'document.delivered', { docId: docId(A.vpcp, 1), recipient: A.ngheAn }],
      [NOW - 1 * MIN, 'status.reported', { docId: docId(A.vpcp, 1), agency: A.ngheAn, code: '03' }],
    );
    fx.cache.applyBatch([], [{ reason: 'bad_json', detail: 'expected JSON, got end of input', raw: '[' }], {
      receivedAt: NOW,
    });
    expect(fx.metrics.stream()).toEqual({
      hubId: 'hub-test',
      hubName: 'Trục thử nghiệm',
      epoch: 'e1',
      lastSeq: 3,
      newestEventTs: NOW - MIN,
      events: 3,
      derivedBehind: 0,
      rejections: 1,
      gaps: 0,
      unknownTypes: 0,
      notReported: [],
    });
    expect(fx.metrics.recentEvents(A.ngheAn)).toEqual([
      { seq: 3, ts: NOW - MIN, type: 'status.reported', facts: { docId: docId(A.vpcp, 1), code: '03' } },
      { seq: 2, ts: NOW - 2 * MIN, type: 'document.delivered', facts: { docId: docId(A.vpcp, 1) } },
    ]);
    expect(fx.metrics.recentEvents(A.vpcp, 1)).toEqual([
      { seq: 1, ts: NOW - 3 * MIN, type: 'document.sent', facts: { docId: docId(A.vpcp, 1), recipients: 2 } },
    ]);
    expect(fx.metrics.recentEvents(A.quiet)).toEqual([]);
    expect(fx.metrics.rejections()).toEqual([
      { id: 1, at: NOW, reason: 'bad_json', detail: 'expected JSON, got end of input', raw: '[' },
    ]);
    expect(fx.metrics.agencies()).toEqual([...AGENCIES].sort((a, b) => a.id.localeCompare(b.id)));
    expect(fx.metrics.securityServers().map((s) => s.id)).toEqual(['MCBM-001', 'MCBM-002']);
  });

  it('answers on an empty cache (started with no hub reachable)', () => {
    fx = fixtureCache(NOW);
    expect(fx.metrics.totals(NOW, '24h')).toMatchObject({
      sent: 0,
      received: 0,
      agencies: 6,
      agenciesActive: 0,
      overdueReplies: 0,
    });
    expect(fx.metrics.stream()).toMatchObject({ lastSeq: 0, events: 0, newestEventTs: null });
  });
});

describe('the registry as a fresh reader reads it', () => {
  it('hands out the same agencies while the registry reads back the same, and new ones once it changed', () => {
    fx = fixtureCache(NOW);
    const fresh = createMetrics(fx.cache);
    const first = fresh.agencies();
    expect(first.map((a) => a.id)).toEqual(AGENCIES.map((a) => a.id).sort());
    fx.write([
      NOW - MIN,
      'document.sent',
      { docId: docId(A.vpcp, 1), sender: A.vpcp, recipients: [A.ngheAn], attachments: 0, sizeBytes: 1 },
    ]);
    // The same agency records: what the console built on them (indexes, models) stands.
    expect(fresh.agencies().every((a, i) => a === first[i])).toBe(true);
    fx.write([NOW, 'agency.upsert', { agency: { ...AGENCIES[0]!, name: 'Văn phòng Chính phủ (mới)' } }]);
    const after = fresh.agencies();
    expect(after.some((a, i) => a !== first[i])).toBe(true);
    expect(after.find((a) => a.id === A.vpcp)?.name).toBe('Văn phòng Chính phủ (mới)');
  });
});
