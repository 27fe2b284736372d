import { existsSync } from 'node:fs';
import { resolveToken, startIngest } from '../../ingest/index.js';
import { recordingSink } from '../../record/recording-sink.js';
import { RecordingWriter } from '../../sim/recording.js';
import { translator } from '../../ui/i18n/translate.js';
import { cliLang, cliTranslator, untilStopSignal, UsageError, type Command } from '../command.js';
import { oneFile, parseFlags, settingsOf, strings, wholeFlag } from '../parse-flags.js';

/** `stopWhen`: resolves when recording should end; the signals by default, tests pass their own. */
export function createRecordCommand(stopWhen = untilStopSignal): Pick<Command, 'run'> {
  return {
    async run(argv, io) {
      const lang = cliLang(argv, io.env);
      const t = cliTranslator(lang);
      const { values, positionals } = parseFlags(argv, {
        options: {
          ...strings('url', 'since', 'token-file', 'config'),
          force: { type: 'boolean' },
          lang: { type: 'string' },
        },
        allowPositionals: true,
      });
      const file = oneFile(positionals, 'arg.recordFile');
      if (existsSync(file) && !values.force) throw new UsageError('file.exists', { file });
      const since = wholeFlag('since', values.since, 0, 0);
      const settings = settingsOf(values, io.env);
      if (settings.url === null) throw new UsageError('record.noHub');
      const { token } = resolveToken({ tokenFile: settings.tokenFile ?? undefined, env: io.env });
      const writer = new RecordingWriter(file);
      const sink = recordingSink(writer, since);
      const client = startIngest({ url: settings.url, sink, ...(token !== undefined && { token }) });
      const say = (line: string): void => void io.stderr.write(`${line}\n`);
      say(t('record.start', { url: client.hubUrl, file }));
      let lastState = '';
      const unsubscribe = client.subscribe((s) => {
        if (s.state === lastState) return;
        lastState = s.state;
        const state = translator(lang)(`link.${s.state}`);
        say(`hubmon record: ${state}${s.lastError ? ` (${s.lastError.message})` : ''}`);
      });
      // Nothing else holds the process while the link is down (redial timers and signal handlers do not).
      const keepAlive = setInterval(() => {}, 1 << 30);
      try {
        await stopWhen();
      } finally {
        clearInterval(keepAlive);
      }
      unsubscribe();
      await client.stop();
      await writer.close();
      const { events: n, rejections: rejected } = sink.counts;
      say(rejected ? t('record.doneRejected', { n, file, rejected }) : t('record.done', { n, file }));
      return 0;
    },
  };
}

export const recordCommand = createRecordCommand();
