/**
 * The noise budget: the 12,000-agency simulated hub through a working day and the night after
 * it, on its own clock, with its scripted incidents, judged every minute as the console judges
 * it. Counts the acute incidents firing outside the scripted ones at every moment, the new
 * acute incidents of each hour, and the standing lines. Targets (EEMUA 191, ISA-18.2): at most
 * 10 acute incidents outside the scripted ones at any moment, at most 6 new acute per hour.
 */
import { agenciesBehind, groupIncidents, type Incident } from '../../src/alerts/index.js';
import { planIncidents, worldFromRegistry, INCIDENT_CYCLE_MS, type Incident as Scripted } from '../../src/sim/index.js';
import { startSimCache } from '../support/sim-cache.js';
import { tempDir } from '../support/telemetry.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface NoiseFigures {
  readonly agencies: number;
  readonly hours: number;
  /** The most acute incidents firing at one moment that no scripted incident explains. */
  readonly maxUnscriptedFiring: number;
  readonly maxUnscriptedAt: number;
  /** New acute incidents per simulated hour (local start hour → count), and those unscripted. */
  readonly hourly: readonly { readonly hour: string; readonly acute: number; readonly unscripted: number }[];
  /** Standing lines at the end, and the most at one moment. */
  readonly standingLines: number;
  readonly maxStandingLines: number;
  /** Rule of each unscripted acute incident that fired, and how many. */
  readonly unscriptedByRule: Readonly<Record<string, number>>;
  readonly wallSeconds: number;
}

/** Whether a scripted incident explains this acute one: same server, or same agency, while under way. */
function scriptedCause(i: Incident, scripted: readonly Scripted[], now: number): boolean {
  return scripted.some(
    (s) => now >= s.from && now <= s.to + 75 * MIN && (i.subject.server === s.target || i.subject.agency === s.target),
  );
}

const localHour = (t: number): string => new Date(t + 7 * HOUR).toISOString().slice(5, 16).replace('T', ' ');

export function benchIncidentNoise(opts: { agencies: number; hours: number; seed?: number }): NoiseFigures {
  const seed = opts.seed ?? 20261118;
  /** Wednesday 18 November 2026, 07:00 in Hà Nội: the working day, then the night. */
  const start = Date.UTC(2026, 10, 18, 0, 0);
  const tmp = tempDir('hubmon-bench-noise-');
  const began = performance.now();
  const sim = startSimCache({ dir: tmp.dir, agencies: opts.agencies, seed, start, historyMs: 4 * HOUR });
  try {
    const world = worldFromRegistry(sim.registry);
    const cycles = Math.ceil((opts.hours * HOUR) / INCIDENT_CYCLE_MS) + 1;
    const scripted = Array.from({ length: cycles }, (_, c) => planIncidents(world, seed, start, c)).flat();
    const behind = agenciesBehind(sim.metrics.agencies());
    const seen = new Set<string>();
    const hourly = new Map<string, { acute: number; unscripted: number }>();
    const byRule: Record<string, number> = {};
    let maxUnscripted = 0;
    let maxAt = start;
    let standing = 0;
    let maxStanding = 0;
    // The history before the start fills the cache; counting starts with the day.
    sim.runUntil(start);
    sim.runUntil(start + opts.hours * HOUR, (now) => {
      const incidents = groupIncidents(sim.engine.current().alerts, behind).filter((i) => i.phase === 'firing');
      const acute = incidents.filter((i) => i.kind === 'acute');
      const unscripted = acute.filter((i) => !scriptedCause(i, scripted, now));
      if (unscripted.length > maxUnscripted) {
        maxUnscripted = unscripted.length;
        maxAt = now;
      }
      standing = incidents.length - acute.length;
      maxStanding = Math.max(maxStanding, standing);
      const hour = localHour(now - 1);
      const h = hourly.get(hour.slice(0, -3)) ?? { acute: 0, unscripted: 0 };
      for (const i of acute) {
        const key = `${i.id}@${i.since}`;
        if (seen.has(key)) continue;
        seen.add(key);
        h.acute++;
        if (!scriptedCause(i, scripted, now)) {
          h.unscripted++;
          byRule[i.rule] = (byRule[i.rule] ?? 0) + 1;
        }
      }
      hourly.set(hour.slice(0, -3), h);
    });
    return {
      agencies: opts.agencies,
      hours: opts.hours,
      maxUnscriptedFiring: maxUnscripted,
      maxUnscriptedAt: maxAt,
      hourly: [...hourly].map(([hour, v]) => ({ hour: `${hour}:00`, ...v })),
      standingLines: standing,
      maxStandingLines: maxStanding,
      unscriptedByRule: byRule,
      wallSeconds: (performance.now() - began) / 1000,
    };
  } finally {
    sim.close();
    tmp.cleanup();
  }
}

/** The figures as the bench prints them. */
export function describeNoise(f: NoiseFigures): string[] {
  const maxNew = Math.max(0, ...f.hourly.map((h) => h.acute));
  return [
    `incidents: ${f.agencies.toLocaleString('en-US')} agencies, ${f.hours} simulated hours from Wed 07:00 (Hà Nội), scripted incidents every 6 h; ${f.wallSeconds.toFixed(0)} s`,
    `  acute firing outside the scripted ones: at most ${f.maxUnscriptedFiring} at once (at ${localHour(f.maxUnscriptedAt)}), target ≤ 10`,
    `  new acute per hour: at most ${maxNew} (target ≤ 6); unscripted by rule: ${JSON.stringify(f.unscriptedByRule)}`,
    `  standing lines: ${f.standingLines} at the end, at most ${f.maxStandingLines}`,
    `  hourly new acute (all / unscripted): ${f.hourly.map((h) => `${h.hour.slice(6, 11)} ${h.acute}/${h.unscripted}`).join(', ')}`,
  ];
}
