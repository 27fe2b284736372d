/**
 * The Incidents screen's keys over the real alert engine and its incidents: Space marks rows,
 * `a` acknowledges the marked ones (or the one under the cursor), Enter lists the affected
 * agencies, and what began since the operator last looked is marked.
 */
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../../src/alerts/index.js';
import { alertsSource } from '../../src/app/console-sources.js';
import { agency, delivery, emptyData, fakeMetrics, server } from '../alerts/fake-metrics.js';
import { fixtureMetrics, NOW } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';

const NGHE_AN = '000.00.00.H41';
const VPCP = '000.00.00.G22';
const KIM_LIEN = '000.01.01.H41';

function incidents() {
  const data = {
    ...emptyData(),
    agencies: [agency(NGHE_AN, 'MCBM-041'), agency(VPCP, 'MCBM-001'), agency(KIM_LIEN, 'MCBM-099')],
    servers: [server('MCBM-099', { state: 'disconnected', since: NOW - 10 * 60_000, agencyIds: [KIM_LIEN] })],
    delivery: [
      { ...delivery(NGHE_AN, 0, 0), duplicateSends: 4 },
      { ...delivery(VPCP, 0, 0), duplicateSends: 5 },
    ],
  };
  const engine = createAlertEngine({ metrics: fakeMetrics(data), now: () => NOW, user: 'truc-dem' });
  engine.evaluate(NOW);
  return { engine, alerts: alertsSource(engine, fixtureMetrics(), 'en') };
}

describe('the Incidents screen', () => {
  it('acknowledges the rows marked with Space, together, with a', async () => {
    const { engine, alerts } = incidents();
    const app = await renderConsoleAt(80, 24, { alerts });
    const list = await app.press('6');
    // Acute, critical first: the outage, then the two agencies sending duplicates.
    expect(list).toMatch(/CRIT firing {2}Security server/);
    await app.press('j', ' ', ' ');
    expect(app.frame()).toMatch(/\* +WARN firing/);
    const after = await app.press('a');
    expect(after).toContain('acknowledged 2 incidents');
    const acked = engine
      .current()
      .alerts.filter((a) => a.ack !== null)
      .map((a) => a.rule);
    expect(acked).toEqual(['duplicate-sends', 'duplicate-sends']);
    expect(after).toContain('⚠ 1 crit · 0 warn');
  });

  it('acknowledges the one under the cursor when nothing is marked', async () => {
    const { engine, alerts } = incidents();
    const app = await renderConsoleAt(80, 24, { alerts });
    await app.press('6', 'a');
    expect(engine.current().alerts.find((a) => a.rule === 'server-disconnected')?.ack?.by).toBe('truc-dem');
  });

  it('lists the agencies an incident affects on Enter, with the Agencies columns', async () => {
    const { alerts } = incidents();
    const app = await renderConsoleAt(80, 24, { alerts });
    const affected = await app.press('6', KEY.enter);
    expect(affected).toContain('Affected: Security server');
    expect(affected).toContain(KIM_LIEN);
    expect(affected).toContain('Incid');
  });

  it('marks what began since the operator last looked', () => {
    const { alerts } = incidents();
    expect(alerts.list(NOW).some((a) => a.fresh)).toBe(false);
    alerts.looked?.(NOW - 60 * 60_000);
    expect(alerts.list(NOW).every((a) => a.fresh)).toBe(true);
    alerts.looked?.(NOW + 1);
    expect(alerts.list(NOW).some((a) => a.fresh)).toBe(false);
  });
});
