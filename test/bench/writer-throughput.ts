/**
 * Raw writer speed: the same events written through the cache's writer (events, rollups,
 * documents, deliveries, deadlines, server state) and as a bare insert into one unindexed table,
 * both in batches of `batch` per transaction.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRegistry } from '../../src/registry/lower-levels.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { openCache } from '../../src/store/index.js';
import { nationalTraffic, toMessages } from '../support/national-traffic.js';

export interface WriterThroughput {
  readonly events: number;
  readonly batch: number;
  /** Events per second through `applyBatch` (with every rollup and derived table), wall clock. */
  readonly withRollupsPerSec: number;
  /** Rows per second into a bare table (seq, ts, type, data), wall clock. */
  readonly bareInsertPerSec: number;
  readonly ratio: number;
  /**
   * The same two rates per second of this process's CPU time (user + system): on a shared,
   * loaded machine the wall-clock figures also measure the neighbours.
   */
  readonly withRollupsPerCpuSec: number;
  readonly bareInsertPerCpuSec: number;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

export function benchWriterThroughput(
  options: { events?: number; batch?: number; seed?: number } = {},
): WriterThroughput {
  const target = options.events ?? 1_000_000;
  const batch = options.batch ?? 5_000;
  const registry = buildRegistry({ totalAgencies: 12_000, seed: options.seed ?? 7 });
  const messages: TelemetryMessage[] = [];
  for (const day of nationalTraffic({
    agencies: registry.agencies,
    servers: registry.securityServers,
    start: Date.UTC(2026, 0, 5),
    days: 400,
    documentsPerDay: 6_000,
    heartbeatEveryMinutes: 10,
    seed: options.seed ?? 7,
  })) {
    messages.push(...toMessages(day, messages.length));
    if (messages.length >= target) break;
  }
  messages.length = Math.min(messages.length, target);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-writer-'));
  try {
    const cache = openCache({ path: path.join(dir, 'full.sqlite'), cacheSizeMiB: 256 });
    cache.applyBatch([
      {
        v: 1,
        seq: 0,
        ts: new Date().toISOString(),
        type: 'hello',
        data: {
          hubId: 'bench',
          hubName: 'bench',
          hubVersion: '1',
          epoch: 'e1',
          serverTime: new Date().toISOString(),
          newestSeq: 0,
          oldestSeq: 0,
          heartbeatMs: 5000,
        },
      },
      {
        v: 1,
        seq: 0,
        ts: new Date().toISOString(),
        type: 'registry.snapshot',
        data: { part: 1, parts: 1, agencies: registry.agencies, securityServers: registry.securityServers },
      },
    ] as TelemetryMessage[]);
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    for (let i = 0; i < messages.length; i += batch) cache.applyBatch(messages.slice(i, i + batch));
    const fullMs = performance.now() - t0;
    const fullCpu = cpuMs(c0);
    cache.close();

    const db = new Database(path.join(dir, 'bare.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE raw (seq INTEGER, ts INTEGER, type TEXT, data TEXT)');
    const insert = db.prepare('INSERT INTO raw (seq, ts, type, data) VALUES (?, ?, ?, ?)');
    const write = db.transaction((rows: TelemetryMessage[]) => {
      for (const m of rows) insert.run(m.seq, Date.parse(m.ts), m.type, JSON.stringify(m.data));
    });
    t0 = performance.now();
    c0 = process.cpuUsage();
    for (let i = 0; i < messages.length; i += batch) write(messages.slice(i, i + batch));
    const bareMs = performance.now() - t0;
    const bareCpu = cpuMs(c0);
    db.close();
    const withRollupsPerSec = messages.length / (fullMs / 1000);
    const bareInsertPerSec = messages.length / (bareMs / 1000);
    return {
      events: messages.length,
      batch,
      withRollupsPerSec,
      bareInsertPerSec,
      ratio: withRollupsPerSec / bareInsertPerSec,
      withRollupsPerCpuSec: messages.length / (fullCpu / 1000),
      bareInsertPerCpuSec: messages.length / (bareCpu / 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
