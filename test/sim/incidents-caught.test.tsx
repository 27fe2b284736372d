/**
 * The simulated national hub (12,000 agencies) through its scripted incidents, stored in a real
 * cache file and judged every minute as the console judges it: each incident is found as an
 * incident of the right rule and subject within its time, in `hubmon status --json` and on the
 * console's Overview; the outage's affected agencies are the agencies behind that server.
 */
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agenciesBehind, groupIncidents, type Incident, type RuleId } from '../../src/alerts/index.js';
import { alertsSource } from '../../src/app/console-sources.js';
import { createStatusCommand } from '../../src/cli/commands/status.js';
import { planIncidents, worldFromRegistry, type Incident as Scripted, type IncidentKind } from '../../src/sim/index.js';
import { App } from '../../src/ui/App.js';
import { idleIngest } from '../../src/ui/data/sources.js';
import { manualTicker } from '../support/manual-ticker.js';
import { startSimCache, type SimCache } from '../support/sim-cache.js';
import { tempDir } from '../support/telemetry.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Wednesday 18 November 2026, 09:00 in Hà Nội. */
const START = Date.UTC(2026, 10, 18, 2, 0);
const SEED = 20261118;
/** When the check looks: every scripted incident of the first cycle is still under way. */
const CHECK = START + 12 * MIN;

/**
 * The rule each scripted incident must be found by, its kind, and how long after the incident
 * began it may take: the rule's `for` plus the time its condition needs to show (three drops of
 * a flapping server, three resends; for a status silence, 15 minutes without a status and two
 * documents delivered meanwhile, which at this province's ~8 documents an hour takes up to
 * half an hour), plus one evaluation.
 */
const EXPECTED: Record<IncidentKind, { rule: RuleId; kind: Incident['kind']; within: number }> = {
  server_down: { rule: 'server-disconnected', kind: 'acute', within: 2 * MIN + MIN },
  server_flapping: { rule: 'server-flapping', kind: 'acute', within: 6 * MIN },
  signature_failure_burst: { rule: 'signature-failures', kind: 'acute', within: 3 * MIN },
  status_silence: { rule: 'status-silence', kind: 'acute', within: 35 * MIN },
  duplicate_sends: { rule: 'duplicate-sends', kind: 'acute', within: 7 * MIN },
  overdue_pile: { rule: 'overdue-replies', kind: 'standing', within: 15 * MIN },
};

const tmp = tempDir('hubmon-sim-incidents-');
let sim: SimCache;
let scripted: Scripted[];
const found = new Map<IncidentKind, number>();
let behind: (server: string) => readonly string[];

/** The incident standing for a scripted one, if any: its rule, and its server or agency. */
function match(
  incidents: readonly {
    rule: string;
    kind: string;
    subject: { server?: string; agency?: string };
    agencies: readonly string[];
  }[],
  s: Scripted,
) {
  const want = EXPECTED[s.kind];
  return incidents.find(
    (i) =>
      i.rule === want.rule &&
      i.kind === want.kind &&
      (s.kind === 'server_down' || s.kind === 'server_flapping'
        ? i.subject.server === s.target
        : want.kind === 'standing'
          ? i.agencies.includes(s.target)
          : i.subject.agency === s.target),
  );
}

beforeAll(() => {
  sim = startSimCache({ dir: tmp.dir, agencies: 12_000, seed: SEED, start: START, historyMs: 4 * HOUR });
  scripted = planIncidents(worldFromRegistry(sim.registry), SEED, START, 0);
  behind = agenciesBehind(sim.metrics.agencies());
  sim.runUntil(CHECK, (now) => {
    const incidents = groupIncidents(sim.engine.current().alerts, behind).filter((i) => i.phase === 'firing');
    for (const s of scripted) if (!found.has(s.kind) && now >= s.from && match(incidents, s)) found.set(s.kind, now);
  });
}, 600_000);
afterAll(() => {
  sim?.close();
  tmp.cleanup();
});

describe('the scripted incidents of the simulated hub (12,000 agencies)', () => {
  it('scripts all six kinds in the first cycle', () => {
    expect(scripted.map((s) => s.kind).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED) as IncidentKind[])(
    'finds %s as an incident of its rule and subject in time',
    (kind) => {
      const s = scripted.find((x) => x.kind === kind)!;
      const at = found.get(kind);
      expect(at, `${kind} (${s.target} ${s.targetName}) never found as ${EXPECTED[kind].rule}`).toBeDefined();
      expect(at! - s.from, `${kind} found ${((at! - s.from) / MIN).toFixed(0)} min after it began`).toBeLessThanOrEqual(
        EXPECTED[kind].within,
      );
    },
  );

  it('lists, for the outage, exactly the agencies behind that server in the registry', () => {
    const outage = scripted.find((s) => s.kind === 'server_down')!;
    const incident = match(groupIncidents(sim.engine.current().alerts, behind), outage)!;
    const registryBehind = sim.registry.agencies.filter((a) => a.securityServer === outage.target).map((a) => a.id);
    expect(incident.agencies).toEqual([...registryBehind].sort());
    expect(incident.agencies).toEqual([...outage.affectedAgencies].sort());
  });

  it('reports each in `hubmon status --json`, acute ones first in the summary', async () => {
    let out = '';
    const status = createStatusCommand(() => CHECK);
    const code = await status.run(['--cache', sim.path, '--json'], {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: () => true },
      env: {},
    } as never);
    const doc = JSON.parse(out);
    expect(code).toBe(2);
    for (const s of scripted) expect(match(doc.incidents, s), s.kind).toBeDefined();
    const outage = match(
      doc.incidents,
      scripted.find((s) => s.kind === 'server_down')!,
    ) as { id: string } | undefined;
    expect(outage?.id).toMatch(/^server-disconnected server=/);
    expect(doc.perfdata.incidents_acute.value).toBeGreaterThanOrEqual(5);
    expect(doc.perfdata.incidents_standing.value).toBeGreaterThanOrEqual(1);
    const kinds = doc.incidents.map((i: Incident) => i.kind);
    expect(kinds).toEqual(
      [...kinds].sort((a: string, b: string) => Number(a === 'standing') - Number(b === 'standing')),
    );
    expect(doc.summary).toMatch(/^1 security server down, /);
  });

  it('shows each acute incident on the Overview at 80×24, above the standing lines', async () => {
    const app = render(
      createElement(App, {
        metrics: sim.metrics,
        ingest: idleIngest({ lastMessageAt: CHECK - 1000 }),
        alerts: alertsSource(sim.engine, sim.metrics, 'en'),
        now: () => CHECK,
        ticker: manualTicker(),
        lang: 'en',
      }),
    );
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    app.stdout.emit('resize');
    const until = performance.now() + 10_000;
    let frame = '';
    while (performance.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      frame = app.lastFrame() ?? '';
      if (frame.includes('Security server')) break;
    }
    app.unmount();
    const name = (id: string) => sim.registry.agencies.find((a) => a.id === id)?.name ?? id;
    const lines = frame.split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));
    for (const s of scripted.filter((x) => EXPECTED[x.kind].kind === 'acute')) {
      const text =
        s.kind === 'server_down'
          ? `Security server ${s.targetName.slice(0, 12)}`
          : s.kind === 'server_flapping'
            ? `Security server ${s.targetName.slice(0, 12)}`
            : name(s.target).slice(0, 14);
      expect(lineOf(text), `${s.kind}: ${text}\n${frame}`).toBeGreaterThan(0);
    }
    expect(lineOf('Overdue replies —'), frame).toBeGreaterThan(lineOf('Security server'));
  });
});
