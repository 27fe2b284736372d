/** The console on the process's terminal: the modes it takes and gives back, the signals that end it. */
import { constants } from 'node:os';
import { renderConsole, type ConsoleOptions } from '../ui/index.js';

/** Signals that end the console: the SSH link dropping (HUP), a polite kill, Ctrl-C from outside. */
const SIGNALS = ['SIGHUP', 'SIGTERM', 'SIGINT'] as const;

/** The alternate screen (so the operator's shell comes back as it was) and a hidden cursor, and back. */
const ENTER = '\u001b[?1049h\u001b[H';
const LEAVE = '\u001b[?25h\u001b[?1049l';

/**
 * Draws the console on the process's terminal until the operator quits or a signal arrives, then unmounts, runs `close`
 * (what must be written is written while the screen still shows the console) and gives the terminal back. Returns the
 * exit code: 0, 128 + the signal, or 1 when the UI failed.
 */
export async function showConsole(
  options: Omit<ConsoleOptions, 'stdout' | 'stdin' | 'stderr'>,
  close: () => Promise<void> | void = () => {},
): Promise<number> {
  const { stdout } = process;
  stdout.write(ENTER);
  let restored = false;
  // Gives the terminal back; safe to call more than once.
  const restore = (): void => {
    if (restored) return;
    restored = true;
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    // Written synchronously-enough: process.exit may follow straight away.
    try {
      stdout.write(LEAVE);
    } catch {
      // The terminal is gone (SSH link dropped): nothing to give back.
    }
  };
  process.once('exit', restore);
  const instance = renderConsole({ ...options, stdout, stdin: process.stdin, stderr: process.stderr });
  let exitCode = 0;
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    exitCode = 128 + constants.signals[signal];
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
    try {
      await close();
    } finally {
      restore();
    }
  }
  return exitCode;
}
