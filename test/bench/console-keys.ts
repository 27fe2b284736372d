/**
 * Key press to updated screen while the hub pushes 10,000 events/s. Target: ≤ 100 ms at p95.
 *
 * The simulated hub runs in a child process producing `rate` events/s over a registry of
 * `agencies`; this process runs the console as `hubmon` does — a session (cache, ingest, alert
 * evaluation loop) and the Ink app with its production timer and frame throttle — drawing
 * into a fake 80×24 terminal. On the Agencies screen, `j` and `k` are typed in turn at
 * irregular intervals; each press is timed from the keystroke to the first frame written in
 * which the cursor sits on its new line. The hub's load goes through the same event loop as
 * the keys, so a slow write, data refresh or alert evaluation shows as latency.
 *
 * Run: `node .build/test/bench/console-keys.js` after `npm run build:bench` (also in `npm run bench`).
 */
import { FakeKeyboard } from './fake-keyboard.js';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endLoadHub, startLoadHub } from './load-hub-process.js';

export interface KeyLatencyFigures {
  readonly agencies: number;
  /** Events stored per second while keys were typed. */
  readonly eventsPerSecond: number;
  readonly presses: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Presses whose frame never came within the time limit (counted as the limit). */
  readonly missed: number;
}

const CURSOR = '›';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The terminal: keeps the last full frame written and tells who waits for the next. */
class FakeTerminal extends EventEmitter {
  isTTY = true;
  frame = '';
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (chunk: string | Uint8Array): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    // Ink writes each frame whole, in one write; short writes move or hide the cursor.
    if (text.includes('\n')) {
      this.frame = text;
      this.emit('frame', text);
    }
    return true;
  };
}

/** Line of the frame the cursor is on; -1 when not shown. */
function cursorLine(frame: string): number {
  const lines = frame.replace(ANSI, '').split('\n');
  return lines.findIndex((l) => l.startsWith(CURSOR));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

export async function benchKeyLatency(
  options: {
    rate?: number;
    agencies?: number;
    presses?: number;
    warmupSeconds?: number;
    log?: (line: string) => void;
  } = {},
): Promise<KeyLatencyFigures> {
  const rate = options.rate ?? 10_000;
  const agencies = options.agencies ?? 12_000;
  const presses = options.presses ?? 100;
  const log = options.log ?? (() => undefined);
  process.env['NODE_ENV'] ??= 'production';
  const { startSession } = await import('../../src/app/session.js');
  const { resolveSettings } = await import('../../src/config/index.js');
  const { renderConsole } = await import('../../src/ui/index.js');

  const dir = mkdtempSync(join(tmpdir(), 'hubmon-bench-keys-'));
  const { child, ready } = await startLoadHub({ mode: 'steady', rate, seed: 7, bufferSize: rate * 120, agencies });
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
  const session = await startSession({
    env,
    settings: resolveSettings({ url: ready.url, cache: join(dir, 'c.sqlite'), lang: 'en' }, env),
  });
  const term = new FakeTerminal(80, 24);
  const keyboard = new FakeKeyboard();
  const instance = renderConsole({
    ...session.sources,
    lang: 'en',
    env,
    screen: 'agencies',
    stdout: term as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    stderr: term as unknown as NodeJS.WriteStream,
  });
  try {
    // Live and holding rows: the registry is in and the hub's stream is being written.
    for (let i = 0; session.ingest?.status().state !== 'live' || cursorLine(term.frame) < 0; i++) {
      if (i > 600) throw new Error('the console never went live');
      await sleep(200);
    }
    await sleep((options.warmupSeconds ?? 10) * 1000);
    const events0 = session.sources.metrics.stream().events;
    const t0 = performance.now();
    const times: number[] = [];
    let missed = 0;
    const LIMIT_MS = 5_000;
    for (let i = 0; i < presses; i++) {
      const key = i % 2 === 0 ? 'j' : 'k';
      const from = cursorLine(term.frame);
      const want = from + (key === 'j' ? 1 : -1);
      const started = performance.now();
      const seen = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          term.off('frame', onFrame);
          resolve(false);
        }, LIMIT_MS);
        const onFrame = (frame: string): void => {
          if (cursorLine(frame) !== want) return;
          clearTimeout(timer);
          term.off('frame', onFrame);
          resolve(true);
        };
        term.on('frame', onFrame);
      });
      keyboard.type(key);
      if (await seen) times.push(performance.now() - started);
      else {
        missed++;
        times.push(LIMIT_MS);
      }
      // Irregular pauses, so presses fall anywhere between refreshes and writes.
      await sleep(150 + Math.floor(Math.random() * 250));
    }
    const wall = (performance.now() - t0) / 1000;
    const figures: KeyLatencyFigures = {
      agencies,
      eventsPerSecond: Math.round((session.sources.metrics.stream().events - events0) / wall),
      presses,
      p50Ms: Math.round(percentile(times, 0.5) * 10) / 10,
      p95Ms: Math.round(percentile(times, 0.95) * 10) / 10,
      maxMs: Math.round(Math.max(...times) * 10) / 10,
      missed,
    };
    log(
      `console keys, Agencies, ${agencies} agencies, hub at ${rate} events/s (${figures.eventsPerSecond} stored/s): key → frame p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms over ${presses} presses${missed ? `, ${missed} missed` : ''} — target p95 ≤ 100 ms`,
    );
    return figures;
  } finally {
    instance.unmount();
    await session.close();
    await endLoadHub(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchKeyLatency({ log: console.log });
  process.exit(0);
}
