import { parseDuration } from '../../alerts/duration.js';
import { readTokenFile } from '../../ingest/token.js';
import { DEFAULT_SEED } from '../../registry/index.js';
import { startSimHub, type SimHubOptions } from '../../sim/index.js';
import { UsageError, type Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const help = `Usage: hubmon sim [options]

Runs a simulated hub: a WebSocket server speaking telemetry protocol v1 that streams
realistic traffic for the agency registry (office-hours rhythm in Vietnam time, status
progressions, deadline replies) and a scripted set of incidents within the first minutes:
a security server dropping off, a flapping one, a signature-failure burst, an agency that
stops reporting statuses, duplicate sends, and a pile of overdue replies.
It prints the URL it listens on and runs until Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port P            port to listen on; 0 picks a free one            (default 8787)
  --host H            address to bind                                  (default 127.0.0.1)
  --seed S            same seed and start, same stream                 (default ${DEFAULT_SEED})
  --speed X           simulated seconds per real second                (default 1)
  --agencies N        agencies in the registry; 95 is the top level,
                      more adds departments, districts, communes       (default 95, max ~12000)
  --start TIME        simulated start, ISO 8601                        (default now)
  --history DURATION  traffic generated before the start, e.g. 90m, 2h (default 1h)
  --buffer N          durable events kept for resuming clients         (default 500000)
  --heartbeat-ms MS   idle time after which a client gets a heartbeat  (default 5000)
  --batch N           most messages per frame                          (default 500)
  --record FILE       also write the stream to FILE as NDJSON
  --replay FILE       serve a recording instead of simulating; with --speed it is
                      paced by its timestamps, without it served at once
  --token-file PATH   require "Authorization: Bearer <token>" (file mode 600)
  -h, --help          show this help

Example:
  hubmon sim --port 8787 --seed 7 --speed 60
  hubmon --url ws://127.0.0.1:8787/v1/telemetry      # in another terminal
`;

function positiveInt(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min)
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
  return Number(text);
}

export const simCommand: Command = {
  name: 'sim',
  summary: 'run a simulated hub that streams realistic telemetry (demo, tests)',
  help,
  async run(argv, io) {
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
        },
      },
      // The simulated hub requires the token it reads; it takes none from the environment.
      'give --token-file PATH (the token clients must present)',
    );
    const speedGiven = values.speed !== undefined;
    const speed = speedGiven ? Number(values.speed) : 1;
    if (!(speed > 0) || speed > 1_000_000)
      throw new UsageError(`--speed must be a number above 0, got "${values.speed}"`);
    const history = values.history === undefined ? 3_600_000 : parseDuration(values.history);
    if (history === null) throw new UsageError(`--history must be a duration like 90m or 2h, got "${values.history}"`);
    let start: number | undefined;
    if (values.start !== undefined) {
      start = Date.parse(values.start);
      if (Number.isNaN(start)) throw new UsageError(`--start must be an ISO 8601 time, got "${values.start}"`);
    }
    const options: SimHubOptions = {
      host: values.host ?? '127.0.0.1',
      port: positiveInt('port', values.port, 8787, 0),
      seed: positiveInt('seed', values.seed, DEFAULT_SEED, 0),
      speed,
      agencies: positiveInt('agencies', values.agencies, 95, 95),
      start,
      history,
      bufferSize: positiveInt('buffer', values.buffer, 500_000),
      heartbeatMs: positiveInt('heartbeat-ms', values['heartbeat-ms'], 5_000, 10),
      batchMax: positiveInt('batch', values.batch, 500),
      recordFile: values.record,
      replayFile: values.replay,
      replayPaced: speedGiven,
      token: values['token-file'] === undefined ? undefined : readTokenFile(values['token-file']),
    };
    const hub = await startSimHub(options);
    io.stdout.write(`hubmon sim: listening on ${hub.url}\n`);
    if (values.replay)
      io.stdout.write(`replaying ${values.replay}: ${hub.newestSeq - hub.oldestSeq + 1} events ready\n`);
    else {
      io.stdout.write(
        `seed ${options.seed}, speed ${speed}×, ${options.agencies} agencies, epoch ${hub.epoch}\nincidents:\n`,
      );
      for (const incident of hub.incidents.filter((i) => i.cycle === 0))
        io.stdout.write(`  ${incident.kind.padEnd(24)} ${incident.summary}\n`);
    }
    if (values.record) io.stdout.write(`recording to ${values.record}\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await hub.close();
    io.stdout.write('hubmon sim: stopped\n');
    return 0;
  },
};
