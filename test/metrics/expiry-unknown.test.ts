/**
 * A hub that does not know a security server's certificate expiry yet (a gateway before the
 * server's first answer) sends null: the console keeps it unknown, never a date it made up.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFrame } from '../../src/protocol/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { AGENCIES, S1, S2 } from './fixture.js';
import { hello, msg, tempDir } from '../support/telemetry.js';

const AT = Date.UTC(2026, 10, 20, 3, 0, 0);
let close: () => void = () => undefined;
afterEach(() => close());

const snapshot = (s1Expiry: string | null) =>
  msg(0, AT, 'registry.snapshot', {
    part: 1,
    parts: 1,
    agencies: AGENCIES,
    securityServers: [
      { id: S1, name: 'Máy chủ bảo mật 1', certificateExpiresAt: s1Expiry },
      { id: S2, name: 'Máy chủ bảo mật 2', certificateExpiresAt: '2027-12-31T00:00:00.000Z' },
    ],
  });

describe('a certificate expiry the hub does not know yet', () => {
  it('is accepted by the protocol as null, and only as null or a time', () => {
    expect(parseFrame(JSON.stringify(snapshot(null))).rejections).toEqual([]);
    expect(parseFrame(JSON.stringify(snapshot('soon' as never))).rejections).toHaveLength(1);
  });

  it('stays unknown in the cache until the hub says it, then is that date', () => {
    const tmp = tempDir('hubmon-expiry-');
    const cache: Cache = openCache({ path: join(tmp.dir, 'hub.sqlite'), now: () => AT });
    close = () => (cache.close(), tmp.cleanup());
    cache.applyBatch([hello(), snapshot(null)]);
    const metrics = createMetrics(cache);
    const s1 = () => metrics.servers(AT, '1h').find((s) => s.serverId === S1);
    expect(s1()?.certificateExpiresAt).toBeNull();
    expect(metrics.securityServers().find((s) => s.id === S1)?.certificateExpiresAt).toBeNull();
    cache.applyBatch([
      msg(1, AT + 1_000, 'server.upsert', {
        server: { id: S1, name: 'Máy chủ bảo mật 1', certificateExpiresAt: '2027-01-31T00:00:00.000Z' },
      }),
    ]);
    expect(s1()?.certificateExpiresAt).toBe(Date.parse('2027-01-31T00:00:00.000Z'));
  });
});
