import { existsSync, writeFileSync } from 'node:fs';
import { createMetrics } from '../../metrics/index.js';
import { openRecordingCache } from '../../record/recording-cache.js';
import { collectReport, REPORT_SORTS, standingProblems } from '../../report/collect.js';
import { coverageWarning, REPORT_FORMATS } from '../../report/formats.js';
import { parsePeriod } from '../../report/period.js';
import { openCache, type Cache } from '../../store/index.js';
import { cliWords, CommandError, UsageError, type Command } from '../command.js';
import { findCache, notRecording, openNamedCache, requireFile } from '../inputs.js';
import { oneOf, parseFlags, settingsOf, strings } from '../parse-flags.js';

export function createReportCommand(clock: () => number = Date.now): Pick<Command, 'run'> {
  return {
    async run(argv, io) {
      const t = cliWords(argv, io.env);
      const { values } = parseFlags(argv, {
        options: strings('from', 'to', 'level', 'format', 'lang', 'sort', 'url', 'cache', 'source', 'output', 'config'),
      });
      if (values.from === undefined || values.to === undefined)
        throw new UsageError('flag.required', { flags: '--from, --to' });
      // A PeriodError names the flag and the text; the command's error line words it.
      const period = parsePeriod(values.from, values.to);
      const level = Number(oneOf('level', values.level, ['1', '2', '3', '4'], '1'));
      const format = oneOf('format', values.format, ['md', 'csv', 'json'], 'md');
      const sort = oneOf('sort', values.sort, REPORT_SORTS, 'id');
      const { lang, ...settings } = settingsOf(values, io.env);

      let input: { cache: Cache; close(): void };
      if (values.source !== undefined) {
        requireFile('--source', values.source);
        const recording = await openRecordingCache(values.source);
        input = { cache: recording.cache, close: () => recording.dispose() };
        if (notRecording(recording)) {
          input.close();
          throw new UsageError('file.notRecording', { flag: '--source', file: values.source });
        }
      } else {
        const { named, path } = findCache(settings.cache, settings.url, io.env);
        if (!existsSync(path)) {
          if (named) throw new UsageError('file.missing', { flag: '--cache', file: path });
          throw new CommandError('cache.missing', { path });
        }
        const cache = await openNamedCache('--cache', path, () => openCache({ path, readOnly: true }));
        input = { cache, close: () => cache.close() };
      }
      try {
        const now = clock();
        const collected = collectReport(input.cache.db, { ...period, level, sort, now });
        const whole = { ...collected, standing: standingProblems(createMetrics(input.cache), lang, now) };
        const text = REPORT_FORMATS[format](whole, lang);
        // Also on stderr: a CSV or JSON has no place a reader sees it, and figures missing must not pass for zeros.
        const warning = coverageWarning(whole, lang);
        if (warning !== null) io.stderr.write(`hubmon report: ${warning}\n`);
        if (values.output === undefined) io.stdout.write(text);
        else {
          const file = values.output;
          try {
            writeFileSync(file, text);
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code ?? 'error';
            throw new UsageError('file.unwritable', { flag: '--output', file, code });
          }
          io.stderr.write(`${t('report.written', { n: whole.rows.length, file })}\n`);
        }
        return 0;
      } finally {
        input.close();
      }
    },
  };
}

export const reportCommand = createReportCommand();
