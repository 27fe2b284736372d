/**
 * `npm run bench -- gateway`: the gateway between fake security servers answering X-Road's
 * payloads (test/support/fake-xroad.ts) and a console's cache.
 * 1. Throughput: 87 servers holding both sides of `exchanges` document exchanges, read by one
 *    polling round of the gateway (the service object, in this process, with the fakes and the
 *    console's ingest and cache: all on the same cores) until the cache holds every event.
 * 2. Resources at the national rate: the real `bin/hubmon gateway` process polling 87 servers
 *    every 30 s while the fakes receive ~15 events/s worth of exchanges; its CPU and memory
 *    read from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from '../../src/gateway/service.js';
import { cacheSink } from '../../src/ingest/cache-sink.js';
import { startIngest } from '../../src/ingest/index.js';
import { openCache } from '../../src/store/index.js';
import { bin } from '../support/bin.js';
import { FakeSecurityServer, startRouter } from '../support/fake-xroad.js';
import { agencyIdsOf, nationalWorld, recordsOf, serverOf, sharedParams, type World } from '../support/xroad-world.js';

const CLK_TCK = 100;
const SERVERS = 87;

function procStat(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLK_TCK,
    rssMiB: (Number(fields[21]) * 4096) / 2 ** 20,
  };
}

async function fakeWorld(world: World, offsetSec: number) {
  const fakes = new Map<string, FakeSecurityServer>();
  for (const s of world.servers) {
    const fake = await new FakeSecurityServer(s.code, {
      offsetSec,
      certificates: [
        {
          sha1: s.code,
          type: 'AUTH_OR_SIGN',
          notBefore: '2025-01-01T00:00:00Z',
          notAfter: '2027-06-30T00:00:00Z',
          active: true,
        },
      ],
    }).start();
    fakes.set(s.code, fake);
  }
  const router = await startRouter(() => fakes, 5_000);
  const ids = agencyIdsOf(world);
  return {
    fakes,
    router,
    add(n: number, at: number) {
      const sender = ids[n % ids.length]!;
      const recipient =
        ids[(n * 31 + 7) % ids.length] === sender ? ids[(n + 1) % ids.length]! : ids[(n * 31 + 7) % ids.length]!;
      const x = { n, sender, recipient, docId: `${sender},2026/12/06,${n}/BENCH`, at, succeeded: true };
      const { client, producer } = recordsOf(x, 'sendEdoc', world);
      fakes.get(serverOf(sender, world))!.records.push(client);
      fakes.get(serverOf(recipient, world))!.records.push(producer);
    },
    async close() {
      for (const f of fakes.values()) await f.stop();
      await router.close();
    },
  };
}

export interface GatewayThroughput {
  readonly exchanges: number;
  readonly records: number;
  readonly events: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

export async function benchGatewayThroughput(exchanges: number): Promise<GatewayThroughput> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-gateway-'));
  const world = nationalWorld(SERVERS);
  const fw = await fakeWorld(world, 60);
  const start = Date.now() - 3 * 3_600_000;
  for (let i = 1; i <= exchanges; i++) fw.add(i, start + Math.floor((i * 3_600_000) / exchanges));
  writeFileSync(path.join(dir, 'shared-params.xml'), sharedParams(world));
  const gateway = await startGateway({
    globalconf: path.join(dir, 'shared-params.xml'),
    client: { instance: 'VN', memberClass: 'GOV', memberCode: world.members[0]!.code, subsystemCode: 'GIAMSAT' },
    securityServerUrl: fw.router.url,
    documents: ['sendEdoc'],
    dbFile: path.join(dir, 'gateway.sqlite'),
    manualPolling: true,
    backfillMs: 4 * 3_600_000,
    timeoutMs: 60_000,
    maxPagesPerRound: 1_000,
  });
  const cache = openCache({ path: path.join(dir, 'console.sqlite') });
  const client = startIngest({ url: gateway.url, sink: cacheSink(cache) });
  try {
    const t0 = performance.now();
    await gateway.pollAll();
    while (client.status().storedSeq < gateway.newestSeq) await new Promise((r) => setTimeout(r, 20));
    await client.flush();
    const seconds = (performance.now() - t0) / 1000;
    const records = gateway.counters()['records'] ?? 0;
    return { exchanges, records, events: gateway.newestSeq, seconds, recordsPerSecond: records / seconds };
  } finally {
    await client.stop();
    cache.close();
    await gateway.close();
    await fw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface GatewayResources {
  readonly seconds: number;
  readonly exchangesPerSecond: number;
  readonly eventsPublished: number;
  readonly cpuPercent: number;
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssMaxMiB: number;
}

/** ~15 events/s: five exchanges a second (sent, signature, delivered), both sides recorded. */
export async function benchGatewayResources(seconds: number): Promise<GatewayResources> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-gateway-'));
  const world = nationalWorld(SERVERS);
  // X-Road's offset is 60 s; 5 s here so that a short run sees its own traffic.
  const fw = await fakeWorld(world, 5);
  writeFileSync(path.join(dir, 'shared-params.xml'), sharedParams(world));
  const exchangesPerSecond = 5;
  let n = 0;
  const feed = setInterval(() => {
    for (let i = 0; i < exchangesPerSecond; i++) fw.add(++n, Date.now() - 500);
  }, 1_000);
  const child = spawn(
    process.execPath,
    [
      bin,
      'gateway',
      '--globalconf',
      path.join(dir, 'shared-params.xml'),
      '--client',
      `VN/GOV/${world.members[0]!.code}/GIAMSAT`,
      '--security-server',
      fw.router.url,
      '--documents',
      'sendEdoc',
      '--db',
      path.join(dir, 'gateway.sqlite'),
      '--port',
      '0',
      '--records-offset',
      '5',
      '--backfill',
      '1m',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    });
    const cache = openCache({ path: path.join(dir, 'console.sqlite') });
    const client = startIngest({ url, sink: cacheSink(cache) });
    // Warm-up: the first round reads every server's certificates and registry.
    await new Promise((r) => setTimeout(r, 10_000));
    const first = procStat(child.pid!);
    let max = first.rssMiB;
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) {
      await new Promise((r) => setTimeout(r, 2_000));
      max = Math.max(max, procStat(child.pid!).rssMiB);
    }
    const last = procStat(child.pid!);
    const wall = (performance.now() - t0) / 1000;
    const eventsPublished = client.status().storedSeq;
    await client.stop();
    cache.close();
    return {
      seconds: Math.round(wall),
      exchangesPerSecond,
      eventsPublished,
      cpuPercent: Math.round(((last.cpuSeconds - first.cpuSeconds) / wall) * 10_000) / 100,
      rssStartMiB: Math.round(first.rssMiB),
      rssEndMiB: Math.round(last.rssMiB),
      rssMaxMiB: Math.round(max),
    };
  } finally {
    clearInterval(feed);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
