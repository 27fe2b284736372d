/**
 * The end-to-end tests' world: fake security servers answering X-Road's payloads behind the
 * gateway's own server, a global configuration naming them, and the console's real ingest
 * client and cache; everything each test opened is closed after it (`closeAll`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Gateway } from '../../src/gateway/service.js';
import type { IngestClient } from '../../src/ingest/index.js';
import type { Cache } from '../../src/store/index.js';
import { until } from '../faults/helpers/history.js';
import { FakeSecurityServer, startRouter } from '../support/fake-xroad.js';
import { AGENCY_IDS, recordsOf, serverOf, SERVERS, sharedParams, type Exchange } from '../support/xroad-world.js';

export const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-gateway-'));
export const removeDir = (): void => rmSync(dir, { recursive: true, force: true });

/** What a test opened; `closeAll` closes it after each test. */
export const open: {
  gateways: Gateway[];
  fakes: FakeSecurityServer[];
  closers: (() => Promise<void>)[];
  client?: IngestClient;
  cache?: Cache;
} = { gateways: [], fakes: [], closers: [] };

export async function closeAll(): Promise<void> {
  await open.client?.stop();
  open.cache?.close();
  open.client = open.cache = undefined;
  for (const g of open.gateways.splice(0)) await g.close();
  for (const f of open.fakes.splice(0)) await f.stop();
  for (const c of open.closers.splice(0)) await c();
}

export const FAULTS = [
  ['Server.ServerProxy.invalid_signature_value', 'Signature value is invalid'],
  ['Server.ServerProxy.cert_validation', 'Certificate is not valid after 2026-01-01'],
  ['Server.ClientProxy.network_error', 'Connection refused'],
] as const;

/** `n` exchanges spread over the hour that ended two hours ago, one in ten failing. */
export function exchanges(n: number, start: number): Exchange[] {
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

export async function world(xs: readonly Exchange[], maxRecords: number) {
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
  if (xs[0]) fakes.get('MCBM-VPCP')!.records.push(recordsOf({ ...xs[0], n: 999_999 }, 'getAgencyInfo').client);
  const router = await startRouter(() => fakes, 5_000);
  open.closers.push(router.close);
  const globalconf = path.join(dir, `globalconf-${Math.random().toString(36).slice(2)}`);
  writeFileSync(globalconf, sharedParams());
  return { fakes, router, globalconf };
}

export const settle = async (g: Gateway, c: IngestClient): Promise<void> => {
  await until(
    () => c.status().storedSeq === g.newestSeq,
    () => `the cache at seq ${g.newestSeq}, it holds ${c.status().storedSeq}`,
  );
  await c.flush();
};
