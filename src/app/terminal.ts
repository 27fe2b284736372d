/**
 * The terminal modes the console takes and must give back: the alternate screen (so the
 * operator's shell comes back as it was) and a hidden cursor.
 */
const ENTER = '\u001b[?1049h\u001b[H';
const LEAVE = '\u001b[?25h\u001b[?1049l';

export interface TerminalGuard {
  /** Gives the terminal back; safe to call more than once. */
  restore(): void;
}

export function takeTerminal(stdout: NodeJS.WriteStream): TerminalGuard {
  stdout.write(ENTER);
  let restored = false;
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
  return { restore };
}
