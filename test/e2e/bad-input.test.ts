/**
 * Wrong input to the real `bin/hubmon`, as an operator types it: one line in the operator's
 * language naming the input and what is accepted, and the usage exit code (2; 3 UNKNOWN for
 * `status`, as monitoring plugins report bad usage). Never a stack trace or a raw errno.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, requireBuild } from '../support/bin.js';
import { fixtureMessages } from '../report/helpers/fixture-stream.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'hubmon-bad-input-'));
  mkdirSync(join(dir, 'empty-cache'));
  writeFileSync(join(dir, 'notes.txt'), 'not a cache, not a recording\n');
  writeFileSync(
    join(dir, 'day.ndjson'),
    fixtureMessages()
      .map((m) => `${JSON.stringify(m)}\n`)
      .join(''),
  );
  env = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_CACHE_HOME: join(dir, 'empty-cache'),
    XDG_CONFIG_HOME: join(dir, 'config'),
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hubmon(args: string[], extra: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, ...extra },
    timeout: 20_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** One line, ending in a newline. */
const oneLine = (text: string): void => {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.slice(0, -1)).not.toContain('\n');
  expect(text).not.toMatch(/ENOENT|at .*\.js:\d+|options\.port/);
};

const VI = { LANG: 'vi_VN.UTF-8' };

