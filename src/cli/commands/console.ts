import v8 from 'node:v8';
import { resolveSettings } from '../../config/index.js';
import { startSession } from '../../app/session.js';
import { runConsole } from '../../app/run-console.js';
import { UsageError, type Command } from '../command.js';
import { requireFile } from '../files.js';
import { cliLang } from '../i18n/lang.js';
import { cliText } from '../i18n/text.js';
import { openNamedCache } from '../open-inputs.js';
import { parseFlags, settingsFlags } from '../parse-flags.js';

function parse(argv: readonly string[]) {
  return parseFlags(argv, {
    options: {
      url: { type: 'string' },
      cache: { type: 'string' },
      'token-file': { type: 'string' },
      ca: { type: 'string' },
      lang: { type: 'string' },
      ascii: { type: 'boolean' },
      'stale-after': { type: 'string' },
      seed: { type: 'string' },
      config: { type: 'string' },
    },
  }).values;
}

const number = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError('flag.positive', { flag: `--${flag}`, value: text });
  return n;
};

export const consoleCommand: Pick<Command, 'run'> = {
  async run(argv, io) {
    const v = parse(argv);
    const seed = number('seed', v.seed);
    const staleAfterSeconds = number('stale-after', v['stale-after']);
    if (v['token-file'] !== undefined) requireFile('--token-file', v['token-file']);
    if (v.ca !== undefined) requireFile('--ca', v.ca);
    const settings = resolveSettings(
      {
        ...settingsFlags(v),
        ...(v.ascii !== undefined && { ascii: v.ascii }),
        ...(staleAfterSeconds !== undefined && { staleAfterSeconds }),
        ...(seed !== undefined && { demoSeed: seed }),
      },
      io.env,
    );
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      io.stderr.write(`hubmon: ${cliText(cliLang(argv, io.env), 'cli.needsTerminal')}\n`);
      return 2;
    }
    // A console stays open all night: a small heap over fewer collections (docs/PERFORMANCE.md), set before loading.
    v8.setFlagsFromString('--optimize-for-size');
    const session = await openNamedCache('--cache', settings.cache ?? '', () =>
      startSession({ settings, env: io.env, notice: (line) => io.stderr.write(`${line}\n`) }),
    );
    return runConsole(session, settings);
  },
};
