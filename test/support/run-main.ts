/** `hubmon` in this process: its entry point `main` with captured output, for tests of what a command prints. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** Runs `hubmon argv` with HOME pointing nowhere (no user's settings), plus `env`; its exit code and output. */
export async function runMain(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(argv, { stdout, stderr, env: { HOME: '/nonexistent', ...env } });
  return { code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() };
}
