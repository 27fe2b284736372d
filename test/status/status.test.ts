import { closedPort } from '../support/closed-port.js';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_MIGRATIONS } from '../../src/alerts/persist.js';
import type { CommandIo } from '../../src/cli/command.js';
import { createStatusCommand } from '../../src/cli/commands/status.js';
import { parseFrame } from '../../src/protocol/index.js';
import { startSimHub } from '../../src/sim/index.js';
import { defaultCachePath, openCache } from '../../src/store/index.js';
import { formatPerfDatum } from '../../src/status/render.js';
import { G05, H41, openingMessages } from '../report/helpers/fixture-stream.js';

/** 03:00 in Hanoi on a Saturday: outside working hours, so no agency counts as silent. */
const NOW = Date.parse('2026-11-20T20:00:00Z');
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubmon-status-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Raw = { at: number; type: string; data: Record<string, unknown> };

const sent = (at: number, n: number, replyBy?: number): Raw[] => {
  const docId = `${G05},2026/11/20,${n}/VP`;
  return [
    {
      at,
      type: 'document.sent',
      data: {
        docId,
        sender: G05,
        recipients: [H41],
        attachments: 1,
        sizeBytes: 10,
        ...(replyBy !== undefined && { replyBy: iso(replyBy) }),
      },
    },
    { at, type: 'signature.verified', data: { docId, agency: G05, result: 'valid' } },
    { at: at + 1000, type: 'document.delivered', data: { docId, recipient: H41 } },
  ];
};
const quiet: Raw[] = [...sent(NOW - 30 * MIN, 1), ...sent(NOW - 2 * MIN, 2)];
/** A reply deadline two hours gone, never answered: one overdue reply, a warning. */
const overdue: Raw[] = [
  ...quiet,
  ...sent(NOW - 20 * MIN, 3, NOW - 10 * MIN).map((e) => ({ ...e, at: e.at - 3 * 3_600_000 })),
];
/** A security server down for ten minutes and still down: critical. */
const serverDown: Raw[] = [
  ...quiet,
  { at: NOW - 10 * MIN, type: 'server.state', data: { serverId: 'MCBM-041', state: 'disconnected' } },
];
/** A security server that dropped three times in ten minutes and is up again: flapping, not down. */
const flapping: Raw[] = [
  ...quiet,
  ...[9, 7, 5].flatMap((m) => [
    { at: NOW - m * MIN, type: 'server.state', data: { serverId: 'MCBM-001', state: 'disconnected' } },
    { at: NOW - (m - 1) * MIN, type: 'server.state', data: { serverId: 'MCBM-001', state: 'connected' } },
  ]),
];

function wire(events: readonly Raw[]): Record<string, unknown>[] {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  return [
    ...openingMessages(sorted.length),
    ...sorted.map((e, i) => ({ v: 1, seq: i + 1, ts: iso(e.at), type: e.type, data: e.data })),
  ];
}

let n = 0;
function cacheWith(events: readonly Raw[]): string {
  const path = join(dir, `cache-${++n}.sqlite`);
  const cache = openCache({ path, extraMigrations: ALERT_MIGRATIONS, now: () => NOW });
  const parsed = parseFrame(JSON.stringify(wire(events)));
  expect(parsed.rejections).toEqual([]);
  cache.applyBatch(parsed.messages);
  cache.close();
  return path;
}

function recordingWith(events: readonly Raw[]): string {
  const path = join(dir, `rec-${++n}.ndjson`);
  writeFileSync(
    path,
    `${wire(events)
      .map((m) => JSON.stringify(m))
      .join('\n')}\n`,
  );
  return path;
}

async function runStatus(args: string[], now = NOW): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const env = {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    LANG: 'en_GB.UTF-8',
  };
  const io: CommandIo = { stdout, stderr: new PassThrough(), env };
  const code = await createStatusCommand(() => now).run(args, io);
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

