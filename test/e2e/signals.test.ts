import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { cachedHistory, hubHistory, integrity, storedSeqIn, until } from '../faults/helpers/history.js';
import { bin, requireBuild } from '../support/bin.js';
import { hasTmux, startTmux, type TmuxSession } from '../support/tmux.js';

/**
 * The real `bin/hubmon` in a real terminal (tmux, 80×24) watching a simulated hub, then:
 * the SSH link drops (SIGHUP), the service manager stops it (SIGTERM), or the terminal is
 * resized again and again. The cache must close cleanly — sound, checkpointed, lock released,
 * every event the hub sent up to where the console stood — and the terminal must be given back
 * (alternate screen off, cursor shown); through resizes the console must keep drawing and
 * answering keys. Needs `npm run build` (the test script runs it first) and tmux.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-e2e-signals-'));
let hub: SimHub;
let term: TmuxSession | undefined;

beforeAll(async () => {
  requireBuild();
  hub = await startSimHub({
    clock: 'manual',
    history: 0,
    start: Date.UTC(2026, 10, 23, 1, 0, 0),
    seed: 12,
    heartbeatMs: 1_000,
  });
  hub.emitEvents(3_000);
});
afterEach(() => {
  term?.kill();
  term = undefined;
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The hubmon process in the pane: the pane runs a shell that runs node. */
function hubmonPid(t: TmuxSession): number {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(t.panePid())], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes('hubmon.js'));
  if (!line) throw new Error(`no hubmon under the pane:\n${out}`);
  return Number(line.trim().split(/\s+/)[0]);
}

function lockHolder(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT pid FROM writer_lock').all();
  } finally {
    db.close();
  }
}

async function startConsole(name: string): Promise<{ t: TmuxSession; file: string }> {
  const file = path.join(dir, `${name}.sqlite`);
  const t = startTmux(`node ${bin} --url ${hub.url} --cache ${file} --lang en`, {
    cols: 80,
    rows: 24,
    env: { TERM: 'xterm-256color', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') },
  });
  term = t;
  await t.waitFor((s) => s.includes('1 Overview'), 'the console drawn');
  await until(
    () => storedSeqIn(file) === hub.newestSeq,
    () => `the console to catch up to ${hub.newestSeq} (at ${storedSeqIn(file)})`,
  );
  expect(t.modes().alternateScreen).toBe(true);
  return { t, file };
}

describe.runIf(hasTmux())('bin/hubmon under signals and resizes (tmux)', () => {
  it.each([
    ['SIGHUP', 129, 'the SSH link drops'],
    ['SIGTERM', 143, 'the service manager stops it'],
  ] as const)(
    '%s (%s, %s): the cache closes cleanly, nothing lost, the terminal is restored',
    async (signal, code, _why) => {
      const { t, file } = await startConsole(signal.toLowerCase());
      const pid = hubmonPid(t);
      // Live traffic arriving as the signal lands.
      hub.emitEvents(200);
      process.kill(pid, signal);
      await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the process to end');
      expect(t.capture()).toContain(`[exit ${code}]`);
      expect(t.modes()).toEqual({ alternateScreen: false, cursorVisible: true });

      expect(integrity(file)).toBe('ok');
      // Closed cleanly: WAL checkpointed into the file (SQLite removes it on the last clean close)
      // and the writer lock given back, so the next console writes without waiting.
      expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
      expect(lockHolder(file)).toEqual([]);
      const held = storedSeqIn(file);
      expect(held).toBeGreaterThanOrEqual(3_000);
      const truth = await hubHistory(hub.url, held);
      expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
    },
  );

  it('bursts of resizes: it keeps drawing, answers keys, and quits cleanly', async () => {
    const { t, file } = await startConsole('resize');
    const sizes: [number, number][] = [
      [80, 24],
      [200, 60],
      [60, 20],
      [132, 43],
      [81, 25],
      [100, 30],
      [40, 12],
      [80, 24],
    ];
    for (let round = 0; round < 5; round++) {
      for (const [cols, rows] of sizes) t.resize(cols, rows);
      hub.emitEvents(50);
    }
    t.resize(80, 24);
    await t.waitFor((s) => s.includes('1 Overview'), 'the console redrawn at 80×24');
    expect(t.alive()).toBe(true);
    expect(t.capture()).not.toMatch(/\[exit \d+\]/);

    // Keys still work after the storm: the Agencies screen and back.
    t.send('2');
    await t.waitFor((s) => /Identifier/.test(s) && /Agencies/.test(s), 'the Agencies screen');
    t.send('1');
    await t.waitFor((s) => s.includes('Worst agencies'), 'the Overview again');
    await until(
      () => storedSeqIn(file) === hub.newestSeq,
      () => `ingest kept going to ${hub.newestSeq} (at ${storedSeqIn(file)})`,
    );

    t.send('q');
    await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the process to end');
    expect(t.capture()).toContain('[exit 0]');
    expect(t.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
    expect(integrity(file)).toBe('ok');
  });

  it('a second console on the same cache says it is read-only and who writes, and keeps showing the numbers', async () => {
    const { t: first, file } = await startConsole('two');
    const writer = hubmonPid(first);
    const second = startTmux(`node ${bin} --url ${hub.url} --cache ${file} --lang en`, {
      cols: 80,
      rows: 24,
      env: { TERM: 'xterm-256color', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') },
    });
    try {
      const screen = await second.waitFor((s) => /read-only/.test(s), 'the read-only notice');
      expect(screen.replace(/\s+/g, ' ')).toContain(`pid ${writer}`);
      expect(second.alive()).toBe(true);
      // The writer carries on alone: one writer, nothing lost or doubled.
      hub.emitEvents(300);
      await until(
        () => storedSeqIn(file) === hub.newestSeq,
        () => `the writer to reach ${hub.newestSeq}`,
      );
      expect(lockHolder(file)).toEqual([{ pid: writer }]);
      second.send('q');
      await second.waitFor((s) => /\[exit \d+\]/.test(s), 'the second console to end');
      expect(second.capture()).toContain('[exit 0]');
      expect(lockHolder(file)).toEqual([{ pid: writer }]);
    } finally {
      second.kill();
    }
    first.send('q');
    await first.waitFor((s) => /\[exit \d+\]/.test(s), 'the first console to end');
    const truth = await hubHistory(hub.url, storedSeqIn(file));
    expect(cachedHistory(file, truth.epoch)).toEqual(truth.events);
    expect(integrity(file)).toBe('ok');
  });
});
