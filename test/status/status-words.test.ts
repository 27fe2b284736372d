/**
 * `hubmon status` and `hubmon report` as an operator meets them: in the chosen language, within
 * the timeout against a hub that refuses, finding the one cache on the machine, and UNKNOWN
 * without figures it does not have. The real bin/ and real cache files.
 */
import { closedPort } from '../support/closed-port.js';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_MIGRATIONS } from '../../src/alerts/persist.js';
import { createStatusCommand } from '../../src/cli/commands/status.js';
import { parseFrame } from '../../src/protocol/index.js';
import { openCache } from '../../src/store/index.js';
import { bin, requireBuild } from '../support/bin.js';
import { fixtureMessages, NOW } from '../report/helpers/fixture-stream.js';

let dir: string;
beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'hubmon-status-words-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cache holding the report fixture's day, at `path`. */
function fixtureCache(path: string): void {
  const cache = openCache({ path, extraMigrations: ALERT_MIGRATIONS, now: () => NOW });
  const parsed = parseFrame(JSON.stringify(fixtureMessages()));
  cache.applyBatch(parsed.messages);
  cache.close();
}

/** A machine whose cache folder holds the given cache files (fixture data) and nothing else. */
function machine(name: string, caches: string[]): NodeJS.ProcessEnv {
  const home = join(dir, name);
  mkdirSync(join(home, 'cache', 'hubmon'), { recursive: true });
  for (const c of caches) fixtureCache(join(home, 'cache', 'hubmon', c));
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    LANG: 'en_GB.UTF-8',
  };
}

function hubmon(args: string[], env: NodeJS.ProcessEnv): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 30_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('status against a hub that refuses the connection', () => {
  // How long it takes is the bench's business (tests time nothing): a refused connection is an
  // answer, UNKNOWN at once, not a wait for the timeout.
  it('answers a refused connection UNKNOWN, with no perfdata it does not have', async () => {
    const env = machine('refused', []);
    const url = `ws://127.0.0.1:${await closedPort()}/v1/telemetry`;
    const child = spawn(process.execPath, [bin, 'status', '--url', url, '--timeout', '30'], { env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(3);
    const [first] = out.split('\n');
    expect(first).toMatch(
      /^HUBMON UNKNOWN - no data in cache .*: hub ws:\/\/127\.0\.0\.1:\d+\/v1\/telemetry did not answer \(connect ECONNREFUSED/,
    );
    // Nothing measured: no `|`, no zeros a graph would read as all clear.
    expect(first).not.toContain('|');
  });
});

describe('the one cache on the machine', () => {
  it('is what status and report read when neither --url nor --cache is given', () => {
    const env = machine('one', ['hub.example_8443.sqlite']);
    const status = hubmon(['status'], env);
    expect(status.code).toBe(3);
    const [first, ...details] = status.out.split('\n');
    // The fixture's day is long past: too old to judge, so only its age is printed (and how far behind, had a hub answered).
    expect(first).toMatch(
      /^HUBMON UNKNOWN - no hub to refresh from and cache is \d+ d old \(max 10 min\) \| age=[\d.]+s;;600;0$/,
    );
    expect(details.join('\n')).toContain(join(env.XDG_CACHE_HOME!, 'hubmon', 'hub.example_8443.sqlite'));

    const report = hubmon(['report', '--from', '2026-11-20', '--to', '2026-11-20', '--format', 'csv'], env);
    expect(report.code, report.err).toBe(0);
    expect(report.out).toContain('\r\n,,Total,');
  });

  it("the configured hub's cache, among several", () => {
    // Two caches; the settings file names the hub whose cache (hub.example_8443.sqlite) to read.
    const env = machine('configured', ['hub.example_8443.sqlite', 'other.sqlite']);
    mkdirSync(env.XDG_CONFIG_HOME!, { recursive: true });
    mkdirSync(join(env.XDG_CONFIG_HOME!, 'hubmon'));
    writeFileSync(
      join(env.XDG_CONFIG_HOME!, 'hubmon', 'config.json'),
      JSON.stringify({ url: 'wss://hub.example:8443/v1/telemetry' }),
    );
    const report = hubmon(['report', '--from', '2026-11-20', '--to', '2026-11-20', '--format', 'csv'], env);
    expect(report.code, report.err).toBe(0);
    expect(report.out).toContain('\r\n,,Total,');
  });

  it('several caches and nothing to choose: one line naming them', () => {
    const env = machine('two', ['a.sqlite', 'b.sqlite']);
    const status = hubmon(['status', '--lang', 'vi'], env);
    expect(status.code).toBe(3);
    expect(status.out).toBe(
      `HUBMON UNKNOWN - có nhiều bộ đệm trong ${join(env.XDG_CACHE_HOME!, 'hubmon')} (a.sqlite, b.sqlite); hãy cho --url hoặc --cache\n`,
    );
    const report = hubmon(['report', '--from', '2026-11-20', '--to', '2026-11-20'], env);
    expect(report.code).toBe(2);
    expect(report.err).toBe(
      `hubmon report: several caches in ${join(env.XDG_CACHE_HOME!, 'hubmon')} (a.sqlite, b.sqlite); give --cache or --url; see "hubmon report --help"\n`,
    );
  });
});

describe('status in Vietnamese', () => {
  it('words the summary and the detail lines, keeping the state word monitoring systems parse', async () => {
    const path = join(dir, 'vi.sqlite');
    fixtureCache(path);
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), LANG: 'vi_VN.UTF-8' };
    // Judged an hour after the fixture's newest event: fresh enough.
    const code = await createStatusCommand(() => NOW).run(['--cache', path, '--max-age', '86400'], {
      stdout,
      stderr: new PassThrough(),
      env,
    });
    const out = Buffer.concat(chunks).toString('utf8');
    const lines = out.split('\n');
    expect(code).toBeLessThan(3);
    expect(lines[0]).toMatch(/^HUBMON (OK|WARNING|CRITICAL) - /);
    expect(out).toContain('trục: không hỏi (không có --url); chỉ đánh giá theo bộ đệm');
    expect(out).toMatch(/bộ đệm: .*vi\.sqlite, \d+ sự kiện, mới nhất 2026-11-2\dT\d\d:\d\d:\d\d\+07:00/);
    expect(out).not.toMatch(/\b(agencies|security servers|acknowledged|events|newest|hub:)\b/);
  });
});
