import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway, type GatewayOptions } from '../../src/gateway/service.js';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest, type IngestClient } from '../../src/ingest/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { until } from '../faults/helpers/history.js';
import { FakeSecurityServer, startRouter } from './helpers/fake-xroad.js';
import { AGENCY_IDS, recordsOf, serverOf, SERVERS, sharedParams, type Exchange } from './helpers/hub-world.js';

/**
 * Fake security servers answering X-Road's payloads → `hubmon gateway` (the real service)
 * → the console's real ingest client and cache. Every record must become exactly one
 * exchange in the cache, across many pages and a gateway restart in the middle.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-gateway-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open: { gateways: Gateway[]; fakes: FakeSecurityServer[]; closers: (() => Promise<void>)[] } = {
  gateways: [],
  fakes: [],
  closers: [],
};
let client: IngestClient | undefined;
let cache: Cache | undefined;
afterEach(async () => {
  await client?.stop();
  cache?.close();
  client = cache = undefined;
  for (const g of open.gateways.splice(0)) await g.close();
  for (const f of open.fakes.splice(0)) await f.stop();
  for (const c of open.closers.splice(0)) await c();
});

const FAULTS = [
  ['Server.ServerProxy.invalid_signature_value', 'Signature value is invalid'],
  ['Server.ServerProxy.cert_validation', 'Certificate is not valid after 2026-01-01'],
  ['Server.ClientProxy.network_error', 'Connection refused'],
] as const;

/** `n` exchanges spread over the hour that ended two hours ago, one in ten failing. */
function exchanges(n: number, start: number): Exchange[] {
  return Array.from({ length: n }, (_, i) => {
    const sender = AGENCY_IDS[i % AGENCY_IDS.length]!;
    const recipient = AGENCY_IDS[(i * 7 + 1 + Math.floor(i / AGENCY_IDS.length)) % AGENCY_IDS.length]!;
    const to = recipient === sender ? AGENCY_IDS[(AGENCY_IDS.indexOf(sender) + 1) % AGENCY_IDS.length]! : recipient;
    const fault = i % 10 === 9 ? FAULTS[i % FAULTS.length] : undefined;
    return {
      n: i + 1,
      sender,
      recipient: to,
      docId: `${sender},2026/12/06,${i + 1}/VP-TTĐT`,
      at: start + Math.floor((i * 3_600_000) / n),
      succeeded: fault === undefined,
      ...(fault && { faultCode: fault[0], faultString: fault[1] }),
    };
  });
}

async function world(xs: readonly Exchange[], maxRecords: number) {
  const fakes = new Map<string, FakeSecurityServer>();
  for (const s of SERVERS) {
    const fake = await new FakeSecurityServer(s.code, {
      maxRecords,
      certificates:
        s.code === 'MCBM-VPCP'
          ? [
              {
                sha1: 'A1B2',
                type: 'AUTH_OR_SIGN',
                notBefore: '2024-03-31T00:00:00Z',
                notAfter: '2027-03-31T00:00:00Z',
                active: true,
              },
              {
                sha1: 'C3D4',
                type: 'SECURITY_SERVER_TLS',
                notBefore: '2024-01-01T00:00:00Z',
                notAfter: '2026-12-20T00:00:00Z',
                active: true,
              },
            ]
          : [],
    }).start();
    fakes.set(s.code, fake);
    open.fakes.push(fake);
  }
  for (const x of xs) {
    const { client: c, producer } = recordsOf(x);
    fakes.get(serverOf(x.sender))!.records.push(c);
    fakes.get(serverOf(x.recipient))!.records.push(producer);
  }
  // Traffic that is no document exchange: read, counted, not published.
  fakes.get('MCBM-VPCP')!.records.push(recordsOf({ ...xs[0]!, n: 999_999 }, 'getAgencyInfo').client);
  const router = await startRouter(() => fakes, 300);
  open.closers.push(router.close);
  const globalconf = path.join(dir, `globalconf-${Math.random().toString(36).slice(2)}`);
  writeFileSync(globalconf, sharedParams());
  return { fakes, router, globalconf };
}

