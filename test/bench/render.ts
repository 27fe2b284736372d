/**
 * Console render benchmark: one full Agencies screen with 12,000 agencies loaded (every level
 * listed, so the whole registry is modelled, filtered and sorted), at 80×24 and 200×60.
 * Measures apart:
 * - data refresh: what one tick costs before anything is drawn — read every figure, build and
 *   roll up the 12,000 agency models, mark changed rows, filter and sort (pure functions);
 * - render: a key press (`j`: move the cursor) to the frame written — the view → frame path
 *   alone, React and Ink, with the data already loaded. Target: ≤ 15 ms;
 * - a full refresh (`w`: new window, so every figure is read again, then drawn).
 * Each as wall-clock time and as CPU time of this process (process.cpuUsage): on a shared,
 * loaded machine the wall clock also counts time spent waiting for a core.
 *
 * Run: `npm run bench` (all benchmarks) or `node .build/test/bench/render.js` after `npm run build:bench`.
 */
import { FakeKeyboard } from './fake-keyboard.js';
import { EventEmitter } from 'node:events';
import type { Agency } from '../../src/protocol/index.js';
import type { DeadlineRow, ServerRow, SignatureRow, ThroughputRow } from '../../src/metrics/types.js';
import { idleIngest, noAlerts } from '../../src/ui/data/sources.js';
import { manualTicker } from '../support/manual-ticker.js';
import { memoryMetrics, type MemoryData } from '../support/memory-metrics.js';

const NOW = Date.UTC(2024, 2, 12, 20, 0, 0);

/** A deterministic registry of `total` agencies over four levels, with figures for each. */
export function syntheticNational(total = 12_000): MemoryData {
  let seed = 42;
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const agencies: Agency[] = [];
  const servers: ServerRow[] = [];
  for (let i = 1; i <= 95; i++) {
    const code = i <= 31 ? `G${pad(i, 2)}` : i <= 94 ? `H${pad(i - 31, 2)}` : 'D01';
    const serverId = `MCBM-${pad(i, 3)}`;
    agencies.push({
      id: `000.00.00.${code}`,
      name: i <= 31 ? `Bộ số ${i}` : `UBND Tỉnh số ${i - 31}`,
      level: 1,
      parent: null,
      connection: i % 3 ? 'lgsp' : 'direct',
      securityServer: serverId,
    });
    const state = rnd() < 0.04 ? 'disconnected' : rnd() < 0.06 ? 'degraded' : 'connected';
    servers.push({
      serverId,
      name: `Máy chủ bảo mật ${i}`,
      state,
      since: NOW - Math.floor(rnd() * 86_400_000),
      lastHeartbeat: NOW - 2000,
      latencyMs: 20 + Math.floor(rnd() * 200),
      downtimeMs: state === 'connected' ? 0 : 600_000,
      drops: state === 'connected' ? 0 : 1,
      certificateExpiresAt: NOW + 90 * 86_400_000,
      agencyIds: [],
    });
  }
  const tops = agencies.slice();
  const level2: Agency[] = [];
  for (const top of tops) {
    for (let j = 1; j <= 12 && agencies.length < total; j++) {
      const a: Agency = {
        id: `000.00.${pad(j, 2)}.${top.id.slice(-3)}`,
        name: `Sở, huyện ${j} thuộc ${top.name}`,
        level: 2,
        parent: top.id,
        connection: 'lgsp',
        securityServer: top.securityServer,
      };
      agencies.push(a);
      level2.push(a);
    }
  }
  const level3: Agency[] = [];
  for (let k = 1; k <= 99 && agencies.length < total; k++) {
    for (const parent of level2) {
      if (agencies.length >= total) break;
      const a: Agency = {
        id: `000.${pad(k, 2)}.${parent.id.slice(7)}`,
        name: `UBND Xã Phường ${k} — ${parent.name}`,
        level: 3,
        parent: parent.id,
        connection: 'lgsp',
        securityServer: parent.securityServer,
      };
      agencies.push(a);
      level3.push(a);
      if (k > 8) break;
    }
    if (level3.length >= 9 * level2.length) break;
  }
  for (let n = 1; agencies.length < total; n++) {
    const parent = level3[n % level3.length] as Agency;
    agencies.push({
      id: `${pad(n % 1000, 3)}.${parent.id.slice(4)}`,
      name: `Trường, trạm ${n} thuộc ${parent.name}`,
      level: 4,
      parent: parent.id,
      connection: 'direct',
      securityServer: parent.securityServer,
    });
  }
  const throughput: ThroughputRow[] = [];
  const signatures: SignatureRow[] = [];
  const deadlines: DeadlineRow[] = [];
  for (const a of agencies) {
    const rate = a.level === 1 ? 20 * rnd() : rnd();
    throughput.push({
      agencyId: a.id,
      sent: rate * 60,
      received: rate * 180,
      sentPerMin: rate,
      receivedPerMin: rate * 3,
      sentWeekAgo: rate * 60,
      receivedWeekAgo: rate * 180 * (rnd() < 0.05 ? 5 : 1),
      spark: Array.from({ length: 12 }, () => Math.floor(rnd() * 10)),
    });
    const verified = Math.floor(rnd() * 100);
    const failed = rnd() < 0.1 ? Math.floor(verified * rnd() * 0.3) : 0;
    signatures.push({
      agencyId: a.id,
      verified,
      failed,
      failureRate: verified ? failed / verified : null,
      byReason: {
        missing: failed,
        invalid: 0,
        expired_certificate: 0,
        revoked_certificate: 0,
        untrusted_issuer: 0,
        incomplete_info: 0,
      },
    });
    const overdue = rnd() < 0.1 ? Math.floor(rnd() * 20) : 0;
    deadlines.push({
      agencyId: a.id,
      open: overdue + 2,
      dueWithin24h: 1,
      overdue,
      oldestOverdueMs: overdue ? 86_400_000 : null,
      answeredOnTime: 5,
      answeredLate: 1,
    });
  }
  return {
    stream: { hubName: 'Trục liên thông văn bản quốc gia', newestEventTs: NOW - 1000 },
    agencies,
    servers,
    throughput,
    signatures,
    deadlines,
  };
}

