import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLoad } from './bulk-cache.js';
import { toMessages } from '../support/national-traffic.js';
import { yearStream } from '../support/year-stream.js';
import { openCache } from '../../src/store/index.js';
import { DATA_TABLES, rowSet } from '../support/table-rows.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubmon-bulk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every table a screen reads, plus the raw events and the stream's own counters. */
const TABLES = [...DATA_TABLES, 'streams', 'counters'];

function metaOf(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        "SELECT key, value FROM meta WHERE key IN ('newest_minute', 'hours_compacted_until', 'current_stream', 'hub_id')",
      )
      .all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  } finally {
    db.close();
  }
}

describe('bulk loader', () => {
  // Four days of a small hub: midnights crossed by deliveries, statuses and replies that follow
  // their document by hours or days; a batch size that splits documents from their follow-ups.
  const year = yearStream({ days: 4, documentsPerDay: 200, agencies: 200, seed: 7 });
  const traffic = [...year.traffic];
  const all = toMessages(traffic.flat(), 0);
  const now = year.end;

  it('the stream exercises every traffic type, duplicate sends and late answers', () => {
    const types = new Set(all.map((m) => m.type));
    for (const t of [
      'document.sent',
      'document.delivered',
      'document.failed',
      'status.reported',
      'document.replied',
      'signature.verified',
      'server.heartbeat',
      'server.state',
    ])
      expect(types).toContain(t);
    const sent = all.filter((m) => m.type === 'document.sent').map((m) => (m.data as { docId: string }).docId);
    expect(new Set(sent).size).toBeLessThan(sent.length);
    const days = new Set(all.map((m) => m.ts.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(4);
    expect(all.length).toBeGreaterThan(2_000);
  });

  it('gives the same tables as the writer, row for row', () => {
    const viaWriter = path.join(dir, 'writer.sqlite');
    const cache = openCache({ path: viaWriter, now: () => now });
    cache.applyBatch(year.preamble);
    const batch = 97;
    for (let i = 0; i < all.length; i += batch) cache.applyBatch(all.slice(i, i + batch));
    cache.close();

    const viaBulk = path.join(dir, 'bulk.sqlite');
    const result = bulkLoad(viaBulk, year.preamble, traffic, now);
    expect(result.events).toBe(all.length);

    for (const table of TABLES) {
      const a = rowSet(viaWriter, table);
      const b = rowSet(viaBulk, table);
      expect(b.length, table).toBe(a.length);
      expect(b, table).toEqual(a);
    }
    expect(rowSet(viaBulk, 'rollup_hour').length).toBeGreaterThan(0);
    // The same hour packs.
    const packs = (file: string) => rowSet(file, '(SELECT hour, hex(rows) FROM hour_packs)');
    expect(packs(viaBulk).length).toBeGreaterThan(0);
    expect(packs(viaBulk)).toEqual(packs(viaWriter));
    expect(metaOf(viaBulk)).toEqual(metaOf(viaWriter));
    // The secondary indexes the bulk loader dropped are back, identical.
    const indexes = (file: string) =>
      rowSet(file, "(SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL)");
    expect(indexes(viaBulk)).toEqual(indexes(viaWriter));
  });
});