describe('hubmon status exit codes', () => {
  it('0 OK: a fresh cache with nothing wrong', async () => {
    const { code, out } = await runStatus(['--cache', cacheWith(quiet)]);
    expect(code).toBe(0);
    const [first, ...rest] = out.split('\n');
    expect(first).toMatch(
      /^HUBMON OK - 5 agencies, 3 of 3 security servers connected, no alerts firing \| servers_down=0;;0;0;3 /,
    );
    expect(first).toContain(' age=119s;;600;0 ');
    expect(rest.join('\n')).toContain('hub: not asked (no --url)');
  });

  it('1 WARNING: an overdue reply', async () => {
    const { code, out } = await runStatus(['--cache', cacheWith(overdue)]);
    expect(code).toBe(1);
    expect(out).toMatch(/^HUBMON WARNING - 1 agency with overdue replies \| /);
    expect(out).toContain(' overdue=1;0;;0 ');
    expect(out.split('\n')[1]).toMatch(/^WARNING standing: Overdue replies — 1 agency, worst: /);
    expect(out).toContain(' incidents_acute=0;;;0 incidents_standing=1;;;0 ');
  });

  it('2 CRITICAL: a security server down, learnt from a real hub on 127.0.0.1', async () => {
    const hub = await startSimHub({ port: 0, replayFile: recordingWith(serverDown), heartbeatMs: 200 });
    try {
      // An empty cache: everything the check knows comes from the hub within the timeout.
      const { code, out } = await runStatus([
        '--url',
        hub.url,
        '--cache',
        join(dir, 'refresh.sqlite'),
        '--timeout',
        '10',
      ]);
      expect(code, out).toBe(2);
      expect(out).toMatch(/^HUBMON CRITICAL - 1 security server down \| servers_down=1;;0;0;3 /);
      expect(out).toContain(
        '\nCRITICAL acute: Security server Máy chủ bảo mật Nghệ An disconnected — 3 agencies behind it\n',
      );
      expect(out).toContain('answered, cache caught up');
      expect(existsSync(join(dir, 'refresh.sqlite'))).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it('3 UNKNOWN: the hub does not answer and the cache is too old', async () => {
    const port = await closedPort();
    const path = cacheWith(quiet);
    const { code, out } = await runStatus(
      ['--url', `ws://127.0.0.1:${port}`, '--cache', path, '--timeout', '1', '--max-age', '60'],
      NOW + 3_600_000,
    );
    expect(code).toBe(3);
    expect(out).toMatch(
      new RegExp(
        `^HUBMON UNKNOWN - hub ws://127\\.0\\.0\\.1:${port}/v1/telemetry unreachable \\(.*\\) and cache is 62 min old \\(max 60 s\\) \\| `,
      ),
    );
  });

  it('judges a cache within --max-age even when the hub does not answer, and says so', async () => {
    const port = await closedPort();
    const path = cacheWith(overdue);
    const { code, out } = await runStatus(['--url', `ws://127.0.0.1:${port}`, '--cache', path, '--timeout', '1']);
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toContain('; hub unreachable, cache 119 s old |');
    expect(existsSync(path)).toBe(true);
  });

  it('leaves no cache file behind for a hub it never reached, by default path or --cache', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}/v1/telemetry`;
    const byDefault = defaultCachePath(url, { XDG_CACHE_HOME: join(dir, 'xdg-cache') });
    const given = join(dir, 'mistyped.sqlite');
    for (const args of [
      ['--url', url],
      ['--url', url, '--cache', given],
      ['--cache', given],
    ]) {
      const { code, out } = await runStatus([...args, '--timeout', '1']);
      expect(code).toBe(3);
      expect(out).toMatch(
        args.includes('--url') ? /^HUBMON UNKNOWN - no data in cache / : /^HUBMON UNKNOWN - no cache file /,
      );
    }
    expect(existsSync(byDefault)).toBe(false);
    expect(readdirSync(join(dir, 'xdg-cache', 'hubmon'))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('mistyped'))).toEqual([]);
  });

  it.each([
    [['--bogus'], /^HUBMON UNKNOWN - bad usage: .*--bogus/],
    [
      ['--timeout', 'soon', '--cache', 'x'],
      /^HUBMON UNKNOWN - bad usage: --timeout: expected a number of seconds above 0, got "soon"/,
    ],
    [[], /^HUBMON UNKNOWN - no cache to judge: give --url/],
  ])('3 UNKNOWN on bad usage %j', async (args, line) => {
    const { code, out } = await runStatus(args);
    expect(code).toBe(3);
    expect(out).toMatch(line);
  });

  it('3 UNKNOWN for an empty cache and for a broken thresholds file', async () => {
    const empty = join(dir, 'empty.sqlite');
    openCache({ path: empty }).close();
    expect((await runStatus(['--cache', empty])).out).toMatch(
      /^HUBMON UNKNOWN - no data in cache .*: nothing received yet/,
    );
    const bad = join(dir, 'alerts.json');
    writeFileSync(bad, '{"rules": {"signatureFailures": {"warningRate": 7}}}');
    const r = await runStatus(['--cache', cacheWith(quiet), '--alerts', bad]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^HUBMON UNKNOWN - alert thresholds file: .*warningRate/);
  });

  it('a server up between its drops counts as flapping, not down: the console calls it weak', async () => {
    const { out } = await runStatus(['--cache', cacheWith(flapping), '--json']);
    const doc = JSON.parse(out);
    expect(doc.alerts.firing.map((a: { rule: string }) => a.rule)).toContain('server-flapping');
    expect(doc.perfdata.servers_flapping).toEqual({ value: 1, uom: '', warn: null, crit: null });
    expect(doc.perfdata.servers_down.value).toBe(0);
    expect(doc.perfdata.servers_degraded.value).toBe(0);
    const quietDoc = JSON.parse((await runStatus(['--cache', cacheWith(quiet), '--json'])).out);
    expect(quietDoc.perfdata.servers_flapping.value).toBe(0);
  });

  it('--json prints the same verdict as a document, with the same exit code', async () => {
    const { code, out } = await runStatus(['--cache', cacheWith(serverDown), '--json']);
    expect(code).toBe(2);
    const doc = JSON.parse(out);
    expect(doc.state).toBe('CRITICAL');
    expect(doc.exitCode).toBe(2);
    expect(doc.summary).toBe('1 security server down');
    expect(doc.perfdata.servers_down).toEqual({ value: 1, uom: '', warn: null, crit: 0 });
    expect(doc.alerts.firing).toHaveLength(1);
    expect(doc.alerts.firing[0]).toMatchObject({
      rule: 'server-disconnected',
      severity: 'critical',
      labels: { server: 'MCBM-041' },
    });
    expect(doc.perfdata.incidents_acute).toEqual({ value: 1, uom: '', warn: null, crit: null });
    expect(doc.incidents).toHaveLength(1);
    expect(doc.incidents[0]).toMatchObject({
      id: 'server-disconnected server=MCBM-041',
      rule: 'server-disconnected',
      kind: 'acute',
      severity: 'critical',
      phase: 'firing',
      subject: { server: 'MCBM-041' },
      acknowledged: null,
    });
    expect(doc.incidents[0].agencies).toHaveLength(3);
  });

  it('--source judges a recording as of its last event, however old', async () => {
    const { code, out } = await runStatus(['--source', recordingWith(serverDown)], NOW + 30 * 86_400_000);
    expect(code).toBe(2);
    expect(out).toContain('source: recording ');
  });
});

describe('perfdata', () => {
  it.each([
    [{ label: 'servers_down', value: 3, warn: 1, crit: 2 }, 'servers_down=3;1;2'],
    [
      { label: 'sig_fail_pct', value: 12.3456, uom: '%' as const, warn: 5, crit: 20, min: 0, max: 100 },
      'sig_fail_pct=12.35%;5;20;0;100',
    ],
    [{ label: 'lag', value: 0 }, 'lag=0'],
    [{ label: 'age', value: 5, uom: 's' as const, crit: 600 }, 'age=5s;;600'],
    [{ label: 'odd label', value: 1 }, "'odd label'=1"],
  ])('formats %j', (datum, text) => {
    expect(formatPerfDatum(datum)).toBe(text);
  });
});
