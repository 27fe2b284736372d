/** The console's public surface: `renderConsole` for the `console` and `replay` commands, and its sources. */
import { render, type Instance, type RenderOptions } from 'ink';
import { createElement } from 'react';
import { App, type AppProps } from './App.js';
import type { Lang } from '../config/settings.js';
import { themeFromEnv } from './theme/theme.js';

export * from './data/sources.js';
export { ScreenLoader } from './data/screen-loader.js';

/** The terminal drawn on and read from, and `env` for the NO_COLOR default (process.env by default). */
export type ConsoleOptions = Omit<AppProps, 'lang' | 'theme'> &
  Required<Pick<RenderOptions, 'stdout' | 'stdin' | 'stderr'>> & {
    readonly lang: Lang;
    readonly env?: NodeJS.ProcessEnv;
  };

/**
 * Draws the console on the terminal and returns Ink's instance: `await instance.waitUntilExit()` resolves when the
 * operator quits (q) and rejects with the error if the UI failed; either way the terminal is restored.
 */
export function renderConsole({ stdout, stdin, stderr, env = process.env, ...props }: ConsoleOptions): Instance {
  return render(createElement(App, { ...props, theme: themeFromEnv(env) }), {
    stdout,
    stdin,
    stderr,
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: 20,
    // Not `incrementalRendering`: under Ink 6.8 it leaves rows of the previous screen standing (docs/PERFORMANCE.md).
  });
}
