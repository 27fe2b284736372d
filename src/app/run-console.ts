import type { Settings } from '../config/index.js';
import { renderConsole } from '../ui/index.js';
import { alertsSource, ingestSource } from './console-sources.js';
import type { Session } from './session.js';
import { takeTerminal } from './terminal.js';

/** Signals that end the console: the SSH link dropping (HUP), a polite kill, Ctrl-C from outside. */
const SIGNALS = ['SIGHUP', 'SIGTERM', 'SIGINT'] as const;
const SIGNAL_NUMBER = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Draws the console until the operator quits or a signal arrives, then unmounts, closes the
 * session (pending events written, cache closed) and gives the terminal back.
 */
export async function runConsole(session: Session, settings: Settings): Promise<number> {
  const terminal = takeTerminal(process.stdout);
  const instance = renderConsole({
    metrics: session.metrics,
    ingest: ingestSource(session.ingest, session.demo, session.notices, session.readOnly),
    alerts: alertsSource(session.alerts, session.metrics, settings.lang),
    now: Date.now,
    lang: settings.lang,
    ascii: settings.ascii,
    stdout: process.stdout,
    stdin: process.stdin,
    stderr: process.stderr,
  });

  let exitCode = 0;
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    exitCode = 128 + SIGNAL_NUMBER[signal];
    instance.unmount();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    await instance.waitUntilExit();
  } catch (err) {
    exitCode = 1;
    process.stderr.write(`hubmon: ${(err as Error).message}\n`);
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
    await session.close();
    terminal.restore();
  }
  return exitCode;
}
