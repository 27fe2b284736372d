/**
 * The incident script: the faults an operator must catch, planned per seed so the same seed
 * always breaks the same things at the same moments. The first cycle is placed around the
 * simulated start so a newcomer running the demo sees every incident within minutes; the
 * script then repeats every {@link INCIDENT_CYCLE_MS} with other targets.
 */
import { vietnamClock } from '../protocol/index.js';
import { deriveSeed, mulberry32, type Rng } from '../registry/rng.js';
import type { SimWorld } from './world.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

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
  /** One line for people: what happens, to whom, when. */
  readonly summary: string;
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

/** Number of deadline documents in the overdue pile. */
export const OVERDUE_PILE_SIZE = 24;

export function cycleAnchor(start: number, cycle: number): number {
  return start + cycle * INCIDENT_CYCLE_MS;
}

/** Plans one cycle of the script. Pure: same world, seed, start and cycle, same incidents. */
export function planIncidents(world: SimWorld, seed: number, start: number, cycle: number): Incident[] {
  const rng = mulberry32(deriveSeed(seed, `incidents/${cycle}`));
  const anchor = cycleAnchor(start, cycle);
  const at = (kind: IncidentKind) => ({
    from: anchor + INCIDENT_TIMING[kind].from,
    to: anchor + INCIDENT_TIMING[kind].to,
  });
  const usedServers = new Set<number>();
  const usedAgencies = new Set<number>();
  const incidents: Incident[] = [];

  const serverIncident = (kind: 'server_down' | 'server_flapping', what: string): void => {
    const s = pickServer(world, rng, usedServers);
    if (s === undefined) return;
    usedServers.add(s);
    const server = world.securityServers[s];
    if (!server) return;
    const behind = (world.agenciesBehind[s] ?? []).map((i) => world.agencies[i]?.id ?? '');
    const { from, to } = at(kind);
    incidents.push({
      kind,
      cycle,
      target: server.id,
      targetName: server.name,
      from,
      to,
      affectedAgencies: behind,
      summary: `${server.id} (${server.name}) ${what} ${vietnamClock(from)}–${vietnamClock(to)}; ${behind.length} ${behind.length === 1 ? 'agency' : 'agencies'} behind it`,
    });
  };
  serverIncident('server_down', 'disconnected');
  serverIncident('server_flapping', 'flaps connected/disconnected about every minute');

  const agencyIncident = (
    kind: IncidentKind,
    rank: (i: number) => number,
    ok: (i: number) => boolean,
    what: string,
  ): void => {
    const a = pickAgency(world, rng, usedAgencies, usedServers, rank, ok);
    if (a === undefined) return;
    usedAgencies.add(a);
    const agency = world.agencies[a];
    if (!agency) return;
    const { from, to } = at(kind);
    incidents.push({
      kind,
      cycle,
      target: agency.id,
      targetName: agency.name,
      from,
      to,
      affectedAgencies: [agency.id],
      summary: `${agency.id} (${agency.name}) ${what} ${vietnamClock(from)}–${vietnamClock(to)}`,
    });
  };
  const p = world.profiles;
  agencyIncident(
    'signature_failure_burst',
    (i) => p[i]?.sentPerYear ?? 0,
    (i) => (p[i]?.signedShare ?? 0) >= 0.9,
    'sends documents whose certificate has expired',
  );
  agencyIncident(
    'status_silence',
    (i) => p[i]?.receivedPerYear ?? 0,
    (i) => (p[i]?.statusCodesReported.length ?? 0) >= 4,
    'stops reporting processing statuses',
  );
  agencyIncident(
    'duplicate_sends',
    (i) => p[i]?.sentPerYear ?? 0,
    () => true,
    'sends the same document again and again',
  );
  agencyIncident(
    'overdue_pile',
    (i) => p[i]?.receivedPerYear ?? 0,
    () => true,
    `leaves ${OVERDUE_PILE_SIZE} deadline documents unanswered, deadlines passing`,
  );
  return incidents;
}

function pickServer(world: SimWorld, rng: Rng, used: Set<number>): number | undefined {
  const candidates = world.securityServers
    .map((_, i) => i)
    .filter((i) => !used.has(i) && (world.agenciesBehind[i]?.length ?? 0) > 0)
    .sort((a, b) => trafficBehind(world, b) - trafficBehind(world, a) || a - b)
    .slice(0, 12);
  return candidates.length ? candidates[Math.floor(rng() * candidates.length)] : undefined;
}

function trafficBehind(world: SimWorld, server: number): number {
  let sum = 0;
  for (const i of world.agenciesBehind[server] ?? []) {
    const p = world.profiles[i];
    if (p) sum += p.sentPerYear + p.receivedPerYear;
  }
  return sum;
}

/** A busy level-1 agency, not behind a faulty server, not already used, preferring `ok` ones. */
function pickAgency(
  world: SimWorld,
  rng: Rng,
  used: Set<number>,
  usedServers: Set<number>,
  rank: (i: number) => number,
  ok: (i: number) => boolean,
): number | undefined {
  const free = world.agencies
    .map((_, i) => i)
    .filter((i) => !used.has(i) && !usedServers.has(world.serverOf[i] ?? -1) && world.agencies[i]?.level === 1);
  const preferred = free.filter(ok);
  const pool = (preferred.length ? preferred : free).sort((a, b) => rank(b) - rank(a) || a - b).slice(0, 20);
  return pool.length ? pool[Math.floor(rng() * pool.length)] : undefined;
}
