/** `--version` / `-V` as the console's help lists them: first, or among any command's flags. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(argv, { stdout, stderr, env: { HOME: '/nonexistent' } });
  return { code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() };
}

describe('the version flag', () => {
  it.each([[['--version']], [['-V']], [['--lang', 'vi', '-V']], [['console', '--version']], [['status', '-V']]])(
    '%j prints the version and exits 0',
    async (argv) => {
      const r = await run(argv);
      expect(r).toEqual({ code: 0, out: `hubmon ${VERSION}\n`, err: '' });
    },
  );
});
