import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startGateway, type GatewayOptions } from '../../src/gateway/service.js';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest } from '../../src/ingest/index.js';
import { openCache } from '../../src/store/index.js';
import { closeAll, dir, exchanges, open, removeDir, settle, world } from './harness.js';

afterEach(closeAll);
afterAll(removeDir);

/**
 * Fake security servers answering X-Road's payloads → `hubmon gateway` (the real service)
 * → the console's real ingest client and cache. Every record must become exactly one
 * exchange in the cache, across many pages and a gateway restart in the middle.
 */
describe('hubmon gateway end to end', () => {
  it('publishes every exchange once, per agency as the records say, across pages and a restart', async () => {
    const xs = exchanges(1_200, Date.now() - 3 * 3_600_000);
    const { router, globalconf, fakes } = await world(xs, 40);
    const dbFile = path.join(dir, 'gateway.sqlite');
    const options: GatewayOptions = {
      globalconf,
      client: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.G22', subsystemCode: 'GIAMSAT' },
      securityServerUrl: router.url,
      documents: ['sendEdoc'],
      dbFile,
      manualPolling: true,
      maxPagesPerRound: 4,
      backfillMs: 4 * 3_600_000,
      heartbeatMs: 200,
      timeoutMs: 5_000,
      disconnectAfterMs: 400,
    };
    const first = await startGateway(options);
    open.gateways.push(first);
    const cache = (open.cache = openCache({ path: path.join(dir, 'console.sqlite') }));
    const client = (open.client = startIngest({
      url: first.url,
      sink: cacheSink(cache),
      backoff: { initialMs: 10, maxMs: 50 },
    }));
    await first.pollAll();
    await first.pollAll();
    await settle(first, client);
    const cut = first.newestSeq;
    const readBefore = first.counters()['records'] ?? 0;
    expect(readBefore).toBeGreaterThan(0);
    expect(readBefore).toBeLessThan(2 * xs.length);

    // Stopped mid-way: part of each server's pages read, the rest still to come.
    await first.close();
    open.gateways.splice(0);
    const second = await startGateway({ ...options, port: first.port });
    open.gateways.push(second);
    expect(second.epoch).toBe(first.epoch);
    expect(second.newestSeq).toBe(cut);
    // Rounds until a round reads no record: every page of every server has been read.
    let before = -1;
    while ((second.counters()['records'] ?? 0) !== before) {
      before = second.counters()['records'] ?? 0;
      await second.pollAll();
    }
    await settle(second, client);

    const db = new Database(path.join(dir, 'console.sqlite'), { readonly: true });
    try {
      const docs = db.prepare('SELECT count(*) AS n, sum(sends) AS sends FROM documents').get() as {
        n: number;
        sends: number;
      };
      expect(docs).toEqual({ n: xs.length, sends: xs.length });
      const perSender = Object.fromEntries(
        (
          db
            .prepare(
              'SELECT a.code AS id, count(*) AS n FROM documents d JOIN agencies a ON a.id = d.sender GROUP BY a.code',
            )
            .all() as { id: string; n: number }[]
        ).map((r) => [r.id, r.n]),
      );
      const expected: Record<string, number> = {};
      for (const x of xs) expected[x.sender] = (expected[x.sender] ?? 0) + 1;
      expect(perSender).toEqual(expected);
      const outcomes = db
        .prepare(
          'SELECT sum(delivered_at IS NOT NULL) AS delivered, sum(failed_at IS NOT NULL) AS failed, count(*) AS n FROM deliveries',
        )
        .get();
      const failed = xs.filter((x) => !x.succeeded).length;
      expect(outcomes).toEqual({ delivered: xs.length - failed, failed, n: xs.length });
      const server = db.prepare("SELECT cert_expires, state FROM servers WHERE id = 'MCBM-VPCP'").get() as {
        cert_expires: number;
        state: string;
      };
      expect(server).toEqual({ cert_expires: Date.parse('2027-03-31T00:00:00Z'), state: 'connected' });
      // What X-Road cannot tell, said in the hello and kept by the console for its screens.
      expect(db.prepare("SELECT value FROM meta WHERE key = 'hub_not_reported'").pluck().get()).toBe(
        '["statuses","deadlines"]',
      );
      const agencies = db
        .prepare('SELECT code, level, parent, connection, server FROM agencies WHERE listed = 1 ORDER BY code')
        .all();
      expect(agencies).toContainEqual({
        code: '000.00.08.H41',
        level: 2,
        parent: '000.00.00.H41',
        connection: 'lgsp',
        server: 'MCBM-NGHEAN',
      });
    } finally {
      db.close();
    }
    const counters = second.counters();
    // Each exchange is read twice, once from each side's server; the second reading is paired away.
    expect(counters['duplicate_records']).toBe(xs.length);
    expect(counters['skipped_not_a_document_service']).toBe(1);
    expect(counters['set_aside']).toBe(0);
    expect([...fakes.values()].every((f) => f.requests.operational > 4)).toBe(true);
  }, 60_000);
});