class FakeStdout extends EventEmitter {
  frames = 0;
  isTTY = true;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (_chunk: string): boolean => {
    this.frames++;
    return true;
  };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

async function until(stdout: FakeStdout, before: number): Promise<void> {
  for (let i = 0; i < 100 && stdout.frames === before; i++) await turn();
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

export interface RenderFigures {
  readonly size: string;
  readonly refreshMedianMs: number;
  readonly refreshP95Ms: number;
  readonly refreshCpuMedianMs: number;
  readonly keyMedianMs: number;
  readonly keyP95Ms: number;
  readonly keyCpuMedianMs: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface DataRefreshFigures {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly cpuMedianMs: number;
}

/**
 * One data refresh of the Agencies screen with every level listed, without drawing: figures
 * read, models built and rolled up, changed rows marked (by the loader), filtered and sorted by name.
 */
export async function benchDataRefresh(data: MemoryData, iterations = 30): Promise<DataRefreshFigures> {
  const { ScreenLoader } = await import('../../src/ui/data/screen-loader.js');
  const { filterAgencies } = await import('../../src/ui/view/agency-filter.js');
  const { sortModels } = await import('../../src/ui/view/list-view.js');
  const { agenciesSpec } = await import('../../src/ui/view/agencies-spec.js');
  const metrics = memoryMetrics(data);
  const loader = new ScreenLoader({ metrics, ingest: idleIngest(), alerts: noAlerts, now: () => NOW });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // A new newest seq each time, as under a live stream: nothing is served from the memo.
    data.stream = { ...data.stream, lastSeq: (data.stream?.lastSeq ?? 0) + 1 };
    const t0 = performance.now();
    const c0 = cpuMs();
    const { data: screen } = loader.tick(
      'full',
      { route: { kind: 'screen', screen: 'agencies' }, window: i % 2 ? '1h' : '5m', perConcern: 5 },
      NOW,
    );
    if ('gone' in screen || !screen.list) throw new Error('expected the Agencies list');
    const models = screen.list.models as Parameters<typeof filterAgencies>[0];
    sortModels(filterAgencies(models, 0, 'all'), agenciesSpec, agenciesSpec.defaultSort);
    cpu.push(cpuMs() - c0);
    wall.push(performance.now() - t0);
  }
  const warm = (xs: number[]): number[] => xs.slice(3);
  return {
    medianMs: percentile(warm(wall), 0.5),
    p95Ms: percentile(warm(wall), 0.95),
    cpuMedianMs: percentile(warm(cpu), 0.5),
  };
}

export async function benchRender(
  columns: number,
  rows: number,
  data: MemoryData,
  iterations = 100,
): Promise<RenderFigures> {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeKeyboard();
  const ticker = manualTicker(); // never ticks: only the measured keys redraw
  const metrics = memoryMetrics(data);
  // React's development build times and diffs every prop; operators run the production one
  // (bin/hubmon.js sets it too). Set before React is first imported.
  process.env['NODE_ENV'] ??= 'production';
  const { render } = await import('ink');
  const { createElement } = await import('react');
  const { App } = await import('../../src/ui/App.js');
  const instance = render(
    createElement(App, {
      metrics,
      ingest: idleIngest({ lastMessageAt: NOW }),
      alerts: noAlerts,
      now: () => NOW,
      ticker,
      lang: 'vi',
      screen: 'agencies',
    }),
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await turn();
  for (const key of ['l', 'l', 'l', 'l']) {
    const before = stdout.frames;
    stdin.type(key); // level 1 → 2 → 3 → 4 → every level
    await until(stdout, before);
  }
  const refresh: number[] = [];
  const keys: number[] = [];
  const refreshCpu: number[] = [];
  const keysCpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let before = stdout.frames;
    let t0 = performance.now();
    let c0 = cpuMs();
    // `w` changes the time window: every figure is read again, rolled up, sorted and drawn.
    stdin.type('w');
    await until(stdout, before);
    refreshCpu.push(cpuMs() - c0);
    refresh.push(performance.now() - t0);
    before = stdout.frames;
    t0 = performance.now();
    c0 = cpuMs();
    stdin.type('j');
    await until(stdout, before);
    keysCpu.push(cpuMs() - c0);
    keys.push(performance.now() - t0);
  }
  instance.unmount();
  const warm = (xs: number[]): number[] => xs.slice(Math.min(5, xs.length - 1));
  return {
    size: `${columns}×${rows}`,
    refreshMedianMs: percentile(warm(refresh), 0.5),
    refreshP95Ms: percentile(warm(refresh), 0.95),
    refreshCpuMedianMs: percentile(warm(refreshCpu), 0.5),
    keyMedianMs: percentile(warm(keys), 0.5),
    keyP95Ms: percentile(warm(keys), 0.95),
    keyCpuMedianMs: percentile(warm(keysCpu), 0.5),
  };
}

/** Runs both sizes and prints one line per size. */
export async function runRenderBench(log: (line: string) => void = console.log): Promise<RenderFigures[]> {
  const data = syntheticNational(12_000);
  const d = await benchDataRefresh(syntheticNational(12_000));
  log(
    `console data refresh, Agencies, ${data.agencies.length} agencies (read, model, roll up, mark, sort): median ${d.medianMs.toFixed(1)} ms (p95 ${d.p95Ms.toFixed(1)}), CPU median ${d.cpuMedianMs.toFixed(1)} ms — at most a few per second`,
  );
  const out: RenderFigures[] = [];
  for (const [c, r] of [
    [80, 24],
    [200, 60],
  ] as const) {
    const f = await benchRender(c, r, data);
    out.push(f);
    log(
      `console render, Agencies, ${data.agencies.length} agencies, ${f.size}: render (key j → frame) median ${f.keyMedianMs.toFixed(1)} ms (p95 ${f.keyP95Ms.toFixed(1)}, CPU ${f.keyCpuMedianMs.toFixed(1)}) — target ≤ 15 ms; refresh + render (w) median ${f.refreshMedianMs.toFixed(1)} ms (p95 ${f.refreshP95Ms.toFixed(1)}, CPU ${f.refreshCpuMedianMs.toFixed(1)})`,
    );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env['NODE_ENV'] ??= 'production';
  await runRenderBench();
}
