import { parseDuration } from '../../alerts/duration.js';
import { readTokenFile } from '../../ingest/token.js';
import { vietnamClock } from '../../protocol/index.js';
import { DEFAULT_SEED } from '../../registry/index.js';
import { startSimHub, type SimHubOptions } from '../../sim/index.js';
import { OVERDUE_PILE_SIZE } from '../../sim/incidents.js';
import { cliWords, untilStopSignal, type Command } from '../command.js';
import { requireFile } from '../inputs.js';
import { badValue, listenError, parseFlags, strings, wholeFlag } from '../parse-flags.js';

const FLAGS = strings(
  ...['port', 'host', 'seed', 'speed', 'agencies', 'start', 'history', 'buffer', 'heartbeat-ms', 'batch'],
  ...['record', 'replay', 'token-file', 'lang'],
);

export const simCommand: Pick<Command, 'run'> = {
  async run(argv, io) {
    const t = cliWords(argv, io.env);
    // The simulated hub requires the token it reads; it takes none from the environment.
    const { values } = parseFlags(argv, { options: FLAGS }, 'flag.tokenSources.sim');
    const speedGiven = values.speed !== undefined;
    const speed = speedGiven ? Number(values.speed) : 1;
    if (!(speed > 0) || speed > 1_000_000)
      throw badValue('--speed', values.speed, { key: 'expect.range' }, { min: '0.001', max: 1_000_000 });
    const history = values.history === undefined ? 3_600_000 : parseDuration(values.history);
    if (history === null) throw badValue('--history', values.history, { key: 'expect.duration' });
    const start = values.start === undefined ? undefined : Date.parse(values.start);
    if (Number.isNaN(start)) throw badValue('--start', values.start, { key: 'expect.isoTime' });
    if (values.replay !== undefined) requireFile('--replay', values.replay);
    if (values['token-file'] !== undefined) requireFile('--token-file', values['token-file']);
    const options = {
      host: values.host ?? '127.0.0.1',
      port: wholeFlag('port', values.port, 8787, 0, 65_535),
      seed: wholeFlag('seed', values.seed, DEFAULT_SEED, 0, Number.MAX_SAFE_INTEGER),
      speed,
      agencies: wholeFlag('agencies', values.agencies, 95, 95),
      start,
      history,
      bufferSize: wholeFlag('buffer', values.buffer, 500_000, 1, 100_000_000),
      heartbeatMs: wholeFlag('heartbeat-ms', values['heartbeat-ms'], 5_000, 10, 3_600_000),
      batchMax: wholeFlag('batch', values.batch, 500, 1, 100_000),
      recordFile: values.record,
      replayFile: values.replay,
      replayPaced: speedGiven,
      token: values['token-file'] === undefined ? undefined : readTokenFile(values['token-file']),
    } satisfies SimHubOptions;
    const hub = await startSimHub(options).catch((err: unknown) => {
      throw listenError(err, options.host, options.port);
    });
    // Listening for the signals before saying where the hub is: whoever reads that line may stop
    // the hub at once, and must find it ready to close cleanly.
    const stopped = untilStopSignal();
    io.stdout.write(`${t('sim.listening', { url: hub.url })}\n`);
    if (values.replay)
      io.stdout.write(`${t('sim.replaying', { file: values.replay, n: hub.newestSeq - hub.oldestSeq + 1 })}\n`);
    else {
      const { seed, agencies } = options;
      io.stdout.write(`${t('sim.started', { seed, speed, agencies, epoch: hub.epoch })}\n${t('sim.incidents')}\n`);
      for (const i of hub.incidents.filter((i) => i.cycle === 0)) {
        const what = `${i.target} (${i.targetName}) ${t(`incident.${i.kind}`, { pile: OVERDUE_PILE_SIZE })}`;
        const behind = i.kind.startsWith('server_') ? t('sim.behind', { n: i.affectedAgencies.length }) : '';
        io.stdout.write(`  ${i.kind.padEnd(24)} ${what} ${vietnamClock(i.from)}–${vietnamClock(i.to)}${behind}\n`);
      }
    }
    if (values.record) io.stdout.write(`${t('sim.recording', { file: values.record })}\n`);
    await stopped;
    await hub.close();
    io.stdout.write(`${t('sim.stopped')}\n`);
    return 0;
  },
};
