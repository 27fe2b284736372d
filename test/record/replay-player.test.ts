import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyFiguresOver } from '../../src/metrics/agency-range.js';
import { ingestRecording } from '../../src/record/recording-cache.js';
import { ReplayRun, replayControls } from '../../src/record/replay-run.js';
import { loadReplay } from '../../src/sim/replay-source.js';
import { buildRegistry } from '../../src/registry/index.js';
import { snapshotPartData } from '../../src/sim/registry-snapshot.js';
import { openCache } from '../../src/store/index.js';
import { eventMessages, NOW, openingMessages } from '../report/helpers/fixture-stream.js';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubmon-player-'));
  file = join(dir, 'rec.ndjson');
  writeFileSync(file, `${[...openingMessages(), ...eventMessages()].map((m) => JSON.stringify(m)).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIRST = Date.parse('2026-11-19T16:00:00Z');
let n = 0;
const cachePath = () => join(dir, `c${++n}.sqlite`);

describe('replay player', () => {
  it('starts at the first event and moves by real time × speed', async () => {
    const p = newRun(await loadReplay(file), 60);
    expect(p.state()).toMatchObject({ now: FIRST, speed: 60, paused: false, applied: 1, total: 41 });
    p.tick(60_000); // one real minute at ×60: one recorded hour, up to 17:00Z
    expect(p.state().now).toBe(FIRST + 3_600_000);
    expect(p.state().applied).toBe(3); // the 16:00 state change, D1 sent and its signature at 16:59
    p.close();
  });

  it('pauses, steps one event at a time, and changes speed within bounds', async () => {
    const run = newRun(await loadReplay(file), 1);
    const p = run;
    const controls = replayControls(run);
    controls.togglePause();
    p.tick(3_600_000);
    expect(p.state()).toMatchObject({ paused: true, applied: 1, now: FIRST });
    controls.step();
    expect(p.state()).toMatchObject({ paused: true, applied: 2, now: Date.parse('2026-11-19T16:59:00Z') });
    controls.step();
    controls.step();
    expect(p.state().applied).toBe(4);
    controls.slower();
    expect(p.state().speed).toBe(1);
    controls.faster();
    controls.faster();
    controls.faster();
    expect(controls.status()).toMatchObject({ speed: 8, paused: true, finished: false });
    run.close();
  });

  it('played to the end, holds the same numbers as the recording ingested at once', async () => {
    const p = newRun(await loadReplay(file), 3600);
    const played = p.metrics;
    while (!p.state().finished) p.tick(60_000);
    const direct = openCache({ path: cachePath(), now: () => NOW });
    await ingestRecording(direct, file);
    const from = Date.parse('2026-11-19T17:00:00Z');
    expect([...agencyFiguresOver(played.db, from, from + 86_400_000, NOW)]).toEqual([
      ...agencyFiguresOver(direct.db, from, from + 86_400_000, NOW),
    ]);
    p.close();
    direct.close();
  });
});

describe('replay of a registry sent in parts', () => {
  it('holds all 12,000 agencies at the first event', async () => {
    const registry = buildRegistry({ totalAgencies: 12_000 });
    const ts = '2026-11-20T01:00:00Z';
    const lines = [
      { v: 1, seq: 0, ts, type: 'hello', data: helloData() },
      ...snapshotPartData(registry.agencies, registry.securityServers).map((data) => ({
        v: 1,
        seq: 0,
        ts,
        type: 'registry.snapshot',
        data: JSON.parse(data) as unknown,
      })),
      { v: 1, seq: 1, ts, type: 'server.state', data: { serverId: 'MCBM-005', state: 'connected' } },
    ];
    const big = join(dir, 'big.ndjson');
    writeFileSync(big, `${lines.map((m) => JSON.stringify(m)).join('\n')}\n`);
    const source = await loadReplay(big);
    expect(source.agencies).toHaveLength(12_000);
    const p = newRun(source, 60);
    expect(p.state()).toMatchObject({ now: Date.parse(ts), applied: 1 });
    const stored = p.metrics.db.prepare('SELECT COUNT(*) AS n FROM agencies').get() as { n: number };
    expect(stored.n).toBe(12_000);
    p.close();
  });
});

function helloData() {
  return {
    hubId: 'hub-1',
    hubName: 'Trục liên thông',
    hubVersion: '1',
    epoch: 'e1',
    serverTime: '2026-11-20T01:00:00Z',
    newestSeq: 1,
    oldestSeq: 1,
    heartbeatMs: 5000,
  };
}

describe('replay jumps', () => {
  it('jumps forward by ten recorded minutes and to the last event', async () => {
    const source = await loadReplay(file);
    const run = newRun(source, 1);
    const p = run;
    const controls = replayControls(run);
    controls.togglePause();
    // Nothing recorded in the next ten minutes: the jump goes on to the next event, at 16:59.
    const next = Date.parse('2026-11-19T16:59:00Z');
    controls.forward();
    expect(p.state()).toMatchObject({ now: next, applied: 3, paused: true });
    controls.forward(); // the next event is within ten minutes: ten minutes on
    expect(p.state().now).toBe(next + 600_000);
    controls.toEnd();
    expect(p.state()).toMatchObject({ now: source.events.at(-1)?.t, applied: 41, finished: true });
    run.close();
  });

  it('goes back by playing the recording again: the same figures as a replay taken straight there', async () => {
    const source = await loadReplay(file);
    const run = newRun(source, 60);
    const controls = replayControls(run);
    controls.togglePause();
    controls.toEnd();
    const end = controls.status().now;
    const target = Date.parse('2026-11-19T17:30:00Z');
    controls.jumpTo(target);
    expect(controls.status()).toMatchObject({ now: target, paused: true, speed: 60, finished: false });
    const straight = newRun(source, 60);
    straight.goTo(target);
    expect(run.state()).toEqual({ ...straight.state(), paused: true });
    expect(run.state().applied).toBeLessThan(41);
    const figures = (r: ReplayRun<{ db: Database }, object>) => [...agencyFiguresOver(r.metrics.db, FIRST, end, end)];
    expect(figures(run)).toEqual(figures(straight));
    // Ten minutes back, then back to the start, then on to the end again.
    controls.back();
    expect(controls.status().now).toBe(target - 600_000);
    controls.toStart();
    expect(run.state()).toMatchObject({ now: FIRST, applied: 1 });
    controls.toEnd();
    expect(run.state()).toMatchObject({ applied: 41, finished: true });
    // One build's file at a time: the fourth build, the earlier three removed.
    expect(readdirSync(dirOf.get(run)!).filter((f) => f.endsWith('.sqlite'))).toEqual(['replay-4.sqlite']);
    run.close();
    straight.close();
  });
});

const dirOf = new WeakMap<object, string>();
/** A run in a folder of its own whose "metrics" is its build's database, to read the figures from. */
function newRun(source: Awaited<ReturnType<typeof loadReplay>>, speed: number) {
  const runDir = mkdtempSync(join(dir, 'run-'));
  const run = new ReplayRun(source, runDir, speed, (cache) => ({ metrics: { db: cache.db }, alerts: {} }));
  dirOf.set(run, runDir);
  return run;
}
