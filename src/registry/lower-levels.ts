/**
 * The registry: the fixtures' top-level units and, on request, the levels below generated from a seed — all
 * level-2 units first, then communes, offices, level 4, so 12,000 agencies look like the hub around 2020.
 */
import type { Agency, SecurityServer } from '../protocol/index.js';
import { loadFixtures, type AgencyProfile, type TopLevelAgency } from './fixtures.js';
import { childId } from './identifier.js';
import { PlanBuilder, ranked, type PlanUnit } from './plan.js';
import { planCentral } from './plan-central.js';
import { planProvince } from './plan-province.js';
import { deriveSeed, intBetween, mulberry32, type Rng } from './rng.js';

/** Agencies (parents always before their children), security servers, and every agency's traffic profile by id. */
export type Registry = ReturnType<typeof buildRegistry>;

interface BuildOptions {
  /** How many agencies in all; defaults to the top level only (95). */
  readonly totalAgencies?: number;
  /** Same seed, same registry. */
  readonly seed?: number;
  /** Top-level ids whose units down to the commune join first, so a small registry reaches the commune. */
  readonly communesIn?: readonly string[];
}

/** The provinces the demo holds down to the commune: Nghệ An, Cao Bằng (the seeds' real codes), Ninh Bình. */
export const DEMO_COMMUNES_IN: readonly string[] = ['000.00.00.H41', '000.00.00.H14', '000.00.00.H42'];

export const DEFAULT_SEED = 20190312; // the day the hub opened

interface Candidate {
  readonly unit: PlanUnit;
  readonly parent: PlanUnit | TopLevelAgency;
  /** Sibling number, which becomes its group in the identifier. */
  readonly number: number;
  readonly siblingWeight: number;
  readonly topIndex: number;
}

export function buildRegistry(options: BuildOptions = {}) {
  const fixtures = loadFixtures();
  const seed = options.seed ?? DEFAULT_SEED;
  const top = fixtures.agencies;
  const total = options.totalAgencies ?? top.length;
  if (!Number.isInteger(total) || total < top.length)
    throw new RangeError(`totalAgencies must be a whole number of at least ${top.length}, got ${total}`);
  const agencies: Agency[] = top.map(({ id, name, connection, securityServer }) => {
    return { id, name, level: 1, parent: null, connection, securityServer };
  });
  const profiles = new Map<string, AgencyProfile>(top.map((a) => [a.id, a.profile]));
  const securityServers: SecurityServer[] = fixtures.securityServers.map(({ hosting: _, ...server }) => server);
  if (total === top.length) return { agencies, securityServers, profiles };

  const candidates = growthOrder(top, seed, new Set(options.communesIn ?? []));
  const planned = top.length + candidates.length;
  if (planned < total) throw new RangeError(`the plan for seed ${seed} holds ${planned} agencies; asked for ${total}`);
  const placed = new Map<PlanUnit | TopLevelAgency, Agency>(top.map((a, i) => [a, agencies[i]!]));
  for (const c of candidates.slice(0, total - top.length)) {
    const parent = placed.get(c.parent);
    if (!parent) throw new Error(`growth order placed ${c.unit.name} before its parent`);
    const id = childId(parent.id, c.number);
    const { name, dedicatedServer: ownServer } = c.unit;
    if (ownServer) securityServers.push(dedicatedServer(id, name, securityServers.length + 1, seed));
    const securityServer = ownServer ? securityServers.at(-1)!.id : parent.securityServer;
    const level = (parent.level + 1) as Agency['level'];
    // Lower levels reach the hub the way their ministry or province does (seed 002 I.III.1).
    const agency: Agency = { id, name, level, parent: parent.id, connection: parent.connection, securityServer };
    agencies.push(agency);
    placed.set(c.unit, agency);
    const share = c.unit.weight / c.siblingWeight;
    profiles.set(id, scaleProfile(profiles.get(parent.id)!, share, mulberry32(deriveSeed(seed, id))));
  }
  return { agencies, securityServers, profiles };
}

