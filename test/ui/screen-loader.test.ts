/** The screen loader over a real cache: what each screen reads again, and when, by its policy. */
import { afterEach, describe, expect, it } from 'vitest';
import { ScreenLoader, type ScreenRequest, type Snapshot } from '../../src/ui/data/screen-loader.js';
import { idleIngest, type AlertsSource, type AlertView } from '../../src/ui/data/sources.js';
import { READING } from '../../src/ui/screens/screen-def.js';
import type { AgencyModel } from '../../src/ui/view/agency-model.js';
import type { WorstModel } from '../../src/ui/view/overview-model.js';
import { fixtureCache, MIN, S2 } from '../metrics/fixture.js';
import { A, docId } from '../support/telemetry.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 3, 30);
const sent = (at: number, from: string, n: number, to: string): [number, 'document.sent', unknown] => [
  at,
  'document.sent',
  { docId: docId(from, n), sender: from, recipients: [to], attachments: 0, sizeBytes: 10 },
];

function setUp(incidents: AlertView[] = []) {
  fx = fixtureCache(NOW);
  fx.write(sent(NOW - 5 * MIN, A.caoBang, 1, A.vpcp));
  const looked: number[] = [];
  const alerts: AlertsSource = {
    list: () => incidents,
    acknowledge: () => false,
    looked: (at) => void looked.push(at),
  };
  const loader = new ScreenLoader({ metrics: fx.metrics, ingest: idleIngest(), alerts, now: () => NOW });
  return { fx, loader, looked };
}

const screen = (id: 'overview' | 'agencies' | 'servers' | 'alerts'): ScreenRequest => ({
  route: { kind: 'screen', screen: id },
  window: '1h',
  perConcern: 5,
});
const models = (s: Snapshot) => ('gone' in s.data ? [] : (s.data.list?.models ?? [])) as readonly unknown[];
const agency = (s: Snapshot, id: string) => (models(s) as AgencyModel[]).find((m) => m.id === id);

describe('the screen loader', () => {
  it('draws the first frame with the head and reads the list at the next tick, whatever the policy', () => {
    const { loader } = setUp();
    const first = loader.first(screen('overview'), NOW);
    expect(first.data).toBe(READING);
    expect((first.head as { totals: { sent: number } }).totals.sent).toBe(1);
    // Any tick after it reads the list, though the Overview's policy says once a minute.
    const full = loader.tick('header', screen('overview'), NOW + 2);
    expect(full.data).not.toBe(READING);
    expect('gone' in full.data ? null : full.data.list?.spec).toBeTruthy();
  });

  it("reads the agencies' sparklines only when their trend column fits, and at once when it comes to fit", () => {
    const { loader } = setUp();
    const narrow = loader.tick('full', { ...screen('agencies'), trend: false }, NOW);
    expect(agency(narrow, A.caoBang)?.total.sent).toBe(1);
    const sum = (spark: readonly number[] = []): number => spark.reduce((a, b) => a + b, 0);
    expect(sum(agency(narrow, A.caoBang)?.total.spark)).toBe(0);
    // Widened: the same tick reads again (a new request), with the sparklines.
    const wide = loader.tick('header', { ...screen('agencies'), trend: true }, NOW + 1_000);
    expect(wide.data).not.toBe(narrow.data);
    expect(sum(agency(wide, A.caoBang)?.total.spark)).toBe(1);
  });

  it('reads the Agencies list again when new events arrive, and hands back the same list when none did', () => {
    const { fx, loader } = setUp();
    const first = loader.tick('full', screen('agencies'), NOW);
    expect(agency(first, A.caoBang)?.total.sent).toBe(1);

    // Nothing new, within 10 s: the list drawn before, and its time.
    const same = loader.tick('full', screen('agencies'), NOW + 2_000);
    expect(same.data).toBe(first.data);
    expect(same.listAt).toBe(first.listAt);
    expect(same.now).toBe(NOW + 2_000);

    // A new event: read at once; the rows that did not move are the objects drawn before.
    fx.write(sent(NOW + 3_000, A.ngheAnCommune, 2, A.vpcp));
    const header = loader.tick('header', screen('agencies'), NOW + 4_000);
    expect(header.data).toBe(first.data);
    const after = loader.tick('full', screen('agencies'), NOW + 4_000);
    expect(agency(after, A.ngheAn)?.total.sent).toBe(1);
    expect(agency(after, A.caoBang)).toBe(agency(first, A.caoBang));
    const moved = (models(after) as AgencyModel[]).filter((m) => m !== agency(first, m.id)).map((m) => m.id);
    expect(moved.sort()).toEqual([A.ngheAn, A.ngheAnDept, A.ngheAnCommune].sort());
  });

  it("ranks the Overview's worst agencies once a minute, but at once when a server goes down", () => {
    const { fx, loader } = setUp();
    const serverRows = (s: Snapshot) =>
      (models(s) as WorstModel[]).filter((w) => w.concern === 'server').map((w) => w.agency.id);
    const first = loader.tick('full', screen('overview'), NOW);
    expect(serverRows(first)).toEqual([]);

    // Server 2 goes down: the totals above the ranking say so at once, and so does the ranking.
    fx.write([NOW + 5_000, 'server.state', { serverId: S2, state: 'disconnected' }]);
    const down = loader.tick('full', screen('overview'), NOW + 10_000);
    expect((down.head as { totals: { serversDown: number } }).totals.serversDown).toBe(1);
    expect(serverRows(down)).toHaveLength(1);

    // New traffic alone waits for the minute.
    fx.write(...Array.from({ length: 3 }, (_, i) => sent(NOW + 11_000 + i, A.ngheAnCommune, 10 + i, A.caoBang)));
    const soon = loader.tick('full', screen('overview'), NOW + 20_000);
    expect(soon.data).toBe(down.data);
    const later = loader.tick('full', screen('overview'), NOW + 80_000);
    expect(later.listAt).toBe(NOW + 80_000);
  });

  it('tells the alerts when the operator comes back to the Incidents screen after a while', () => {
    const { loader, looked } = setUp();
    loader.tick('full', screen('alerts'), NOW);
    loader.tick('full', screen('alerts'), NOW + 2_000);
    expect(looked).toEqual([]);
    loader.tick('full', screen('overview'), NOW + 4_000);
    loader.tick('full', screen('alerts'), NOW + 60_000);
    expect(looked).toEqual([NOW + 2_000]);
  });

  it('marks agencies with their acute incidents, and reads the list again when they change', () => {
    const incidents: AlertView[] = [];
    const { loader } = setUp(incidents);
    const first = loader.tick('full', screen('agencies'), NOW);
    expect(agency(first, A.quiet)?.incidents).toEqual([]);
    incidents.push({
      id: 'i1',
      rule: 'agency-silent',
      severity: 'warning',
      state: 'firing',
      agencyId: A.quiet,
      subject: 'quiet',
      summary: 'silent',
      since: NOW,
      acknowledgedBy: null,
      acknowledgedAt: null,
      folded: [],
      kind: 'acute',
    });
    const after = loader.tick('full', screen('agencies'), NOW + 2_000);
    expect(agency(after, A.quiet)?.incidents).toEqual(['quiet']);
    expect(agency(after, A.caoBang)).toBe(agency(first, A.caoBang));
  });
});
