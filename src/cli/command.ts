/** One `hubmon` subcommand. `run` returns the process exit code; it never calls process.exit. */
export interface Command {
  readonly name: string;
  /** One line for `hubmon --help`. */
  readonly summary: string;
  /** The full `hubmon NAME --help` text: usage, every option, an example. */
  readonly help: string;
  /** The help in the language the arguments or the environment ask for, when the command has more than one. */
  helpFor?(argv: readonly string[], env: NodeJS.ProcessEnv): string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** Where a command writes; tests pass their own streams. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo = (): CommandIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** A usage mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
