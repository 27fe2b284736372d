import { existsSync } from 'node:fs';
import { resolveSettings } from '../../config/index.js';
import { resolveToken, startIngest } from '../../ingest/index.js';
import { recordingSink } from '../../record/recording-sink.js';
import { RecordingWriter } from '../../sim/recording.js';
import { UsageError, type Command } from '../command.js';
import { cliLang } from '../i18n/lang.js';
import { cliTranslator } from '../i18n/text.js';
import { oneFile, parseFlags, settingsFlags } from '../parse-flags.js';
import { untilStopSignal } from '../stop-signal.js';
import { translate } from '../../ui/i18n/translate.js';

/** `stop`: resolves when recording should end; the signals by default, tests pass their own. */
export function createRecordCommand(stopWhen?: () => Promise<void>): Pick<Command, 'run'> {
  return {
    async run(argv, io) {
      const lang = cliLang(argv, io.env);
      const t = cliTranslator(lang);
      const parsed = parseFlags(argv, {
        options: {
          url: { type: 'string' },
          since: { type: 'string' },
          'token-file': { type: 'string' },
          config: { type: 'string' },
          force: { type: 'boolean' },
          lang: { type: 'string' },
        },
        allowPositionals: true,
      });
      const file = oneFile(parsed.positionals, 'arg.recordFile');
      const { values } = parsed;
      if (existsSync(file) && !values.force) throw new UsageError('file.exists', { file });
      const since = values.since === undefined ? 0 : Number(values.since);
      if (!Number.isSafeInteger(since) || since < 0)
        throw new UsageError('flag.wholeMin', { flag: '--since', min: 0, value: values.since ?? '' });
      const settings = resolveSettings(settingsFlags(values), io.env);
      if (settings.url === null) throw new UsageError('record.noHub');
      const token = resolveToken({
        ...(settings.tokenFile !== null && { tokenFile: settings.tokenFile }),
        env: io.env,
      });

      const writer = new RecordingWriter(file);
      const sink = recordingSink(writer, since);
      const client = startIngest({ url: settings.url, sink, ...(token.token !== undefined && { token: token.token }) });
      io.stderr.write(`${t('record.start', { url: client.hubUrl, file })}\n`);
      let lastState = '';
      const unsubscribe = client.subscribe((s) => {
        if (s.state === lastState) return;
        lastState = s.state;
        // The link's state in the console's words.
        const state = translate(lang, `link.${s.state}`);
        io.stderr.write(
          `${s.lastError ? t('record.stateError', { state, error: s.lastError.message }) : t('record.state', { state })}\n`,
        );
      });
      // Nothing else holds the process while the link is down (redial timers and signal handlers do not).
      const keepAlive = setInterval(() => {}, 1 << 30);
      try {
        await (stopWhen ? stopWhen() : untilStopSignal());
      } finally {
        clearInterval(keepAlive);
      }
      unsubscribe();
      await client.stop();
      await writer.close();
      const { events, rejections } = sink.counts;
      io.stderr.write(
        `${rejections ? t('record.doneRejected', { n: events, file, rejected: rejections }) : t('record.done', { n: events, file })}\n`,
      );
      return 0;
    },
  };
}

export const recordCommand = createRecordCommand();
