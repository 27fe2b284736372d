import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCache, type Cache } from '../../src/store/index.js';
import { AGENCY_ID_LIMIT } from '../../src/store/agency-ids.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { A, docId, hello, msg, tempDir } from '../support/telemetry.js';

const T0 = Date.UTC(2026, 10, 22, 2, 0);
const agency = (id: string) => ({
  id,
  name: `Đơn vị ${id}`,
  level: 1 as const,
  parent: null,
  connection: 'direct' as const,
  securityServer: 'SS-01',
});
const snapshot = (ids: string[]): TelemetryMessage =>
  msg(0, T0, 'registry.snapshot', { part: 1, parts: 1, agencies: ids.map(agency), securityServers: [] });

describe('agency id space', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cache: Cache | undefined;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    cache?.close();
    cache = undefined;
    tmp.cleanup();
  });

  /** A cache whose id space has `room` ids left. */
  function nearlyFull(room: number): Cache {
    const path = join(tmp.dir, `hub-${room}.sqlite`);
    openCache({ path, now: () => T0 }).close();
    const db = new Database(path);
    db.prepare('INSERT INTO agencies (id, code) VALUES (?, ?)').run(AGENCY_ID_LIMIT - 1 - room, 'filler');
    db.close();
    return openCache({ path, now: () => T0 });
  }

  it('refuses a registry beyond the id space with a clear reason, and keeps the rest', () => {
    cache = nearlyFull(2);
    const r = cache.applyBatch([hello(), snapshot([A.vpcp, A.ngheAn, A.caoBang]), snapshot([A.vpcp, A.ngheAn])]);
    expect(r.rejected).toBe(1);
    const row = cache.db.prepare('SELECT reason, detail FROM rejections').get();
    expect(row).toEqual({
      reason: 'agency_limit',
      detail: `agency "${A.vpcp}": the cache holds at most ${AGENCY_ID_LIMIT - 1} agencies`,
    });
    const ids = cache.db.prepare('SELECT id FROM agencies ORDER BY id').pluck().all() as number[];
    expect(ids).toEqual([AGENCY_ID_LIMIT - 3, AGENCY_ID_LIMIT - 2, AGENCY_ID_LIMIT - 1]);
    expect(Math.max(...ids)).toBeLessThan(AGENCY_ID_LIMIT);
  });

  it('refuses an event naming agencies past the limit, not the events that fit', () => {
    cache = nearlyFull(1);
    const sent = (seq: number, recipients: string[]) =>
      msg(seq, T0 + seq, 'document.sent', {
        docId: docId(A.vpcp, seq),
        sender: A.vpcp,
        recipients,
        attachments: 0,
        sizeBytes: 1,
      });
    const r = cache.applyBatch([hello(), sent(1, [A.vpcp]), sent(2, [A.ngheAn])]);
    expect(r).toMatchObject({ stored: 1, rejected: 1 });
    expect(cache.db.prepare("SELECT count(*) FROM rejections WHERE reason = 'agency_limit'").pluck().get()).toBe(1);
  });
});
