import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { telemetryMessageSchema } from '../../src/protocol/index.js';
import { loadReplay, startSimHub, type SimHub } from '../../src/sim/index.js';
import { collect, durable } from './collect.js';

const START = Date.UTC(2025, 2, 12, 2, 0);
const hubs: SimHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

describe('record and replay', () => {
  it('records every message as NDJSON and serves the recording back with its own seqs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubmon-sim-'));
    const file = join(dir, 'stream.ndjson');
    const live = await startSimHub({
      clock: 'manual',
      seed: 3,
      start: START,
      history: 10 * 60_000,
      recordFile: file,
      agencies: 1_200,
    });
    live.emitEvents(300);
    const original = await collect(live.url, (ms) =>
      ms.some((m) => m.seq === live.newestSeq && m.type !== 'hello' && m.type !== 'registry.snapshot'),
    );
    const newest = live.newestSeq;
    await live.close();

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.every((l) => telemetryMessageSchema.safeParse(JSON.parse(l)).success)).toBe(true);
    expect((JSON.parse(lines[0] ?? '{}') as { type: string }).type).toBe('hello');

    const replay = await startSimHub({ replayFile: file, clock: 'manual' });
    hubs.push(replay);
    expect(replay.newestSeq).toBe(newest);
    const served = await collect(replay.url, (ms) =>
      ms.some((m) => m.seq === newest && m.type !== 'hello' && m.type !== 'registry.snapshot'),
    );
    expect(JSON.stringify(durable(served.messages))).toBe(JSON.stringify(durable(original.messages)));
    const agencies = served.messages
      .filter((m) => m.type === 'registry.snapshot')
      .flatMap((m) => (m.data as { agencies: unknown[] }).agencies);
    expect(agencies).toHaveLength(1_200);
    expect(served.messages[0]?.data).toMatchObject({ hubId: 'sim-3', epoch: live.epoch });
  });

  it('skips unreadable lines and non-increasing seqs in a recording, naming them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubmon-sim-'));
    const file = join(dir, 'bad.ndjson');
    const ev = (seq: number) =>
      JSON.stringify({
        v: 1,
        seq,
        ts: '2025-03-12T02:00:00.000Z',
        type: 'server.heartbeat',
        data: { serverId: 'MCBM-001', latencyMs: 3 },
      });
    writeFileSync(file, [ev(1), 'not json', ev(2), ev(2), '[1,2]', ev(5)].join('\n'));
    const source = await loadReplay(file);
    expect(source.events.map((e) => e.seq)).toEqual([1, 2, 5]);
    expect(source.skipped.map((s) => s.line)).toEqual([2, 4, 5]);
  });
});
