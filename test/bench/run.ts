/**
 * `npm run bench`: every speed and memory figure the project promises, measured on this
 * machine and printed with its target. `npm run bench -- --quick` runs smaller sizes (a
 * smoke run, not the figures); `npm run bench -- render catch-up` runs only those sections.
 * Tests never time anything; this is where time is measured.
 */
import os from 'node:os';
import { benchAlertEvaluation } from './alert-evaluation.js';
import { benchCatchUp, describeCatchUp } from './catch-up.js';
import { benchIncidentNoise, describeNoise } from './incident-noise.js';
import { benchKeyLatency } from './console-keys.js';
import { benchGatewayResources, benchGatewayThroughput } from './gateway.js';
import { benchConsoleResources } from './console-resources.js';
import { benchCatchUpMillion, benchSustainedLoad } from './load.js';
import { runRenderBench } from './render.js';
import { formatSimThroughput, measureSimThroughput } from './sim-throughput.js';
import { benchWriterThroughput } from './writer-throughput.js';
import { benchYearCache } from './year-cache.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const chosen = args.filter((a) => !a.startsWith('--'));
const log = (line: string) => process.stdout.write(`${line}\n`);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

type Section = { name: string; target: string; run: () => Promise<void> };

const sections: Section[] = [
  {
    name: 'sim',
    target: 'simulated hub → one client, one message per frame and batched (figure only)',
    run: async () => void log(formatSimThroughput(await measureSimThroughput({ events: quick ? 50_000 : 500_000 }))),
  },
  {
    name: 'writer',
    target: 'cache writer with rollups vs a bare insert (figure only)',
    run: async () => {
      const w = benchWriterThroughput({ events: quick ? 50_000 : 500_000 });
      log(
        `writer: ${n(w.withRollupsPerSec)} events/s with rollups (${n(w.withRollupsPerCpuSec)} per CPU-s); bare insert ${n(w.bareInsertPerSec)} rows/s; ratio ${w.ratio.toFixed(2)}`,
      );
    },
  },
  {
    name: 'catch-up',
    target: 'catch-up over a real socket into the cache: ≥ 100,000 events/s and ≥ 0.7 of the bare pipeline',
    run: async () =>
      void log(describeCatchUp(await benchCatchUp({ events: quick ? 100_000 : 1_000_000, rounds: quick ? 2 : 4 }))),
  },
  {
    name: 'year',
    target: "every screen's numbers from a cache holding a year (≥ 30 million events): ≤ 50 ms each",
    run: async () => {
      const { build, metrics, busy, fresh, screens } = benchYearCache(quick ? { days: 7 } : {});
      log(
        `year cache: ${n(build.events)} events built in ${(build.buildMs / 1000).toFixed(0)} s, ${(build.bytesOnDisk / 2 ** 30).toFixed(2)} GiB on disk`,
      );
      // Cold: the first call in a fresh process; warm: the median of the calls after it.
      for (const [label, timings] of [
        ["at the year's end (07:00 in Vietnam)", metrics],
        ['on a working morning (11:00, full traffic)', busy],
        ["at the year's end, read afresh at every call (status, report, a read-only console)", fresh],
      ] as const) {
        log(`  ${label}: cold / warm median / warm max, ms`);
        for (const [name, t] of Object.entries(timings))
          log(
            `    ${name.padEnd(28)} ${t.coldMs.toFixed(1).padStart(7)} ${t.medianMs.toFixed(1).padStart(7)} ${t.maxMs.toFixed(1).padStart(7)}`,
          );
      }
      // A screen's load as the console makes it (metrics and rows), each set in a fresh process.
      for (const s of screens) {
        log(
          `  console screens, ${s.at === 'end' ? "year's end" : 'working morning'}, ${s.window} window: opened in ${s.openMs.toFixed(1)} ms, first frame (Overview) ${s.startupMs.toFixed(1)} ms (${s.startupCpuMs.toFixed(1)} ms of CPU), its ranking drawn at ${s.rankedMs.toFixed(1)} ms; first visit / refresh median / refresh max, ms`,
        );
        for (const [name, t] of Object.entries(s.screens))
          log(
            `    ${name.padEnd(28)} ${t.firstMs.toFixed(1).padStart(7)} ${t.medianMs.toFixed(1).padStart(7)} ${t.maxMs.toFixed(1).padStart(7)}`,
          );
      }
    },
  },
  {
    name: 'render',
    target: 'full Agencies screen with 12,000 agencies at 80×24 and 200×60: ≤ 15 ms',
    run: async () => void (await runRenderBench(log)),
  },
  {
    name: 'alerts',
    target: 'one alert evaluation at national scale (figure only)',
    run: async () => {
      const a = benchAlertEvaluation(quick ? 2_000 : 12_000, quick ? 5 : 30);
      log(
        `alerts: ${n(a.agencies)} agencies, ${n(a.alerts)} alerts (${n(a.folded)} folded): first ${a.firstMs.toFixed(0)} ms, median ${a.medianMs.toFixed(1)} ms`,
      );
    },
  },
  {
    name: 'incidents',
    target:
      'noise over a simulated day and night: ≤ 10 acute incidents outside the scripted ones, ≤ 6 new acute per hour',
    run: async () => {
      for (const line of describeNoise(benchIncidentNoise({ agencies: 12_000, hours: quick ? 3 : 24 }))) log(line);
    },
  },
  {
    name: 'console',
    target: 'the console at the live national rate for 10 minutes: ≤ 1 % of a core, < 200 MB resident; htop beside it',
    run: async () => {
      const c = await benchConsoleResources({ seconds: quick ? 30 : 600, agencies: 12_000 });
      log(
        `console: ${c.seconds} s at ${c.hubEventsPerSecond} events/s, ${c.agencies} agencies: CPU ${c.cpuPercent.toFixed(2)} % of a core; RSS ${c.rssStartMiB} → ${c.rssEndMiB} MiB (max ${c.rssMaxMiB}); ` +
          (c.htopCpuPercent === null
            ? 'htop not installed, not measured beside it (apt-get install htop)'
            : `htop at 80×24 over the same span: ${c.htopCpuPercent.toFixed(2)} % of a core`),
      );
    },
  },
  {
    name: 'keys',
    target: 'key press to updated screen while the hub pushes 10,000 events/s: ≤ 100 ms at p95',
    run: async () => void (await benchKeyLatency({ presses: quick ? 30 : 100, log })),
  },
  {
    name: 'gateway',
    target:
      'X-Road records through the gateway into a console cache, 87 security servers; its CPU and memory at the national rate (figures only)',
    run: async () => {
      const t = await benchGatewayThroughput(quick ? 10_000 : 100_000);
      log(
        `gateway throughput: ${n(t.records)} records (${n(t.exchanges)} exchanges, both sides) → ${n(t.events)} events in the cache in ${t.seconds.toFixed(1)} s: ${n(t.recordsPerSecond)} records/s`,
      );
      const r = await benchGatewayResources(quick ? 40 : 300);
      log(
        `gateway at ${r.exchangesPerSecond} exchanges/s (~${r.exchangesPerSecond * 3} events/s), 87 servers polled every 30 s, ${r.seconds} s: CPU ${r.cpuPercent.toFixed(2)} % of a core; RSS ${r.rssStartMiB} → ${r.rssEndMiB} MiB (max ${r.rssMaxMiB}); ${n(r.eventsPublished)} events in the console's cache`,
      );
    },
  },
  {
    name: 'load',
    target: '10 minutes at 10,000 events/s with memory flat; a catch-up of 1 million events',
    run: async () => {
      const s = await benchSustainedLoad({ durationMs: quick ? 30_000 : 600_000 });
      log(
        `sustained: ${s.seconds} s at ${n(s.achievedEventsPerSecond)} events/s, stored ${n(s.stored)} of ${n(s.produced)}, max lag ${n(s.maxLagEvents)}; RSS ${s.rss.startMiB} → ${s.rss.endMiB} MiB (max ${s.rss.maxMiB}, slope ${s.rss.slopeMiBPerMinute} MiB/min)`,
      );
      const c = await benchCatchUpMillion({ events: quick ? 100_000 : 1_000_000 });
      log(
        `catch-up: ${n(c.events)} events in ${c.seconds.toFixed(1)} s (${n(c.eventsPerSecond)} events/s), peak RSS ${c.peakRssMiB} MiB`,
      );
    },
  },
];

log(
  `hubmon bench — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB${quick ? ', quick sizes' : ''}`,
);
for (const section of sections) {
  if (chosen.length && !chosen.includes(section.name)) continue;
  log(`\n## ${section.name} — target: ${section.target} (load average ${load()})`);
  try {
    await section.run();
  } catch (err) {
    log(`${section.name} failed: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
  }
}
