/**
 * The incident script: the faults an operator must catch, the same per seed. The first cycle sits around the
 * simulated start so the demo shows every incident within minutes; it repeats every {@link INCIDENT_CYCLE_MS}.
 */
import type { Agency, SecurityServer } from '../protocol/index.js';
import { deriveSeed, mulberry32 } from '../registry/rng.js';
import type { SimWorld } from './world.js';
import { HOUR, MIN } from './rhythm.js';

/** How often the script repeats, with fresh targets. */
export const INCIDENT_CYCLE_MS = 6 * HOUR;

export type IncidentKind =
  /** A security server drops off (mất kết nối) and comes back later. */
  | 'server_down'
  /** A security server connects and disconnects about every minute. */
  | 'server_flapping'
  /** One agency's signing certificate expired: every document it sends fails verification. */
  | 'signature_failure_burst'
  /** One agency's document system stops reporting processing statuses. */
  | 'status_silence'
  /** One agency sends the same document (same id) again and again. */
  | 'duplicate_sends'
  /** One agency stops answering deadline documents; overdue replies pile up. */
  | 'overdue_pile';

export interface Incident {
  readonly kind: IncidentKind;
  /** Which repetition of the script (0 = the one around the start). */
  readonly cycle: number;
  /** Security server id or agency id. */
  readonly target: string;
  readonly targetName: string;
  /** Simulated time the incident begins and ends, epoch ms. */
  readonly from: number;
  readonly to: number;
  /** Agencies whose documents it affects (those behind a server, or the target agency). */
  readonly affectedAgencies: readonly string[];
}

/** Where each incident sits relative to the cycle's anchor (the simulated start for cycle 0). */
const INCIDENT_TIMING: Readonly<Record<IncidentKind, { from: number; to: number }>> = {
  status_silence: { from: -20 * MIN, to: 40 * MIN },
  overdue_pile: { from: -3 * HOUR, to: 40 * MIN },
  server_down: { from: 1 * MIN, to: 13 * MIN },
  duplicate_sends: { from: 90_000, to: 25 * MIN },
  server_flapping: { from: 2 * MIN, to: 22 * MIN },
  signature_failure_burst: { from: 3 * MIN, to: 15 * MIN },
};

export const OVERDUE_PILE_SIZE = 24;

export const cycleAnchor = (start: number, cycle: number): number => start + cycle * INCIDENT_CYCLE_MS;

/** Plans one cycle of the script. Pure: same world, seed, start and cycle, same incidents. */
export function planIncidents(world: SimWorld, seed: number, start: number, cycle: number): Incident[] {
  const rng = mulberry32(deriveSeed(seed, `incidents/${cycle}`));
  const t0 = cycleAnchor(start, cycle);
  const usedServers = new Set<number>();
  const usedAgencies = new Set<number>();
  const incidents: Incident[] = [];
  const p = world.profiles;
  /** One of the first `top` of `ranked`, drawn from the script's stream. */
  const pick = (ranked: number[], top: number): number | undefined => {
    const pool = ranked.slice(0, top);
    return pool.length ? pool[Math.floor(rng() * pool.length)] : undefined;
  };
  const add = (kind: IncidentKind, { id, name }: Agency | SecurityServer, affectedAgencies: string[]): void => {
    const { from, to } = INCIDENT_TIMING[kind];
    incidents.push({ kind, cycle, target: id, targetName: name, from: t0 + from, to: t0 + to, affectedAgencies });
  };
  // A server among the busiest with agencies behind it.
  const traffic = (s: number): number =>
    world.agenciesBehind[s]!.reduce((sum, i) => sum + p[i]!.sentPerYear + p[i]!.receivedPerYear, 0);
  const servers = world.securityServers
    .map((_, i) => i)
    .filter((i) => world.agenciesBehind[i]!.length > 0)
    .sort((a, b) => traffic(b) - traffic(a) || a - b);
  for (const kind of ['server_down', 'server_flapping'] as const) {
    const s = pick(
      servers.filter((i) => !usedServers.has(i)),
      12,
    );
    if (s === undefined) continue;
    usedServers.add(s);
    const behind = world.agenciesBehind[s]!.map((i) => world.agencies[i]!.id);
    add(kind, world.securityServers[s]!, behind);
  }
  // A busy level-1 agency, not behind a faulty server, not already used, preferring `ok` ones.
  const agencyIncident = (kind: IncidentKind, rank: (i: number) => number, ok: (i: number) => boolean): void => {
    const free = world.agencies
      .map((_, i) => i)
      .filter((i) => !usedAgencies.has(i) && !usedServers.has(world.serverOf[i]!) && world.agencies[i]!.level === 1);
    const preferred = free.filter(ok);
    const a = pick(
      (preferred.length ? preferred : free).sort((x, y) => rank(y) - rank(x) || x - y),
      20,
    );
    if (a === undefined) return;
    usedAgencies.add(a);
    add(kind, world.agencies[a]!, [world.agencies[a]!.id]);
  };
  const sent = (i: number): number => p[i]!.sentPerYear;
  const received = (i: number): number => p[i]!.receivedPerYear;
  agencyIncident('signature_failure_burst', sent, (i) => p[i]!.signedShare >= 0.9);
  agencyIncident('status_silence', received, (i) => p[i]!.statusCodesReported.length >= 4);
  agencyIncident('duplicate_sends', sent, () => true);
  agencyIncident('overdue_pile', received, () => true);
  return incidents;
}
