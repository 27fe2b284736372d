/** The console's public surface: `renderConsole` for the `console` and `replay` commands, and its sources. */
import { render, type Instance } from 'ink';
import { createElement } from 'react';
import { App, type AppProps } from './App.js';
import { langFromEnv } from '../config/load.js';
import type { Lang } from '../config/settings.js';
import { themeFromEnv } from './theme/theme.js';

export * from './data/sources.js';
export { ScreenLoader } from './data/screen-loader.js';

export interface ConsoleOptions extends Omit<AppProps, 'lang' | 'theme'> {
  /** Default: from LC_ALL / LC_MESSAGES / LANG. */
  readonly lang?: Lang;
  /** Environment for the language and NO_COLOR defaults; process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** The terminal drawn on and read from; the process's own streams by default. */
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  readonly stderr?: NodeJS.WriteStream;
}

/**
 * Draws the console on the terminal and returns Ink's instance: `await instance.waitUntilExit()` resolves when the
 * operator quits (q) and rejects with the error if the UI failed; either way the terminal is restored.
 */
export function renderConsole(options: ConsoleOptions): Instance {
  const env = options.env ?? process.env;
  const { stdout, stdin, stderr, env: _env, ...rest } = options;
  const props: AppProps = { ...rest, lang: options.lang ?? langFromEnv(env), theme: themeFromEnv(env) };
  // A stream left out must not reach Ink as `undefined`: that would override Ink's own default.
  return render(createElement(App, props), {
    stdout: stdout ?? process.stdout,
    stdin: stdin ?? process.stdin,
    stderr: stderr ?? process.stderr,
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: 20,
    // Not `incrementalRendering`: under Ink 6.8 it leaves rows of the previous screen standing (docs/PERFORMANCE.md).
  });
}