describe('a usage mistake', () => {
  it.each([
    [['sim', '--port', '99999'], 'hubmon sim: --port: expected a whole number from 0 to 65535, got "99999"'],
    [['sim', '--port', 'http'], 'hubmon sim: --port: expected a whole number from 0 to 65535, got "http"'],
    [['sim', '--speed', '0'], 'hubmon sim: --speed: expected a number from 0.001 to 1000000, got "0"'],
    [['sim', '--port'], 'hubmon sim: --port needs a value'],
    [
      ['report', '--source', 'missing.ndjson', '--from', '2026-11-01', '--to', '2026-11-02'],
      'hubmon report: --source missing.ndjson: no such file',
    ],
    [
      ['report', '--from', '2026-11-01', '--to', '2026-11-02', '--cache', 'missing.sqlite'],
      'hubmon report: --cache missing.sqlite: no such file',
    ],
    [
      ['report', '--from', '31/02/2026', '--to', '2026-11-02'],
      'hubmon report: --from: "31/02/2026" is not a calendar date',
    ],
    [['report', '--from', '2026-11-01'], 'hubmon report: --from, --to: required'],
    [
      ['report', '--from', '2026-11-01', '--to', '2026-11-02', '--format', 'xlsx'],
      'hubmon report: --format: expected md, csv, json, got "xlsx"',
    ],
    [['report', '--frm', '2026-11-01'], 'hubmon report: unknown option "--frm"; accepted: --from …, --to …'],
    [
      ['report', '--from', '2026-11-01', '--to', '2026-11-02'],
      'hubmon report: no cache to read: give --cache, --url (or HUBMON_URL) or --source',
    ],
    [
      ['report', '--from', '2026-11-01', '--to', '2026-11-02', '--url', 'http://hub'],
      'hubmon report: hub URL: expected ws://… or wss://…, got "http://hub"',
    ],
    [['record'], 'hubmon record: expected one FILE to record into, got 0'],
    [['replay', 'missing.ndjson'], 'hubmon replay: FILE missing.ndjson: no such file'],
    [['replay', 'x.ndjson', '--speed', '9000'], 'hubmon replay: --speed: expected a number from 1 to 3600, got "9000"'],
    [['--lang', 'fr'], 'hubmon console: language: expected "vi" or "en", got "fr"'],
  ])('%j: one line naming it, exit 2', (args, start) => {
    const r = hubmon(args);
    expect(r.code, r.err).toBe(2);
    oneLine(r.err);
    expect(r.err.startsWith(start), r.err).toBe(true);
    expect(r.err).toMatch(/; see "hubmon \w+ --help"\n$/);
  });

  it.each([
    [
      ['sim', '--port', '99999'],
      'hubmon sim: --port: cần một số nguyên từ 0 đến 65535, nhận được "99999"; xem "hubmon sim --help"\n',
    ],
    [
      ['report', '--source', 'missing.ndjson', '--from', '2026-11-01', '--to', '2026-11-02'],
      'hubmon report: --source missing.ndjson: không có tệp này; xem "hubmon report --help"\n',
    ],
    [
      ['report', '--from', 'hôm qua', '--to', '2026-11-02'],
      'hubmon report: --from: cần một ngày như 2019-08-12 hoặc 12/08/2019, hoặc một thời điểm như 2019-08-12T10:00:00+07:00, nhận được "hôm qua"; xem "hubmon report --help"\n',
    ],
    [
      ['frobnicate'],
      'hubmon: không có lệnh "frobnicate"; các lệnh: console, sim, status, report, record, replay, gateway; xem "hubmon --help"\n',
    ],
  ])('%j in Vietnamese under LANG=vi_VN', (args, line) => {
    const r = hubmon(args, VI);
    expect(r.code).toBe(2);
    expect(r.err).toBe(line);
  });

  it('names a port already taken, in one line', async () => {
    const held = createServer();
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', () => r()));
    const port = (held.address() as AddressInfo).port;
    try {
      const r = hubmon(['sim', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `hubmon sim: --port: port ${port} is already in use; give another, or 0 for a free one; see "hubmon sim --help"\n`,
      );
    } finally {
      await new Promise<void>((r) => held.close(() => r()));
    }
  });
});

describe('a file that is not what the flag takes', () => {
  const day = ['--from', '2026-11-20', '--to', '2026-11-20'];
  it.each([
    [['report', ...day, '--cache', 'notes.txt'], 'hubmon report: --cache notes.txt: not a hubmon cache'],
    [['report', ...day, '--source', 'notes.txt'], 'hubmon report: --source notes.txt: not a recording'],
    [['report', ...day, '--source', '.'], 'hubmon report: --source .: is a folder, expected a file'],
    [
      ['report', ...day, '--source', 'day.ndjson', '--output', 'no/such/folder/r.csv'],
      'hubmon report: --output no/such/folder/r.csv: cannot write (ENOENT)',
    ],
  ])('%j: one line naming it, exit 2', (args, start) => {
    const r = hubmon(args);
    expect(r.code, r.err).toBe(2);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(r.err.startsWith(start), r.err).toBe(true);
  });

  it.each([
    [
      ['status', '--source', 'notes.txt'],
      'HUBMON UNKNOWN - notes.txt is not a recording (--source expects NDJSON lines from hubmon record)\n',
    ],
    [
      ['status', '--cache', 'notes.txt'],
      'HUBMON UNKNOWN - notes.txt is not a hubmon cache (an SQLite file the console or hubmon status wrote)\n',
    ],
  ])('%j: UNKNOWN naming it', (args, line) => {
    const r = hubmon(args);
    expect(r.code).toBe(3);
    expect(r.out).toBe(line);
  });
});

describe('status: bad input is UNKNOWN, one line, exit 3', () => {
  it.each([
    [
      ['status', '--source', 'missing.ndjson'],
      {},
      'HUBMON UNKNOWN - no recording missing.ndjson (--source); give the path of a file from hubmon record\n',
    ],
    [
      ['status', '--cache', 'missing.sqlite'],
      {},
      'HUBMON UNKNOWN - no cache file missing.sqlite; give the path of an existing cache, or --url to fill one from the hub\n',
    ],
    [['status'], {}, 'HUBMON UNKNOWN - no cache to judge: give --url (or HUBMON_URL) or --cache\n'],
    [
      ['status', '--timeout', '-1'],
      VI,
      'HUBMON UNKNOWN - dùng sai: --timeout cần một giá trị; giá trị bắt đầu bằng "-" phải viết --timeout=-… (xem hubmon status --help)\n',
    ],
    [
      ['status', '--cache', 'missing.sqlite'],
      VI,
      'HUBMON UNKNOWN - không có tệp bộ đệm missing.sqlite; hãy cho đường dẫn một bộ đệm có sẵn, hoặc --url để lấy số liệu từ trục\n',
    ],
  ])('%j %j', (args, extra, line) => {
    const r = hubmon(args, extra);
    expect(r.code).toBe(3);
    expect(r.out).toBe(line);
    expect(r.err).toBe('');
  });
});

describe('the language', () => {
  const line = (extra: NodeJS.ProcessEnv, args: string[] = []) =>
    hubmon(['sim', '--port', '99999', ...args], extra).err.includes('cần một số nguyên') ? 'vi' : 'en';

  it.each([
    [{ LANG: 'vi_VN.UTF-8' }, [], 'vi'],
    [{ LANG: 'en_US.UTF-8' }, [], 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'vi_VN.UTF-8' }, [], 'vi'],
    [{ LANG: 'vi_VN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, [], 'en'],
    [{ LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' }, [], 'vi'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'vi_VN.UTF-8' }, [], 'en'],
    [{ LC_ALL: 'en_US.UTF-8', HUBMON_LANG: 'vi' }, [], 'vi'],
    [{ LC_ALL: 'vi_VN.UTF-8' }, ['--lang', 'en'], 'en'],
    [{ LC_ALL: 'en_US.UTF-8' }, ['--lang=vi'], 'vi'],
  ])('%j %j speaks %s', (extra, args, lang) => {
    expect(line(extra, args)).toBe(lang);
  });

  it('--help of every command in both languages', { timeout: 180_000 }, () => {
    for (const command of ['console', 'sim', 'status', 'report', 'record', 'replay']) {
      const en = hubmon([command, '--help'], { LANG: 'en_US.UTF-8' });
      const vi = hubmon([command, '--help'], VI);
      expect(en.code).toBe(0);
      expect(vi.code).toBe(0);
      expect(en.out).toMatch(/^Usage: hubmon /);
      expect(vi.out).toMatch(/^Cách dùng: hubmon /);
      expect(vi.out).toContain('Tùy chọn:');
      expect(vi.out).not.toMatch(/\bshow this help\b|\(default/);
    }
    expect(hubmon(['--help'], VI).out).toContain('Các lệnh:');
  });
});
