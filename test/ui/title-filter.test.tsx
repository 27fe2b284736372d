/** A kept filter stays in sight on a list whose title is long: the title is cut, not the filter. */
import { afterEach, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

it('keeps the filter and its count on the title line of a server’s agencies at 40 columns', async () => {
  const app = await renderConsoleAt(40, 24);
  await app.press('3');
  const behind = await app.press('\r');
  const title = behind.split('\n')[2]!;
  expect(title).toMatch(/^Agencies behind /);
  app.stdin.write('/kim\r');
  const kept = await app.settle((f) => /filter “kim” \d+ of \d+/.test(f.split('\n')[2] ?? ''));
  const line = kept.split('\n')[2]!;
  expect(line).toMatch(/^Agencies behind .*…/);
  expect(line).toMatch(/filter “kim” \d+ of \d+$/);
});
