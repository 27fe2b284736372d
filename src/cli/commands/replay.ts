import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertsSource } from '../../app/console-sources.js';
import { showConsole } from '../../app/show-console.js';
import { createAlertEngine } from '../../alerts/index.js';
import { liveMetrics } from '../../metrics/index.js';
import { ReplayRun, replayControls } from '../../record/replay-run.js';
import { loadReplay } from '../../sim/replay-source.js';
import { idleIngest } from '../../ui/index.js';
import { formatDateTime } from '../../ui/text/format-time.js';
import { cliWords, CommandError, type Command } from '../command.js';
import { requireFile } from '../inputs.js';
import { badValue, oneFile, parseFlags, settingsOf, strings } from '../parse-flags.js';

const TICK_MS = 250;

export const replayCommand: Pick<Command, 'run'> = {
  async run(argv, io) {
    const t = cliWords(argv, io.env);
    const { values, positionals } = parseFlags(argv, { options: strings('speed', 'lang'), allowPositionals: true });
    const file = oneFile(positionals, 'arg.replayFile');
    const speed = values.speed === undefined ? 60 : Number(values.speed);
    if (!(speed >= 1 && speed <= 3600))
      throw badValue('--speed', values.speed, { key: 'expect.range' }, { min: 1, max: 3600 });
    requireFile('FILE', file);
    const settings = settingsOf(values, io.env);
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      io.stderr.write(`hubmon replay: ${t('cli.replayNeedsTerminal')}\n`);
      return 2;
    }
    const source = await loadReplay(file);
    const n = source.skipped.length;
    if (source.events.length === 0) throw new CommandError(n ? 'file.noEventsSkipped' : 'file.noEvents', { file, n });
    const dir = mkdtempSync(join(tmpdir(), 'hubmon-replay-'));
    const names = new Map([...source.agencies, ...source.securityServers].map((u) => [u.id, u.name]));
    const nameOf = (id: string) => names.get(id);
    // Each build of the recording (one more at every step back) gets its own metrics and alerts.
    const run = new ReplayRun(source, dir, speed, (cache, now) => {
      const metrics = liveMetrics(cache);
      const engine = createAlertEngine({ metrics, now });
      return { metrics, alerts: alertsSource(engine, metrics, settings.lang, { evaluate: true, nameOf }) };
    });
    const timer = setInterval(() => run.tick(TICK_MS), TICK_MS);
    try {
      const exitCode = await showConsole({
        metrics: run.metrics,
        alerts: run.alerts,
        ingest: idleIngest({ state: 'live', lastMessageAt: run.now() }),
        now: () => run.now(),
        // The time keys reach the run through the console's one key dispatcher.
        replay: replayControls(run),
        lang: settings.lang,
        env: io.env,
      });
      const { now, applied, total } = run.state();
      io.stderr.write(`${t('replay.stopped', { time: `${formatDateTime(now)} (UTC+7)`, applied, total })}\n`);
      return exitCode;
    } finally {
      clearInterval(timer);
      run.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