const settle = async (g: Gateway, c: IngestClient): Promise<void> => {
  await until(
    () => c.status().storedSeq === g.newestSeq,
    () => `the cache at seq ${g.newestSeq}, it holds ${c.status().storedSeq}`,
  );
  await c.flush();
};

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
      timeoutMs: 1_000,
      disconnectAfterMs: 400,
    };
    const first = await startGateway(options);
    open.gateways.push(first);
    cache = openCache({ path: path.join(dir, 'console.sqlite') });
    client = startIngest({ url: first.url, sink: cacheSink(cache), backoff: { initialMs: 10, maxMs: 50 } });
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

  it('shows a server that stops answering as degraded, then disconnected, and connected again when it returns', async () => {
    const { router, globalconf, fakes } = await world(exchanges(30, Date.now() - 3 * 3_600_000), 10_000);
    const gateway = await startGateway({
      globalconf,
      client: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.G22', subsystemCode: 'GIAMSAT' },
      securityServerUrl: router.url,
      documents: ['sendEdoc'],
      dbFile: path.join(dir, 'reach.sqlite'),
      manualPolling: true,
      heartbeatMs: 200,
      timeoutMs: 1_000,
      disconnectAfterMs: 400,
    });
    open.gateways.push(gateway);
    const consoleFile = path.join(dir, 'reach-console.sqlite');
    cache = openCache({ path: consoleFile });
    client = startIngest({ url: gateway.url, sink: cacheSink(cache), backoff: { initialMs: 10, maxMs: 50 } });
    const stateOf = async (id: string) => {
      await settle(gateway, client!);
      const db = new Database(consoleFile, { readonly: true });
      try {
        return db.prepare('SELECT state FROM servers WHERE id = ?').get(id) as { state: string };
      } finally {
        db.close();
      }
    };
    await gateway.pollAll();
    expect(await stateOf('MCBM-BCA')).toEqual({ state: 'connected' });

    const bca = fakes.get('MCBM-BCA')!;
    const port = bca.port;
    await bca.stop();
    await gateway.pollAll();
    expect(await stateOf('MCBM-BCA')).toEqual({ state: 'degraded' });
    expect(gateway.views().get('MCBM-BCA')?.reason).toMatch(/^Server.ClientProxy.network_error: .*polls failing since/);
    await new Promise((r) => setTimeout(r, 450));
    await gateway.pollAll();
    expect(await stateOf('MCBM-BCA')).toEqual({ state: 'disconnected' });
    expect(await stateOf('MCBM-VPCP')).toEqual({ state: 'connected' });

    await bca.start(port);
    await gateway.pollAll();
    expect(await stateOf('MCBM-BCA')).toEqual({ state: 'connected' });
  }, 30_000);

  it('sets a malformed page aside, counted, and publishes nothing of it', async () => {
    const { router, globalconf, fakes } = await world(exchanges(12, Date.now() - 3 * 3_600_000), 10_000);
    for (const f of fakes.values()) f.payloadOverride = '{"records":[{"messageId":"x",';
    const gateway = await startGateway({
      globalconf,
      client: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.G22' },
      securityServerUrl: router.url,
      documents: ['sendEdoc'],
      dbFile: path.join(dir, 'malformed.sqlite'),
      manualPolling: true,
    });
    open.gateways.push(gateway);
    await gateway.pollAll();
    const counters = gateway.counters();
    // One page per server for the hours asked, then one empty page at the records-available-before offset.
    expect(counters['set_aside']).toBeGreaterThanOrEqual(SERVERS.length);
    expect(counters['records'] ?? 0).toBe(0);
    const db = new Database(path.join(dir, 'malformed.sqlite'), { readonly: true });
    try {
      const published = db.prepare("SELECT count(*) AS n FROM events WHERE text LIKE '%document.%'").get();
      expect(published).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
