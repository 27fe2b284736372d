import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordCommand } from '../../src/cli/commands/record.js';
import { createReportCommand } from '../../src/cli/commands/report.js';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest } from '../../src/ingest/index.js';
import { createMetrics } from '../../src/metrics/index.js';
import { agencyFiguresOver } from '../../src/metrics/agency-range.js';
import { ingestRecording } from '../../src/record/recording-cache.js';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { eventMessages, NOW, openingMessages } from '../report/helpers/fixture-stream.js';

let dir: string;
let hub: SimHub;
const env = () => ({
  HOME: dir,
  XDG_CONFIG_HOME: join(dir, 'cfg'),
  XDG_CACHE_HOME: join(dir, 'xdg'),
  LANG: 'vi_VN.UTF-8',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hubmon-record-'));
  const source = join(dir, 'source.ndjson');
  writeFileSync(source, `${[...openingMessages(), ...eventMessages()].map((m) => JSON.stringify(m)).join('\n')}\n`);
  hub = await startSimHub({ port: 0, replayFile: source });
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const waitFor = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** Live: the ingest client into a cache, as the console does. */
async function ingestLive(path: string): Promise<Cache> {
  const cache = openCache({ path, now: () => NOW });
  const client = startIngest({ url: hub.url, sink: cacheSink(cache) });
  await waitFor(() => client.status().state === 'live', 'the live cache to catch up');
  await client.stop();
  return cache;
}

/** `hubmon record FILE`, stopped once the whole stream is in. */
async function record(file: string): Promise<string> {
  const stderr = new PassThrough();
  const errText: Buffer[] = [];
  stderr.on('data', (c: Buffer) => errText.push(c));
  const stop = () =>
    waitFor(() => Buffer.concat(errText).toString().includes('hubmon record: trực tuyến'), 'the recorder to go live');
  const code = await createRecordCommand(stop).run([file, '--url', hub.url], {
    stdout: new PassThrough(),
    stderr,
    env: env(),
  });
  expect(code).toBe(0);
  return Buffer.concat(errText).toString();
}

describe('record and replay', () => {
  let live: Cache;
  let replayed: Cache;
  let file: string;

  beforeAll(async () => {
    live = await ingestLive(join(dir, 'live.sqlite'));
    file = join(dir, 'recorded.ndjson');
    const log = await record(file);
    expect(log).toContain(`hubmon record: đã ghi ${eventMessages().length} sự kiện vào ${file}`);
    replayed = openCache({ path: join(dir, 'replayed.sqlite'), now: () => NOW });
    const r = await ingestRecording(replayed, file);
    expect(r.events).toBe(eventMessages().length);
    expect(r.rejections).toBe(0);
  });
  afterAll(() => {
    live.close();
    replayed.close();
  });

  it('records the hello, the registry and every event once, one message per line', () => {
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; seq: number });
    expect(lines[0]?.type).toBe('hello');
    expect(lines[1]?.type).toBe('registry.snapshot');
    const events = lines.filter((l) => l.type !== 'hello' && l.type !== 'registry.snapshot');
    expect(events.map((e) => e.seq)).toEqual(eventMessages().map((e) => e.seq));
  });

  it('gives the same numbers from the recording as from the live stream', () => {
    const a = createMetrics(live);
    const b = createMetrics(replayed);
    const at = Date.parse('2026-11-20T17:30:00Z');
    expect(b.stream().events).toBe(a.stream().events);
    expect(b.stream().lastSeq).toBe(a.stream().lastSeq);
    for (const w of ['5m', '1h', '24h'] as const) {
      expect(b.totals(at, w)).toEqual(a.totals(at, w));
      expect(b.throughput(at, w)).toEqual(a.throughput(at, w));
      expect(b.servers(at, w)).toEqual(a.servers(at, w));
      expect(b.signatures(at, w)).toEqual(a.signatures(at, w));
      expect(b.feedback(at, w)).toEqual(a.feedback(at, w));
      expect(b.delivery(at, w)).toEqual(a.delivery(at, w));
    }
    expect(b.deadlines(at)).toEqual(a.deadlines(at));
    const from = Date.parse('2026-11-19T17:00:00Z');
    const to = Date.parse('2026-11-20T17:00:00Z');
    expect([...agencyFiguresOver(replayed.db, from, to, NOW)]).toEqual([...agencyFiguresOver(live.db, from, to, NOW)]);
    // And the numbers are not trivially equal: the day has traffic.
    expect(a.totals(at, '24h').sent).toBe(6); // D2…D7; D1 was sent before the window
  });

  it('reports the same table from the recording (--source) as from the live cache (--cache)', async () => {
    const run = async (args: string[]) => {
      const stdout = new PassThrough();
      const out: Buffer[] = [];
      stdout.on('data', (c: Buffer) => out.push(c));
      expect(await createReportCommand(() => NOW).run(args, { stdout, stderr: new PassThrough(), env: env() })).toBe(0);
      return Buffer.concat(out).toString();
    };
    const period = ['--from', '2026-11-20', '--to', '2026-11-20', '--format', 'csv'];
    const fromLive = await run([...period, '--cache', live.path]);
    const fromFile = await run([...period, '--source', file]);
    expect(fromFile).toBe(fromLive);
    expect(fromLive).toContain(
      '\r\n4,000.00.00.H41,UBND Tỉnh Nghệ An,2,4,1,25.00,2,1,1,1,1,50.00,01 03 04 05 06,MCBM-041,2400,2\r\n',
    );
  });
});
