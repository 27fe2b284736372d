import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { until } from '../faults/helpers/history.js';
import { bin, requireBuild } from '../support/bin.js';

/**
 * `hubmon record` as its own process, as an operator leaves it running: the hub goes away and
 * comes back. The recording must wait for it and go on where it stopped, every event once.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-e2e-record-'));
const hubOptions = {
  clock: 'manual' as const,
  history: 0,
  start: Date.UTC(2026, 10, 23, 1, 0, 0),
  seed: 21,
  heartbeatMs: 200,
  hubId: 'hub-record-test',
  epoch: 'epoch-record-test',
};
let hub: SimHub | undefined;
let child: ChildProcess | undefined;

beforeAll(() => requireBuild());
afterAll(async () => {
  child?.kill('SIGKILL');
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hubmon record across a hub restart', () => {
  it('keeps running while the hub is away, then records on from where it stopped', async () => {
    hub = await startSimHub(hubOptions);
    hub.emitEvents(1_000);
    const port = hub.port;
    const file = path.join(dir, 'recorded.ndjson');
    const proc = spawn(process.execPath, [bin, 'record', file, '--url', hub.url], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child = proc;
    let err = '';
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const times = (text: string) => err.split('\n').filter((l) => l.includes(text)).length;
    await until(
      () => times('hubmon record: live') === 1,
      () => `the recorder to go live:\n${err}`,
    );

    await hub.close();
    hub = undefined;
    await until(
      () => err.includes('hubmon record: reconnecting'),
      () => `the recorder to notice:\n${err}`,
    );
    // Past several redials: still there.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(proc.exitCode, err).toBeNull();

    // The same hub's history back on the same port, with more since.
    hub = await startSimHub({ ...hubOptions, port });
    hub.emitEvents(1_000);
    hub.emitEvents(500);
    const newest = hub.newestSeq;
    await until(
      () => times('hubmon record: live') === 2,
      () => `the recorder to be live again:\n${err}`,
    );
    await until(
      () => seqsIn(file).at(-1) === newest,
      () => `the recording to reach ${newest}`,
      10_000,
    );
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).toContain(`hubmon record: ${newest} events written to ${file}`);
    const seqs = seqsIn(file);
    // Every event once, in order, none missing.
    expect(seqs).toEqual(Array.from({ length: newest }, (_, i) => i + 1));
  });
});

/** Messages of the link, not events: the recording keeps them, each with the hub's seq of the moment. */
const SESSION = new Set(['hello', 'heartbeat', 'reset', 'registry.snapshot']);

/** The seqs of the events in a recording, in file order. */
function seqsIn(file: string): number[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line) as { seq?: number; type?: string };
    if (typeof m.seq === 'number' && !SESSION.has(m.type ?? '')) out.push(m.seq);
  }
  return out;
}
