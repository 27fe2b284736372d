/**
 * Acknowledgements between consoles on one cache file: the one that ingests (writes the cache)
 * and a second opened read-only for ingest. Either can acknowledge; the other shows it within
 * one refresh; an acknowledgement the cache could not take is never shown.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ALERT_MIGRATIONS, createAlertEngine } from '../../src/alerts/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { openCache } from '../../src/store/index.js';
import { registrySnapshot, S1 } from '../metrics/fixture.js';
import { A, docId, hello, msg, tempDir } from '../support/telemetry.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 18, 3, 0);
const tmp = tempDir('hubmon-alerts-shared-');
afterAll(() => tmp.cleanup());

function consoles(name: string) {
  const path = join(tmp.dir, name);
  const first = openCache({ path, now: () => T0, extraMigrations: ALERT_MIGRATIONS });
  let seq = 0;
  const at = (ts: number, type: Parameters<typeof msg>[2], data: unknown) => msg(++seq, ts, type, data as never);
  first.applyBatch([
    hello(),
    registrySnapshot(T0 - 30 * MIN),
    at(T0 - 10 * MIN, 'server.state', { serverId: S1, state: 'disconnected', reason: 'mất kết nối' }),
    ...[1, 2, 3, 4].map((n) =>
      at(T0 - 5 * MIN + n, 'document.sent', {
        docId: docId(A.caoBang, 1),
        sender: A.caoBang,
        recipients: [A.vpcp],
        attachments: 1,
        sizeBytes: 1000,
      }),
    ),
  ]);
  const second = openCache({ path, now: () => T0, extraMigrations: ALERT_MIGRATIONS, ifLocked: 'read-only' });
  expect(second.readOnly).toBe(true);
  const engine = (cache: typeof first, user: string) =>
    createAlertEngine({
      metrics: createMetrics(cache),
      db: cache.db,
      readOnly: cache.readOnly,
      user,
      ackBusyTimeoutMs: 50,
    });
  const writer = engine(first, 'truc-dem');
  const reader = engine(second, 'ca-sang');
  writer.evaluate(T0);
  reader.evaluate(T0);
  return { path, first, second, writer, reader, close: () => (second.close(), first.close()) };
}

const SERVER = 'server-disconnected server=MCBM-001';
const DUPLICATES = `duplicate-sends server=MCBM-002 agency=${A.caoBang}`;
const ackOf = (engine: ReturnType<typeof createAlertEngine>, key: string) =>
  engine.current().alerts.find((a) => a.key === key)?.ack ?? null;

describe('acknowledgements from any console on a cache', () => {
  it('saves an acknowledgement made in the read-only console, and the ingesting console shows it at its next refresh', () => {
    const c = consoles('a.sqlite');
    try {
      expect(ackOf(c.writer, SERVER)).toBeNull();
      expect(c.reader.acknowledge(SERVER, undefined, T0 + 1000)).toBe(true);
      expect(ackOf(c.reader, SERVER)).toEqual({ by: 'ca-sang', at: T0 + 1000 });
      expect(ackOf(c.writer, SERVER)).toEqual({ by: 'ca-sang', at: T0 + 1000 });
      // Durable: the writer's next save keeps it, and a console opened later restores it.
      c.writer.evaluate(T0 + MIN);
      expect(ackOf(c.writer, SERVER)).toEqual({ by: 'ca-sang', at: T0 + 1000 });
      expect(c.first.db.prepare('SELECT key, by FROM alert_ack_log').raw().all()).toEqual([[SERVER, 'ca-sang']]);
    } finally {
      c.close();
    }
  });

  it('shows an acknowledgement made in the ingesting console in the read-only one, and the first one stands', () => {
    const c = consoles('b.sqlite');
    try {
      expect(
        c.writer
          .current()
          .alerts.map((a) => a.key)
          .join(' / '),
      ).toContain(DUPLICATES);
      expect(c.writer.acknowledge(DUPLICATES, undefined, T0 + 2000)).toBe(true);
      expect(ackOf(c.reader, DUPLICATES)).toEqual({ by: 'truc-dem', at: T0 + 2000 });
      expect(c.reader.acknowledge(DUPLICATES, undefined, T0 + 3000)).toBe(false);
    } finally {
      c.close();
    }
  });

  it('never shows an acknowledgement the cache could not take', () => {
    const c = consoles('c.sqlite');
    const blocker = new Database(c.path);
    try {
      blocker.exec('BEGIN EXCLUSIVE');
      expect(c.reader.acknowledge(SERVER, undefined, T0 + 1000)).toBe(false);
      expect(ackOf(c.reader, SERVER)).toBeNull();
      blocker.exec('ROLLBACK');
      expect(c.reader.acknowledge(SERVER, undefined, T0 + 4000)).toBe(true);
      expect(ackOf(c.writer, SERVER)).toEqual({ by: 'ca-sang', at: T0 + 4000 });
    } finally {
      blocker.close();
      c.close();
    }
  });
});
