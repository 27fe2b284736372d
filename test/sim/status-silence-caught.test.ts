/**
 * The simulated hub's status silence as an operator meets it: 12,000 agencies, a working
 * morning, the sim's own hour of history (its default), the console judging every minute from
 * the start. The silence began before the console looked; the rule holds it pending from the
 * start and fires it within its `for`, and the Agencies screen's "no statuses reported" filter
 * lists that agency then, from the same incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agenciesBehind, defaultAlertConfig, groupIncidents } from '../../src/alerts/index.js';
import { alertsSource } from '../../src/app/console-sources.js';
import { planIncidents, worldFromRegistry, type Incident as Scripted } from '../../src/sim/index.js';
import { incidentMarks } from '../../src/ui/view/incident-marks.js';
import { hasProblem } from '../../src/ui/view/agency-filter.js';
import type { AgencyModel } from '../../src/ui/view/agency-model.js';
import { startSimCache, type SimCache } from '../support/sim-cache.js';
import { tempDir } from '../support/telemetry.js';

const MIN = 60_000;
/** Thursday 19 November 2026, 10:00 in Hà Nội. */
const START = Date.UTC(2026, 10, 19, 3, 0);
const SEED = 20190312;
const FOR = defaultAlertConfig().rules.statusSilence.for;

const tmp = tempDir('hubmon-sim-silence-');
let sim: SimCache;
let silence: Scripted;
let firingAt: number | null = null;
let pendingAt: number | null = null;
/** Minutes it was firing, up to the end of the run. */
const firingMinutes: number[] = [];
/** A console started later than the hub meets the silence well under way: still firing then. */
const RUN = 30 * MIN;

beforeAll(() => {
  sim = startSimCache({ dir: tmp.dir, agencies: 12_000, seed: SEED, start: START, historyMs: 60 * MIN });
  silence = planIncidents(worldFromRegistry(sim.registry), SEED, START, 0).find((s) => s.kind === 'status_silence')!;
  const behind = agenciesBehind(sim.metrics.agencies());
  sim.runUntil(START + RUN, (now) => {
    const mine = groupIncidents(sim.engine.current().alerts, behind).find(
      (i) => i.rule === 'status-silence' && i.subject.agency === silence.target,
    );
    if (now >= START && mine && pendingAt === null) pendingAt = now;
    if (mine?.phase === 'firing' && firingAt === null) firingAt = now;
    if (mine?.phase === 'firing') firingMinutes.push(now);
  });
}, 600_000);
afterAll(() => {
  sim?.close();
  tmp.cleanup();
});

describe('status silence on the simulated hub (12,000 agencies, one hour of history)', () => {
  it('is under way when the console starts', () => {
    expect(silence.from).toBeLessThan(START);
    expect(silence.to).toBeGreaterThan(START + RUN);
  });

  it('is pending from the first minutes and fires within its for', () => {
    expect(pendingAt, `${silence.target} ${silence.targetName}`).not.toBeNull();
    expect(pendingAt! - START).toBeLessThanOrEqual(MIN);
    expect(firingAt, `${silence.target} ${silence.targetName}`).not.toBeNull();
    expect(firingAt! - pendingAt!).toBeLessThanOrEqual(FOR + MIN);
  });

  it('stays firing while the silence lasts, however long before the console it began', () => {
    expect(firingMinutes.at(-1)).toBe(START + RUN);
    expect(firingMinutes.length).toBe((START + RUN - firingAt!) / MIN + 1);
  });

  it('puts that agency, and only agencies the rule found, under the "no statuses reported" filter', () => {
    const now = START + RUN;
    const list = alertsSource(sim.engine, sim.metrics, 'en').list(now);
    const marks = incidentMarks(list);
    const model = (id: string) =>
      ({ id, status: { overall: 'ok' }, incidents: marks.get(id) ?? [] }) as unknown as AgencyModel;
    expect(hasProblem(model(silence.target), 'silence')).toBe(true);
    const silent = sim.metrics
      .agencies()
      .map((a) => a.id)
      .filter((id) => hasProblem(model(id), 'silence'));
    const byRule = list.filter((a) => a.rule === 'status-silence' && a.state === 'firing').map((a) => a.agencyId);
    expect(silent.sort()).toEqual([...byRule].sort());
  });
});
