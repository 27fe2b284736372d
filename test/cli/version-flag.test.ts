/** `--version` / `-V` as the console's help lists them: first, or among any command's flags. */
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';
import { VERSION } from '../../src/version.js';

describe('the version flag', () => {
  it.each([[['--version']], [['-V']], [['--lang', 'vi', '-V']], [['console', '--version']], [['status', '-V']]])(
    '%j prints the version and exits 0',
    async (argv) => {
      const r = await runMain(argv);
      expect(r).toEqual({ code: 0, out: `hubmon ${VERSION}\n`, err: '' });
    },
  );
});
