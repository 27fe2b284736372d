import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { until } from '../faults/helpers/history.js';
import { bin, requireBuild } from '../support/bin.js';

/**
 * `hubmon record FILE` as its own process never writes over a recording by accident: an
 * existing FILE is a usage error (exit 2) and stays as it was; with --force it is recorded over.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-e2e-record-file-'));
const env = { ...process.env, NO_COLOR: '1', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') };
const EARLIER = 'an earlier recording\n';
let hub: SimHub;

beforeAll(async () => {
  requireBuild();
  hub = await startSimHub({
    clock: 'manual',
    history: 0,
    start: Date.UTC(2026, 10, 23, 1),
    seed: 22,
    heartbeatMs: 200,
  });
  hub.emitEvents(200);
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hubmon record into a FILE that exists', () => {
  it('refuses it with exit code 2 and leaves it as it was', () => {
    const file = path.join(dir, 'kept.ndjson');
    writeFileSync(file, EARLIER);
    const run = spawnSync(process.execPath, [bin, 'record', file, '--url', hub.url], {
      encoding: 'utf8',
      env,
      timeout: 10_000,
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe(
      `hubmon record: ${file} already exists; give another FILE, or --force to overwrite it; see "hubmon record --help"\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(EARLIER);
  });

  it('records over it with --force', async () => {
    const file = path.join(dir, 'replaced.ndjson');
    writeFileSync(file, EARLIER);
    const proc = spawn(process.execPath, [bin, 'record', file, '--url', hub.url, '--force'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    try {
      await until(
        () => err.includes('hubmon record: live'),
        () => `the recorder to go live:\n${err}`,
      );
      proc.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      proc.kill('SIGKILL');
    }
    expect(err).toContain(` events written to ${file}`);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'hello' });
    expect(lines).not.toContain(EARLIER.trimEnd());
  });
});
