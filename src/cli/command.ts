/** What a `hubmon` subcommand is, where it writes, the errors it stops with and the signals that end it. */
import type { Help } from './help/help.js';
import type { CliKey, CliParams } from './i18n/text.js';

/** One `hubmon` subcommand. `run` returns the process exit code; it never calls process.exit. */
export interface Command {
  readonly name: string;
  /** `hubmon --help`'s line and the `hubmon NAME --help` text, in each language. */
  readonly help: Help;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** Where a command writes; tests pass their own streams. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** An error named by a message key, so it is printed in the operator's language. */
abstract class WordedError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: CliParams = {},
  ) {
    super(key);
  }
}

/** A usage mistake: one line with a pointer to --help, exit code 2. */
export class UsageError extends WordedError {}

/** A command that cannot go on for a reason the operator can fix (a missing cache): exit code 1. */
export class CommandError extends WordedError {}

/** Resolves at the first SIGINT or SIGTERM: how sim, gateway and record learn to close cleanly. */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
