import { untilStopSignal } from '../stop-signal.js';
import { parseDuration } from '../../alerts/duration.js';
import { readTokenFile } from '../../ingest/token.js';
import { vietnamClock } from '../../protocol/index.js';
import { DEFAULT_SEED } from '../../registry/index.js';
import { startSimHub, type SimHub, type SimHubOptions } from '../../sim/index.js';
import { UsageError, type Command } from '../command.js';
import { requireFile } from '../files.js';
import { simHelp, simSummary } from '../help/sim-help.js';
import { cliLang } from '../i18n/lang.js';
import { cliTranslator, type CliTranslate } from '../i18n/text.js';
import { OVERDUE_PILE_SIZE, type Incident } from '../../sim/incidents.js';
import { parseFlags } from '../parse-flags.js';

/** A whole number from `min` to `max` (the default when not given). */
function wholeNumber(name: string, text: string | undefined, fallback: number, min = 1, max?: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || (max !== undefined && n > max))
    throw new UsageError(max === undefined ? 'flag.wholeMin' : 'flag.wholeRange', {
      flag: `--${name}`,
      min,
      max: max ?? '',
      value: text,
    });
  return n;
}

/** A scripted incident in the operator's language. */
function incidentLine(i: Incident, t: CliTranslate): string {
  return t(`incident.${i.kind}`, {
    id: i.target,
    name: i.targetName,
    from: vietnamClock(i.from),
    to: vietnamClock(i.to),
    n: i.affectedAgencies.length,
    pile: OVERDUE_PILE_SIZE,
  });
}

/** Starts the hub, naming the flag behind a socket the system refused. */
async function listen(options: SimHubOptions): Promise<SimHub> {
  try {
    return await startSimHub(options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError('flag.portInUse', { value: options.port ?? 0 });
    if (code === 'EACCES') throw new UsageError('flag.portDenied', { value: options.port ?? 0 });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      throw new UsageError('flag.host', { value: options.host ?? '', code });
    throw err;
  }
}

export const simCommand: Command = {
  name: 'sim',
  summary: simSummary,
  help: simHelp,
  async run(argv, io) {
    const t = cliTranslator(cliLang(argv, io.env));
    const { values } = parseFlags(
      argv,
      {
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          seed: { type: 'string' },
          speed: { type: 'string' },
          agencies: { type: 'string' },
          start: { type: 'string' },
          history: { type: 'string' },
          buffer: { type: 'string' },
          'heartbeat-ms': { type: 'string' },
          batch: { type: 'string' },
          record: { type: 'string' },
          replay: { type: 'string' },
          'token-file': { type: 'string' },
          lang: { type: 'string' },
        },
      },
      // The simulated hub requires the token it reads; it takes none from the environment.
      'flag.tokenSources.sim',
    );
    if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en')
      throw new UsageError('flag.lang', { value: values.lang });
    const speedGiven = values.speed !== undefined;
    const speed = speedGiven ? Number(values.speed) : 1;
    if (!(speed > 0) || speed > 1_000_000)
      throw new UsageError('flag.range', { flag: '--speed', min: '0.001', max: 1_000_000, value: values.speed ?? '' });
    const history = values.history === undefined ? 3_600_000 : parseDuration(values.history);
    if (history === null) throw new UsageError('flag.duration', { flag: '--history', value: values.history ?? '' });
    let start: number | undefined;
    if (values.start !== undefined) {
      start = Date.parse(values.start);
      if (Number.isNaN(start)) throw new UsageError('flag.isoTime', { flag: '--start', value: values.start });
    }
    if (values.replay !== undefined) requireFile('--replay', values.replay);
    if (values['token-file'] !== undefined) requireFile('--token-file', values['token-file']);
    const options: SimHubOptions = {
      host: values.host ?? '127.0.0.1',
      port: wholeNumber('port', values.port, 8787, 0, 65_535),
      seed: wholeNumber('seed', values.seed, DEFAULT_SEED, 0, Number.MAX_SAFE_INTEGER),
      speed,
      agencies: wholeNumber('agencies', values.agencies, 95, 95),
      start,
      history,
      bufferSize: wholeNumber('buffer', values.buffer, 500_000, 1, 100_000_000),
      heartbeatMs: wholeNumber('heartbeat-ms', values['heartbeat-ms'], 5_000, 10, 3_600_000),
      batchMax: wholeNumber('batch', values.batch, 500, 1, 100_000),
      recordFile: values.record,
      replayFile: values.replay,
      replayPaced: speedGiven,
      token: values['token-file'] === undefined ? undefined : readTokenFile(values['token-file']),
    };
    const hub = await listen(options);
    // Listening for the signals before saying where the hub is: whoever reads that line may stop
    // the hub at once, and must find it ready to close cleanly.
    const stopped = untilStopSignal();
    io.stdout.write(`${t('sim.listening', { url: hub.url })}\n`);
    if (values.replay)
      io.stdout.write(`${t('sim.replaying', { file: values.replay, n: hub.newestSeq - hub.oldestSeq + 1 })}\n`);
    else {
      io.stdout.write(
        `${t('sim.started', { seed: options.seed ?? DEFAULT_SEED, speed, agencies: options.agencies ?? 95, epoch: hub.epoch })}\n${t('sim.incidents')}\n`,
      );
      for (const incident of hub.incidents.filter((i) => i.cycle === 0))
        io.stdout.write(`  ${incident.kind.padEnd(24)} ${incidentLine(incident, t)}\n`);
    }
    if (values.record) io.stdout.write(`${t('sim.recording', { file: values.record })}\n`);
    await stopped;
    await hub.close();
    io.stdout.write(`${t('sim.stopped')}\n`);
    return 0;
  },
};
