/**
 * The console's own cost at the live national rate: the real bin/hubmon in a real terminal
 * (tmux, 80×24) watching the simulated hub at real speed with the national registry, its CPU
 * time and resident memory read from /proc every few seconds. Target: ≤ 1 % of a core and
 * < 200 MB resident over 10 minutes. `htop`, the console operators compare it with, runs beside
 * it in a terminal of the same size over the same span and is measured the same way (when it is
 * not installed the figure says so: `apt-get install htop`).
 *
 * The rate is the peak's, whatever the hour the bench runs at: the simulated hub's office-hours
 * rhythm is evened out (its volume divided by the activity of the hour), then raised to tens of
 * events per second, which is the national peak (DOMAIN.md: "the live telemetry rate is tens of
 * events per second at peak"); the simulated registry alone peaks at a few per second.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimHub } from '../../src/sim/index.js';
import { activityAt, PEAK_ACTIVITY } from '../../src/sim/rhythm.js';
import { headerSaysLive, startConsoleInTmux } from '../support/console-in-tmux.js';
import { startTmux } from '../support/tmux.js';

export interface ConsoleResourceFigures {
  readonly seconds: number;
  readonly agencies: number;
  /** Events the hub produced while measured, per second. */
  readonly hubEventsPerSecond: number;
  /** CPU time of the console process over the measured span ÷ wall time, in % of one core. */
  readonly cpuPercent: number;
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssMaxMiB: number;
  /** htop at 80×24 over the same span, % of one core; null when htop is not installed. */
  readonly htopCpuPercent: number | null;
}

const CLK_TCK = 100;

/** The simulated registry's own peak (a few events/s) times this is the national peak. */
const NATIONAL_PEAK_FACTOR = 10;

function procStat(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state is [0], utime [11], stime [12], rss pages [21].
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuSeconds: ticks / CLK_TCK, rssMiB: (rssPages * 4096) / 1024 / 1024 };
}

/** The process named `command` that the tmux pane's shell started. */
function childPid(shellPid: number, command: string): number {
  const out = execFileSync('pgrep', ['-P', String(shellPid), command], { encoding: 'utf8' }).trim();
  const pid = Number(out.split('\n')[0]);
  if (!pid) throw new Error(`${command} process not found`);
  return pid;
}

function hasHtop(): boolean {
  try {
    execFileSync('htop', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** % of one core between two readings of the same process over `wall` seconds, two decimals. */
const cpuPercent = (a: { cpuSeconds: number }, b: { cpuSeconds: number }, wall: number) =>
  // Two decimals: /proc counts CPU in 10 ms ticks, 0.002 % of a core over 10 minutes, and a
  // figure rounded to 1.0 could not say which side of a 1 % target it is on.
  Math.round(((b.cpuSeconds - a.cpuSeconds) / wall) * 10000) / 100;

/** Runs the console for `seconds` after it is live; `warmupSeconds` of catch-up are not counted. */
export async function benchConsoleResources(
  options: { seconds?: number; agencies?: number; warmupSeconds?: number; log?: (line: string) => void } = {},
): Promise<ConsoleResourceFigures> {
  const seconds = options.seconds ?? 600;
  const agencies = options.agencies ?? 12_000;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'hubmon-bench-console-'));
  const volumeScale = (PEAK_ACTIVITY / activityAt(Date.now())) * NATIONAL_PEAK_FACTOR;
  const hub = await startSimHub({ port: 0, seed: 11, speed: 1, agencies, history: 30 * 60_000, volumeScale });
  const term = startConsoleInTmux(hub.url, dir);
  const htop = hasHtop() ? startTmux('htop', { cols: 80, rows: 24 }) : undefined;
  try {
    await term.waitFor(headerSaysLive, 'the console to be live', 120_000);
    await new Promise((r) => setTimeout(r, (options.warmupSeconds ?? 20) * 1000));
    const pid = childPid(term.panePid(), 'node');
    const htopPid = htop ? childPid(htop.panePid(), 'htop') : undefined;
    const first = procStat(pid);
    const htopFirst = htopPid ? procStat(htopPid) : undefined;
    const seqStart = hub.newestSeq;
    const t0 = Date.now();
    let max = first.rssMiB;
    let last = first;
    while (Date.now() - t0 < seconds * 1000) {
      await new Promise((r) => setTimeout(r, 5_000));
      last = procStat(pid);
      max = Math.max(max, last.rssMiB);
      log(`console: ${Math.round((Date.now() - t0) / 1000)} s, rss ${last.rssMiB.toFixed(0)} MiB`);
    }
    const wall = (Date.now() - t0) / 1000;
    return {
      seconds: Math.round(wall),
      agencies,
      hubEventsPerSecond: Math.round(((hub.newestSeq - seqStart) / wall) * 10) / 10,
      cpuPercent: cpuPercent(first, last, wall),
      htopCpuPercent: htopPid && htopFirst ? cpuPercent(htopFirst, procStat(htopPid), wall) : null,
      rssStartMiB: Math.round(first.rssMiB),
      rssEndMiB: Math.round(last.rssMiB),
      rssMaxMiB: Math.round(max),
    };
  } finally {
    term.send('q');
    await new Promise((r) => setTimeout(r, 1_000));
    term.kill();
    htop?.kill();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
