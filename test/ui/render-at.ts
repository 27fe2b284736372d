/** Renders the console with ink-testing-library at a fixed terminal size (its default is 100 columns). */
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { App, type AppProps } from '../../src/ui/App.js';
import { manualTicker } from '../support/manual-ticker.js';
import { idleIngest } from '../../src/ui/data/sources.js';
import { fixtureAlerts, fixtureMetrics, NOW } from './fixture.js';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
/** Ink parses input and React commits in separate turns of the event loop. */
export const tick = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await turn();
};

export async function renderConsoleAt(columns: number, rows: number, props: Partial<AppProps> = {}) {
  const ticker = manualTicker();
  const alerts = props.alerts ?? fixtureAlerts();
  const app = render(
    createElement(App, {
      metrics: fixtureMetrics(),
      ingest: idleIngest({ lastMessageAt: NOW - 1000, eventsPerSec: 12.5 }),
      alerts,
      now: () => NOW,
      ticker,
      lang: 'en',
      ...props,
    }),
  );
  Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
  app.stdout.emit('resize');
  await tick();
  const frame = (): string => app.lastFrame() ?? '';
  const press = async (...keys: string[]): Promise<string> => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick();
    }
    await tick();
    return frame();
  };
  /**
   * Waits (up to `ms`) for a frame that `ready` accepts and returns the last frame either way:
   * a data refresh redraws after Ink's render throttle, which a loaded machine can stretch past
   * a few turns of the event loop.
   */
  const settle = async (ready: (frame: string) => boolean, ms = 2_000): Promise<string> => {
    const until = performance.now() + ms;
    await tick();
    while (!ready(frame()) && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
    return frame();
  };
  return { ...app, ticker, alerts, frame, press, settle };
}

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  pageDown: '\u001b[6~',
};
