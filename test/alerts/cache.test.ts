/** The alert engine over a real cache file holding a few hand-made events, through the store's own open. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALERT_MIGRATIONS, createAlertEngine, describeAlert } from '../../src/alerts/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { openCache } from '../../src/store/index.js';
import { registrySnapshot, S1 } from '../metrics/fixture.js';
import { A, docId, hello, msg, tempDir } from '../support/telemetry.js';

const MIN = 60_000;
/** Wednesday 18 November 2026, 10:00 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 18, 3, 0);
const tmp = tempDir('hubmon-alerts-cache-');
afterAll(() => tmp.cleanup());
const path = join(tmp.dir, 'hub.sqlite');
const open = () => openCache({ path, now: () => T0, extraMigrations: ALERT_MIGRATIONS });

function seed(): void {
  const cache = open();
  let seq = 0;
  const at = (ts: number, type: Parameters<typeof msg>[2], data: unknown) => msg(++seq, ts, type, data as never);
  cache.applyBatch([hello(), registrySnapshot(T0 - 30 * MIN)]);
  const events = [
    at(T0 - 20 * MIN, 'server.state', { serverId: S1, state: 'connected' }),
    at(T0 - 10 * MIN, 'server.state', { serverId: S1, state: 'disconnected', reason: 'mất kết nối' }),
  ];
  // Three packages to Nghệ An (behind S1) that could not be delivered.
  for (let n = 1; n <= 3; n++) {
    events.push(
      at(T0 - 9 * MIN + n, 'document.sent', {
        docId: docId(A.vpcp, n),
        sender: A.vpcp,
        recipients: [A.ngheAn],
        attachments: 1,
        sizeBytes: 1000,
      }),
    );
    events.push(
      at(T0 - 8 * MIN + n, 'document.failed', {
        docId: docId(A.vpcp, n),
        recipient: A.ngheAn,
        reason: 'security_server_unreachable',
      }),
    );
  }
  // Cao Bằng (behind S2): 6 of 20 signatures fail in the last 15 minutes → 30 %, surely above 5 %.
  for (let n = 1; n <= 20; n++) {
    events.push(
      at(T0 - 5 * MIN + n, 'signature.verified', {
        docId: docId(A.caoBang, n),
        agency: A.caoBang,
        result: n <= 6 ? 'invalid' : 'valid',
      }),
    );
  }
  cache.applyBatch(events);
  cache.close();
}

describe('alerts over a real cache', () => {
  seed();

  it('finds the down server, folds the delivery failures behind it, and keeps the signature alert apart', () => {
    const cache = open();
    try {
      const engine = createAlertEngine({ metrics: createMetrics(cache), db: cache.db, user: 'truc-dem' });
      const s = engine.evaluate(T0);
      expect(s.errors).toEqual([]);
      expect(s.alerts.map((a) => [a.key, a.phase, a.severity, a.folded.map((f) => f.key)])).toEqual([
        [
          'server-disconnected server=MCBM-001',
          'firing',
          'critical',
          ['delivery-failures server=MCBM-001 agency=000.00.00.H41'],
        ],
        ['signature-failures server=MCBM-002 agency=000.00.00.H14', 'firing', 'warning', []],
      ]);
      const sig = s.alerts[1]!;
      expect(describeAlert(sig, { lang: 'vi', now: T0 })).toBe(
        '000.00.00.H14: 6/20 chữ ký số lỗi (30,0%) trong 15 phút, chủ yếu chữ ký không hợp lệ',
      );
      expect(s.alerts[0]).toMatchObject({ activeSince: T0 - 10 * MIN, firingSince: T0 - 8 * MIN });
      expect(engine.acknowledge('server-disconnected server=MCBM-001', undefined, T0 + MIN)).toBe(true);
    } finally {
      cache.close();
    }
  });

  it('still shows the acknowledgement after the cache is closed and opened again', () => {
    const cache = open();
    try {
      const engine = createAlertEngine({ metrics: createMetrics(cache), db: cache.db, user: 'ca-sang' });
      const server = engine.evaluate(T0 + 2 * MIN).alerts.find((a) => a.rule === 'server-disconnected');
      expect(server?.ack).toEqual({ by: 'truc-dem', at: T0 + MIN });
      const unacknowledged = engine.current().alerts.filter((a) => a.phase === 'firing' && a.ack === null);
      expect(unacknowledged.map((a) => a.severity)).toEqual(['warning']);
      const log = cache.db.prepare('SELECT key, by FROM alert_ack_log ORDER BY id DESC').raw().all();
      expect(log).toEqual([['server-disconnected server=MCBM-001', 'truc-dem']]);
    } finally {
      cache.close();
    }
  });
});
