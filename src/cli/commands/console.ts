import v8 from 'node:v8';
import { startSession } from '../../app/session.js';
import { runConsole } from '../../app/run-console.js';
import { cliWords, type Command } from '../command.js';
import { openNamedCache, requireFile } from '../inputs.js';
import { badValue, parseFlags, settingsOf, strings } from '../parse-flags.js';

const number = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw badValue(`--${flag}`, text, { key: 'expect.positive' });
  return n;
};

export const consoleCommand: Pick<Command, 'run'> = {
  async run(argv, io) {
    const { values: v } = parseFlags(argv, {
      options: {
        ...strings('url', 'cache', 'token-file', 'ca', 'lang'),
        ascii: { type: 'boolean' },
        ...strings('stale-after', 'seed', 'config'),
      },
    });
    const [demoSeed, staleAfterSeconds] = [number('seed', v.seed), number('stale-after', v['stale-after'])];
    if (v['token-file'] !== undefined) requireFile('--token-file', v['token-file']);
    if (v.ca !== undefined) requireFile('--ca', v.ca);
    const settings = settingsOf(v, io.env, { ascii: v.ascii, staleAfterSeconds, demoSeed });
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      io.stderr.write(`hubmon: ${cliWords(argv, io.env)('cli.needsTerminal')}\n`);
      return 2;
    }
    // A console stays open all night: its heap grows by 30 % over what is live, not V8's default of up to 100 %
    // (docs/PERFORMANCE.md: the same resident memory as `--optimize-for-size`, with fewer collections).
    v8.setFlagsFromString('--heap-growing-percent=30');
    const session = await openNamedCache('--cache', settings.cache ?? '', () =>
      startSession({ settings, env: io.env, notice: (line) => io.stderr.write(`${line}\n`) }),
    );
    return runConsole(session, settings);
  },
};
