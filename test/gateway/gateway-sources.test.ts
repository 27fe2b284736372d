import path from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startGateway } from '../../src/gateway/service.js';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest } from '../../src/ingest/index.js';
import { openCache } from '../../src/store/index.js';
import { until } from '../faults/helpers/history.js';
import { AGENCY_IDS, SERVERS, sharedParams } from '../support/xroad-world.js';
import { closeAll, dir, exchanges, open, removeDir, settle, world } from './harness.js';

afterEach(closeAll);
afterAll(removeDir);

/**
 * Each source of the gateway on its own, through to the console's cache: a server's
 * reachability, global configuration changing under it, and a page that cannot be parsed.
 */
describe('hubmon gateway: its sources', () => {
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
      timeoutMs: 5_000,
      disconnectAfterMs: 400,
    });
    open.gateways.push(gateway);
    const consoleFile = path.join(dir, 'reach-console.sqlite');
    const cache = (open.cache = openCache({ path: consoleFile }));
    const client = (open.client = startIngest({
      url: gateway.url,
      sink: cacheSink(cache),
      backoff: { initialMs: 10, maxMs: 50 },
    }));
    const stateOf = async (id: string) => {
      await settle(gateway, client);
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

  it('publishes what a changed global configuration adds and removes, without a reconnect', async () => {
    const { router, globalconf } = await world([], 10_000);
    const gateway = await startGateway({
      globalconf,
      client: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.G22' },
      securityServerUrl: router.url,
      documents: ['sendEdoc'],
      dbFile: path.join(dir, 'registry.sqlite'),
      manualPolling: true,
      watchIntervalMs: 50,
    });
    open.gateways.push(gateway);
    const consoleFile = path.join(dir, 'registry-console.sqlite');
    const cache = (open.cache = openCache({ path: consoleFile }));
    const client = (open.client = startIngest({
      url: gateway.url,
      sink: cacheSink(cache),
      backoff: { initialMs: 10, maxMs: 50 },
    }));
    await settle(gateway, client);
    const listed = () => {
      const db = new Database(consoleFile, { readonly: true });
      try {
        return db
          .prepare('SELECT code FROM agencies WHERE listed = 1 AND removed_at IS NULL ORDER BY code')
          .pluck()
          .all();
      } finally {
        db.close();
      }
    };
    expect(listed()).toEqual([...AGENCY_IDS].sort());
    // The Ministry of Finance leaves; a new department of Nghệ An joins through the LGSP.
    const xml = sharedParams()
      .replace(/<member id="id-000_00_00_G12">[\s\S]*?<\/member>/, '')
      .replace('<owner>id-000_00_00_G12</owner>', '<owner>id-000_00_00_G22</owner>')
      .replace(
        '<subsystemName>Sở Y tế tỉnh Nghệ An</subsystemName>\n        </subsystem>',
        '<subsystemName>Sở Y tế tỉnh Nghệ An</subsystemName>\n        </subsystem>\n        <subsystem id="id-000_00_09_H41">\n            <subsystemCode>000.00.09.H41</subsystemCode>\n            <subsystemName>Sở Xây dựng tỉnh Nghệ An</subsystemName>\n        </subsystem>',
      )
      .replace(
        '<client>id-000_00_08_H41</client>',
        '<client>id-000_00_08_H41</client>\n        <client>id-000_00_09_H41</client>',
      );
    const before = gateway.newestSeq;
    writeFileSync(globalconf, xml);
    await until(
      () => gateway.newestSeq > before,
      () => 'the registry change',
    );
    await settle(gateway, client);
    expect(listed()).toEqual([...AGENCY_IDS.filter((a) => a !== '000.00.00.G12'), '000.00.09.H41'].sort());
    // A broken file keeps the registry as it was.
    const kept = gateway.newestSeq;
    writeFileSync(globalconf, '<tns:conf xmlns:tns="http://x-road.eu/xsd/xroad.xsd"><broken');
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.newestSeq).toBe(kept);
  });

  it('sets a malformed page aside, counted, and publishes nothing of it', async () => {
    const { router, globalconf, fakes } = await world(exchanges(12, Date.now() - 3 * 3_600_000), 10_000);
    const told: string[] = [];
    for (const f of fakes.values()) f.payloadOverride = '{"records":[{"messageId":"x",';
    const gateway = await startGateway({
      globalconf,
      client: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.G22' },
      securityServerUrl: router.url,
      documents: ['sendEdoc'],
      dbFile: path.join(dir, 'malformed.sqlite'),
      notes: { setAside: (id, n, reason) => told.push(`${id} ${n} ${reason}`) },
      manualPolling: true,
    });
    open.gateways.push(gateway);
    await gateway.pollAll();
    const counters = gateway.counters();
    // One page per server for the hours asked, then one empty page at the records-available-before offset.
    expect(counters['set_aside']).toBeGreaterThanOrEqual(SERVERS.length);
    expect(told[0]).toMatch(/^MCBM-\S+ 1 expected JSON, got /);
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
