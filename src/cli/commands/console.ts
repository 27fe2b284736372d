import v8 from 'node:v8';
import { resolveSettings, SettingsError } from '../../config/index.js';
import { startSession } from '../../app/session.js';
import { runConsole } from '../../app/run-console.js';
import { UsageError, type Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const help = `Usage: hubmon [console] [options]

Watches a hub's telemetry live. With no hub given (no --url, HUBMON_URL or config file url)
it starts the built-in simulated hub and says DEMO in the header.

Options:
  --url URL            hub telemetry endpoint, ws://HOST:PORT/v1/telemetry or wss://…
  --cache PATH         cache file (default: one per hub under $XDG_CACHE_HOME/hubmon/;
                       the demo uses a throw-away file)
  --token-file PATH    file holding the hub's bearer token (must not be readable by others);
                       or set HUBMON_TOKEN. Never give the token itself on the command line.
  --ca FILE            extra CA certificate(s), PEM, to verify a wss:// hub
  --lang vi|en         interface language (default from LANG)
  --ascii              fold diacritics and line drawing for terminals without Unicode
  --stale-after SECS   no message for this long: the link is stale (default 3 heartbeats)
  --seed N             seed of the simulated hub in DEMO mode              (default 1)
  --config PATH        settings file (default $XDG_CONFIG_HOME/hubmon/config.json)
  -h, --help           show this help
  -V, --version        show the version

Settings come from flags, then HUBMON_URL, HUBMON_CACHE, HUBMON_LANG, HUBMON_ASCII, then the
config file, then defaults. NO_COLOR turns colour off. Alert thresholds are read from
$XDG_CONFIG_HOME/hubmon/alerts.json (see docs/ALERTS.md). Press ? in the console for its keys.

Examples:
  hubmon                                             # DEMO: simulated hub
  hubmon --url wss://truc.example.gov.vn/v1/telemetry --token-file ~/.config/hubmon/token
`;

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
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} expects a positive number, got "${text}"`);
  return n;
};

export const consoleCommand: Command = {
  name: 'console',
  summary: 'watch a hub live (the default; no --url: the simulated hub, DEMO)',
  help,
  async run(argv, io) {
    const v = parse(argv);
    const seed = number('seed', v.seed);
    const staleAfterSeconds = number('stale-after', v['stale-after']);
    let settings;
    try {
      settings = resolveSettings(
        {
          ...(v.url !== undefined && { url: v.url }),
          ...(v.cache !== undefined && { cache: v.cache }),
          ...(v['token-file'] !== undefined && { tokenFile: v['token-file'] }),
          ...(v.ca !== undefined && { ca: v.ca }),
          ...(v.lang !== undefined && { lang: v.lang }),
          ...(v.ascii !== undefined && { ascii: v.ascii }),
          ...(staleAfterSeconds !== undefined && { staleAfterSeconds }),
          ...(seed !== undefined && { demoSeed: seed }),
          ...(v.config !== undefined && { config: v.config }),
        },
        io.env,
      );
    } catch (err) {
      if (err instanceof SettingsError) throw new UsageError(err.message);
      throw err;
    }
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      io.stderr.write('hubmon: the console needs a terminal. For scripts and monitoring use "hubmon status".\n');
      return 2;
    }
    // A console stays open all night: V8 is asked to favour a small heap over fewer collections
    // (measured on a national registry: 150 MiB resident instead of 220, for about the same CPU).
    // Set here, before the session's data is loaded, and only for the console.
    v8.setFlagsFromString('--optimize-for-size');
    const session = await startSession({ settings, env: io.env, notice: (line) => io.stderr.write(`${line}\n`) });
    return runConsole(session, settings);
  },
};