/** Every planned unit below the top level, in the order the registry grows. */
function growthOrder(top: readonly TopLevelAgency[], seed: number, first: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  top.forEach((agency, topIndex) => {
    const builder = new PlanBuilder(mulberry32(deriveSeed(seed, agency.id)));
    const plan = agency.kind === 'province' ? planProvince(builder, agency.name) : planCentral(builder, agency.name);
    const visit = (parent: PlanUnit | TopLevelAgency, children: readonly PlanUnit[]) => {
      const siblingWeight = children.reduce((sum, u) => sum + u.weight, 0);
      children.forEach((unit, i) => {
        out.push({ unit, parent, number: i + 1, siblingWeight, topIndex });
        visit(unit, unit.children);
      });
    };
    visit(agency, ranked(plan));
  });
  const early = (c: Candidate): number => (c.unit.tier <= 2 && first.has(top[c.topIndex]!.id) ? 0 : 1);
  // The sort is stable: candidates tied on all of these keep the plan's own order.
  const byTier = (a: Candidate, b: Candidate) => a.unit.tier - b.unit.tier || a.unit.rank - b.unit.rank;
  return out.sort((a, b) => early(a) - early(b) || byTier(a, b) || a.topIndex - b.topIndex);
}

/** A general department's own server (`MCBM-NNN`); its certificate expires 2027–2029, drawn from the agency id. */
function dedicatedServer(agencyId: string, agencyName: string, number: number, seed: number): SecurityServer {
  const rng = mulberry32(deriveSeed(seed, `server:${agencyId}`));
  const expires = new Date(Date.UTC(intBetween(rng, 2027, 2029), intBetween(rng, 0, 11), intBetween(rng, 1, 28)));
  return {
    id: `MCBM-${String(number).padStart(3, '0')}`,
    name: `Máy chủ bảo mật ${agencyName}`,
    certificateExpiresAt: expires.toISOString().replace('.000Z', 'Z'),
  };
}

/**
 * What the units one level down send and receive together, relative to their parent. Seed 002 part I.III.1
 * (12/3–30/9/2019): level 2 sent 44,889 against 116,630 at the top level, received 143,697 against 343,547.
 */
const CHILDREN_SENT_RATIO = 44_889 / 116_630;
const CHILDREN_RECEIVED_RATIO = 143_697 / 343_547;

/**
 * Signed share lost per level down: seed 002 part I.IV.2c notes that departments and district
 * committees had not all been issued certificates. 0.95 per level is a default, not a figure.
 */
const SIGNED_SHARE_PER_LEVEL = 0.95;

/** How far a child's rates may drift from its parent's, relative, each way (so small rates stay small). */
const RATE_JITTER = 0.15;

/**
 * A lower-level unit's profile: its parent's volumes shared out by weight (`weightShare`: its weight over its planned
 * siblings'), rates near the parent's; `rng` is its own stream, whatever else exists.
 */
function scaleProfile(parent: AgencyProfile, weightShare: number, rng: Rng): AgencyProfile {
  const jitter = (value: number) => clamp01(value * (1 + (rng() * 2 - 1) * RATE_JITTER));
  return {
    sentPerYear: Math.max(1, Math.round(parent.sentPerYear * CHILDREN_SENT_RATIO * weightShare)),
    receivedPerYear: Math.max(1, Math.round(parent.receivedPerYear * CHILDREN_RECEIVED_RATIO * weightShare)),
    signedShare: jitter(parent.signedShare * SIGNED_SHARE_PER_LEVEL),
    electronicShare: jitter(parent.electronicShare),
    replyDeadlineShare: jitter(parent.replyDeadlineShare),
    answeredShare: jitter(parent.answeredShare),
    onTimeShare: jitter(parent.onTimeShare),
    statusCodesReported: [...parent.statusCodesReported],
  };
}

const clamp01 = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
