/** A hub that says it cannot tell deadlines (a gateway to X-Road): the console says so instead of zeros. */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryMetrics } from '../support/memory-metrics.js';
import { fixtureData } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const gatewayMetrics = () => {
  const data = fixtureData();
  return memoryMetrics({ ...data, stream: { ...data.stream, notReported: ['statuses', 'deadlines'] } });
};

describe('a hub that does not report deadlines', () => {
  it.each([
    ['en', 'sig fail 3.4% · deadlines not reported', 'not reported by this hub: its source carries no reply deadlines'],
    ['vi', 'hạn trả lời: trục không báo', 'trục này không báo: nguồn dữ liệu của nó không có hạn trả lời'],
  ] as const)('%s: the Overview and the Deadlines screen say so', async (lang, overview, deadlines) => {
    const app = await renderConsoleAt(80, 24, { metrics: gatewayMetrics(), lang });
    const first = app.frame();
    expect(first).toContain(overview);
    expect(first).not.toMatch(/overdue 14|quá hạn 14/);
    const screen = await app.press('5');
    expect(screen).toContain(deadlines);
    expect(screen).not.toContain('000.00.00.H41');
  });

  it('a hub that reports them keeps the counts', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(app.frame()).toContain('overdue 14 · due<24h 3');
    expect(await app.press('5')).toContain('000.00.00.H41');
  });
});

describe('a hub that does not report processing statuses', () => {
  it.each([
    ['en', 'not reported by this hub: its source carries no processing statuses'],
    ['vi', 'trục này không báo: nguồn dữ liệu của nó không có trạng thái xử lý'],
  ] as const)('%s: an agency detail says so instead of a funnel of zeros', async (lang, words) => {
    const app = await renderConsoleAt(100, 24, { metrics: gatewayMetrics(), lang });
    const detail = await app.press('2', KEY.enter);
    expect(detail).toContain(words);
    expect(detail).not.toMatch(/01 \d+ › 02/);
  });

  it('a hub that reports them keeps the funnel', async () => {
    const app = await renderConsoleAt(100, 24);
    expect(await app.press('2', KEY.enter)).toMatch(/01 \d+ › 02/);
  });
});
