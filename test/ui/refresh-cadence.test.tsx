/** The refresh cadence: a header tick reads the header's figures only; a full tick the list too. */
import { describe, expect, it } from 'vitest';
import { renderConsoleAt } from './render-at.js';
import { fixtureData, fixtureMetrics, NOW } from './fixture.js';

describe('refresh cadence', () => {
  it('keeps the list as read on a header tick and reads it again on a full tick', async () => {
    const data = fixtureData();
    let now = NOW;
    const app = await renderConsoleAt(80, 24, { metrics: fixtureMetrics(data), now: () => now });
    const line = (frame: string): string | undefined => frame.split('\n').find((l) => l.includes('MCBM VPCP'));
    const before = line(await app.press('3'));
    expect(before).toBeDefined();
    const vpcp = data.servers?.find((s) => s.serverId === 'MCBM-001');
    if (vpcp) Object.assign(vpcp, { state: 'disconnected', since: NOW - 1000 });
    now += 2000;

    app.ticker.tick('header');
    const afterHeader = line(await app.press());
    expect(afterHeader).toBe(before);

    app.ticker.tick('full');
    const afterFull = line(await app.settle((f) => line(f) !== before));
    expect(afterFull).not.toBe(before);
    expect(afterFull?.startsWith('•')).toBe(true);
  });
});
