import { existsSync } from 'node:fs';
import { resolveSettings } from '../../config/index.js';
import { resolveToken, startIngest } from '../../ingest/index.js';
import { recordingSink } from '../../record/recording-sink.js';
import { RecordingWriter } from '../../sim/recording.js';
import { UsageError, type Command } from '../command.js';
import { oneFile, parseFlags } from '../parse-flags.js';

const help = `Usage: hubmon record FILE [options]

Writes the hub's live telemetry to FILE as NDJSON — one protocol message per line: the hello,
the registry, then every event as it arrives — until Ctrl-C (SIGINT) or SIGTERM. A dropped
link is resumed where it stopped, so each event is in the file once. The file can be replayed
in the console (hubmon replay FILE), served by the simulated hub (hubmon sim --replay FILE),
and judged or tabulated (hubmon status --source FILE, hubmon report --source FILE).
An existing FILE is not overwritten unless --force is given.

Options:
  --url URL          hub telemetry URL, ws:// or wss://    (default: HUBMON_URL, config file)
  --since N          start after event N (0: everything the hub still holds)   (default 0)
  --token-file PATH  bearer token for the hub (or HUBMON_TOKEN)
  --force            overwrite FILE if it exists
  -h, --help         show this help

Example:
  hubmon record su-co-2026-11-20.ndjson --url wss://truc.example.gov.vn/v1/telemetry
`;

/** `stop`: resolves when recording should end; the signals by default, tests pass their own. */
export function createRecordCommand(stopWhen?: () => Promise<void>): Command {
  return {
    name: 'record',
    summary: 'write the live telemetry stream to an NDJSON file until Ctrl-C',
    help,
    async run(argv, io) {
      const parsed = parseFlags(argv, {
        options: {
          url: { type: 'string' },
          since: { type: 'string' },
          'token-file': { type: 'string' },
          config: { type: 'string' },
          force: { type: 'boolean' },
        },
        allowPositionals: true,
      });
      const file = oneFile(parsed.positionals, 'give exactly one FILE to record into');
      const { values } = parsed;
      if (existsSync(file) && !values.force)
        throw new UsageError(`${file} already exists; give another FILE, or --force to overwrite it`);
      const since = values.since === undefined ? 0 : Number(values.since);
      if (!Number.isSafeInteger(since) || since < 0)
        throw new UsageError(`--since must be a whole number ≥ 0, got "${values.since}"`);
      const settings = resolveSettings(
        {
          ...(values.url !== undefined && { url: values.url }),
          ...(values['token-file'] !== undefined && { tokenFile: values['token-file'] }),
          ...(values.config !== undefined && { config: values.config }),
        },
        io.env,
      );
      if (settings.url === null) throw new UsageError('no hub to record: give --url (or HUBMON_URL)');
      const token = resolveToken({
        ...(settings.tokenFile !== null && { tokenFile: settings.tokenFile }),
        env: io.env,
      });

      const writer = new RecordingWriter(file);
      const sink = recordingSink(writer, since);
      const client = startIngest({ url: settings.url, sink, ...(token.token !== undefined && { token: token.token }) });
      io.stderr.write(`hubmon record: recording ${client.hubUrl} into ${file}; Ctrl-C to stop\n`);
      let lastState = '';
      const unsubscribe = client.subscribe((s) => {
        if (s.state === lastState) return;
        lastState = s.state;
        io.stderr.write(`hubmon record: ${s.state}${s.lastError ? ` (${s.lastError.message})` : ''}\n`);
      });
      // Nothing else holds the process while the link is down: the client's redial timers
      // deliberately do not (a finished one-shot command must be free to exit), and signal
      // handlers do not either. Without this, a hub going away ended the recording.
      const keepAlive = setInterval(() => {}, 1 << 30);
      try {
        await (stopWhen ? stopWhen() : untilSignal());
      } finally {
        clearInterval(keepAlive);
      }
      unsubscribe();
      await client.stop();
      await writer.close();
      io.stderr.write(
        `hubmon record: ${sink.counts.events} events written to ${file}` +
          (sink.counts.rejections ? `, ${sink.counts.rejections} malformed messages left out` : '') +
          '\n',
      );
      return 0;
    },
  };
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export const recordCommand: Command = createRecordCommand();
