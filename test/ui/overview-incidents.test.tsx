/** The Overview lists the firing incidents it has room for, acute first, and says how many more. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fixtureAlerts, NOW } from './fixture.js';
import { renderConsoleAt } from './render-at.js';
import type { AlertView } from '../../src/ui/data/sources.js';
import { overviewLayout, firingIncidents } from '../../src/ui/view/overview-layout.js';

afterEach(() => cleanup());

const MIN = 60_000;
const incident = (n: number, severity: 'critical' | 'warning', kind: 'acute' | 'standing'): AlertView => ({
  id: `i${n}`,
  rule: kind === 'acute' ? 'server-disconnected' : 'overdue-replies',
  severity,
  state: 'firing',
  agencyId: null,
  subject: '',
  summary: `Incident ${n} ${severity} ${kind}`,
  since: NOW - n * MIN,
  acknowledgedBy: null,
  acknowledgedAt: null,
  folded: [],
  kind,
  agencies: [],
});

const incidentLines = (frame: string): string[] => frame.split('\n').filter((l) => /Incident \d+/.test(l));

describe('Overview incidents', () => {
  it('lists acute before standing, critical before warning, newest first', async () => {
    const alerts = fixtureAlerts();
    alerts.items.splice(
      0,
      alerts.items.length,
      incident(1, 'warning', 'standing'),
      incident(2, 'warning', 'acute'),
      incident(3, 'critical', 'standing'),
      incident(4, 'critical', 'acute'),
      incident(5, 'critical', 'acute'),
    );
    const app = await renderConsoleAt(80, 24, { alerts });
    const lines = incidentLines(app.frame()).map((l) => l.match(/Incident (\d+)/)![1]);
    expect(lines).toEqual(['4', '5', '2', '3', '1']);
    expect(app.frame()).toContain('Firing alerts (5)');
    expect(app.frame()).not.toContain('more firing');
  });

  it('shows as many as fit at 80×24, the critical ones first, and counts the rest with the key', async () => {
    const alerts = fixtureAlerts();
    const many = Array.from({ length: 14 }, (_, i) => incident(i + 1, i % 3 === 2 ? 'critical' : 'warning', 'acute'));
    alerts.items.splice(0, alerts.items.length, ...many);
    const app = await renderConsoleAt(80, 24, { alerts });
    const frame = app.frame();
    const shown = incidentLines(frame);
    const layout = overviewLayout(24 - 5, 14);
    expect(shown.length).toBe(layout.incidentRows);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    // Every critical one (3, 6, 9, 12) is on screen before any warning.
    expect(shown.slice(0, 4).every((l) => l.includes('CRIT'))).toBe(true);
    expect(frame).toContain(`+${14 - shown.length} more firing — 6 lists every incident`);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('lists more on a taller terminal', async () => {
    const alerts = fixtureAlerts();
    alerts.items.splice(
      0,
      alerts.items.length,
      ...Array.from({ length: 14 }, (_, i) => incident(i + 1, 'warning', 'acute')),
    );
    const app = await renderConsoleAt(80, 40, { alerts });
    expect(incidentLines(app.frame())).toHaveLength(14);
    expect(app.frame()).not.toContain('more firing');
  });

  it('says it in Vietnamese', async () => {
    const alerts = fixtureAlerts();
    alerts.items.splice(
      0,
      alerts.items.length,
      ...Array.from({ length: 20 }, (_, i) => incident(i + 1, 'warning', 'acute')),
    );
    const app = await renderConsoleAt(80, 24, { alerts, lang: 'vi' });
    expect(app.frame()).toMatch(/\+\d+ sự cố nữa đang báo — phím 6 xem tất cả/);
  });

  it('keeps the table a few rows and never gives the incidents less than one', () => {
    expect(overviewLayout(19, 0)).toEqual({ incidentRows: 0, tableRows: 13 });
    expect(overviewLayout(19, 3)).toEqual({ incidentRows: 3, tableRows: 11 });
    expect(overviewLayout(19, 30)).toEqual({ incidentRows: 9, tableRows: 4 });
    expect(overviewLayout(6, 5).incidentRows).toBe(1);
    expect(firingIncidents([{ ...incident(1, 'critical', 'acute'), state: 'acknowledged' }])).toEqual([]);
  });

  it('counts a flapping server as degraded in the servers line, once', async () => {
    const flap = (server: string): AlertView => ({
      ...incident(1, 'warning', 'acute'),
      id: `flap ${server}`,
      rule: 'server-flapping',
      serverId: server,
    });
    const alerts = fixtureAlerts();
    alerts.items.splice(0, alerts.items.length, flap('MCBM-001'), flap('MCBM-041'));
    const app = await renderConsoleAt(80, 24, { alerts });
    // MCBM-041 is degraded already; MCBM-001 is up between its drops.
    expect(app.frame()).toContain('Servers: 1 down, 2 weak/3');
    // The Servers screen shows the same two as weak: MCBM-001 as flapping, not up.
    const servers = (await app.press('3')).split('\n');
    expect(servers.find((l) => l.includes('MCBM-001'))).toMatch(/\bflapping\b/);
    expect(servers.find((l) => l.includes('MCBM-041'))).toMatch(/\bweak\b/);
  });

  it('still counts a flapping server once its incident is acknowledged: the server has not steadied', async () => {
    const alerts = fixtureAlerts();
    const acked: AlertView = {
      ...incident(1, 'warning', 'acute'),
      id: 'flap MCBM-001',
      rule: 'server-flapping',
      serverId: 'MCBM-001',
      state: 'acknowledged',
    };
    alerts.items.splice(0, alerts.items.length, acked);
    const app = await renderConsoleAt(80, 24, { alerts });
    expect(app.frame()).toContain('Servers: 1 down, 2 weak/3');
  });
});

describe('an agency with an acute incident of its own', () => {
  it.each([
    ['en', 'Incident', 'duplicate sends'],
    ['vi', 'Sự cố', 'gửi trùng văn bản'],
  ] as const)('%s: is a row of the worst agencies, and Enter opens it', async (lang, concern, words) => {
    const alerts = fixtureAlerts();
    alerts.items.push({
      ...incident(9, 'warning', 'acute'),
      rule: 'duplicate-sends',
      agencyId: '000.00.00.G22',
      agencies: ['000.00.00.G22'],
    });
    const app = await renderConsoleAt(80, 30, { alerts, lang });
    const row = app
      .frame()
      .split('\n')
      .find((l) => l.includes('000.00.00.G22') && l.includes(words));
    expect(row).toBeDefined();
    expect(row).toContain(concern);
    let frame = app.frame();
    for (let i = 0; i < 12 && !/^›.*000\.00\.00\.G22/m.test(frame); i++) frame = await app.press('j');
    expect(await app.press('\r')).toMatch(/000\.00\.00\.G22 · /);
  });
});
