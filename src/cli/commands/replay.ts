import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertsSource } from '../../app/console-sources.js';
import { showConsole } from '../../app/show-console.js';
import { createAlertEngine } from '../../alerts/index.js';
import { resolveSettings } from '../../config/index.js';
import { createMetrics } from '../../metrics/index.js';
import { ReplayPlayer, replaySource } from '../../record/replay-player.js';
import { loadReplay } from '../../sim/replay-source.js';
import { openCache } from '../../store/index.js';
import { idleIngest } from '../../ui/index.js';
import { UsageError, type Command } from '../command.js';
import { oneFile, parseFlags } from '../parse-flags.js';

const help = `Usage: hubmon replay FILE [options]

Opens a recording (hubmon record, hubmon sim --record) in the console, on the recording's own
clock: every screen shows what it showed live at that moment, alerts included. The events are
fed into a temporary cache, removed on exit.

Time controls (listed with the console's own keys under ? and in the key hints):
  P     pause / resume the replay clock
  .     step: apply the next event and pause
  [  ]  replay half / twice as fast (×1 … ×3600)
  >     jump 10 recorded minutes ahead, or to the next event after a quiet stretch
  }     jump to the last recorded event

Options:
  --speed X     recorded seconds per real second, 1…3600          (default 60)
  --lang vi|en  console language                                  (default: from LANG)
  -h, --help    show this help

Example:
  hubmon replay su-co-2026-11-20.ndjson --speed 120
`;

const TICK_MS = 250;

export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay a recorded stream in the console, with pause, step and speed keys',
  help,
  async run(argv, io) {
    const parsed = parseFlags(argv, {
      options: { speed: { type: 'string' }, lang: { type: 'string' } },
      allowPositionals: true,
    });
    const file = oneFile(parsed.positionals, 'give exactly one recording FILE');
    const speed = parsed.values.speed === undefined ? 60 : Number(parsed.values.speed);
    if (!(speed >= 1 && speed <= 3600))
      throw new UsageError(`--speed must be between 1 and 3600, got "${parsed.values.speed}"`);
    const settings = resolveSettings({ ...(parsed.values.lang !== undefined && { lang: parsed.values.lang }) }, io.env);
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      io.stderr.write(
        'hubmon replay: the console needs a terminal. To judge or tabulate a recording use "hubmon status --source FILE" or "hubmon report --source FILE".\n',
      );
      return 2;
    }

    const source = await loadReplay(file);
    if (source.events.length === 0)
      throw new Error(
        `${file} holds no events${source.skipped.length ? ` (${source.skipped.length} unreadable lines)` : ''}`,
      );
    const dir = mkdtempSync(join(tmpdir(), 'hubmon-replay-'));
    let clock = source.events[0]?.t ?? 0;
    const cache = openCache({ path: join(dir, 'replay.sqlite'), now: () => clock });
    try {
      const player = new ReplayPlayer(cache, source, speed);
      clock = player.state().now;
      const metrics = createMetrics(cache);
      const engine = createAlertEngine({ metrics, now: () => clock });
      const names = new Map<string, string>([
        ...source.agencies.map((a) => [a.id, a.name] as const),
        ...source.securityServers.map((s) => [s.id, s.name] as const),
      ]);
      const alerts = alertsSource(engine, metrics, settings.lang, { evaluate: true, nameOf: (id) => names.get(id) });
      const timer = setInterval(() => {
        player.tick(TICK_MS);
        clock = player.state().now;
      }, TICK_MS);
      let exitCode: number;
      try {
        exitCode = await showConsole({
          metrics,
          alerts,
          ingest: idleIngest({ state: 'live', lastMessageAt: clock }),
          now: () => clock,
          // The time keys reach the player through the console's one key dispatcher.
          replay: replaySource(player, (now) => (clock = now)),
          lang: settings.lang,
          env: io.env,
        });
      } finally {
        clearInterval(timer);
      }
      const s = player.state();
      io.stderr.write(
        `hubmon replay: stopped at ${new Date(s.now).toISOString()}, ${s.applied} of ${s.total} events applied\n`,
      );
      return exitCode;
    } finally {
      cache.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
