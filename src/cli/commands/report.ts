import { existsSync, writeFileSync } from 'node:fs';
import { resolveSettings } from '../../config/index.js';
import { openRecordingCache, type RecordingCache } from '../../record/recording-cache.js';
import {
  collectReport,
  standingProblems,
  formatCsv,
  formatJson,
  formatMarkdown,
  parsePeriod,
  REPORT_SORTS,
  REPORT_TIME_ZONE,
  type ReportSort,
} from '../../report/index.js';
import { openCache, type Cache } from '../../store/index.js';
import { createMetrics } from '../../metrics/index.js';
import { CommandError, UsageError, type Command } from '../command.js';
import { requireFile } from '../files.js';
import { findCache } from '../find-cache.js';
import { openNamedCache, requireRecording, writeNamed } from '../open-inputs.js';
import { cliLang } from '../i18n/lang.js';
import { cliTranslator } from '../i18n/text.js';
import { parseFlags, settingsFlags } from '../parse-flags.js';

const FORMATS = ['md', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function createReportCommand(clock: () => number = Date.now): Pick<Command, 'run'> {
  return {
    async run(argv, io) {
      const t = cliTranslator(cliLang(argv, io.env));
      const { values } = parseFlags(argv, {
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          level: { type: 'string' },
          format: { type: 'string' },
          lang: { type: 'string' },
          sort: { type: 'string' },
          url: { type: 'string' },
          cache: { type: 'string' },
          source: { type: 'string' },
          output: { type: 'string' },
          config: { type: 'string' },
        },
      });
      if (values.from === undefined || values.to === undefined)
        throw new UsageError('flag.required', { flags: '--from, --to' });
      // A PeriodError names the flag and the text; the command's error line words it.
      const period = parsePeriod(values.from, values.to, REPORT_TIME_ZONE);
      const level = values.level === undefined ? 1 : Number(values.level);
      if (![1, 2, 3, 4].includes(level))
        throw new UsageError('flag.oneOf', { flag: '--level', list: '1, 2, 3, 4', value: values.level ?? '' });
      const format = (values.format ?? 'md') as Format;
      if (!FORMATS.includes(format))
        throw new UsageError('flag.oneOf', { flag: '--format', list: FORMATS.join(', '), value: values.format ?? '' });
      const sort = (values.sort ?? 'id') as ReportSort;
      if (!REPORT_SORTS.includes(sort))
        throw new UsageError('flag.oneOf', { flag: '--sort', list: REPORT_SORTS.join(', '), value: values.sort ?? '' });
      const settings = resolveSettings(settingsFlags(values), io.env);

      let recording: RecordingCache | null = null;
      let cache: Cache;
      if (values.source !== undefined) {
        requireFile('--source', values.source);
        recording = requireRecording('--source', values.source, await openRecordingCache(values.source));
        cache = recording.cache;
      } else {
        const choice = findCache(settings.cache, settings.url, io.env);
        if (!existsSync(choice.path)) {
          if (choice.kind === 'named') throw new UsageError('file.missing', { flag: '--cache', file: choice.path });
          throw new CommandError('cache.missing', { path: choice.path });
        }
        cache = openNamedCache('--cache', choice.path, () => openCache({ path: choice.path, readOnly: true }));
      }
      try {
        const now = clock();
        const collected = collectReport(cache.db, { ...period, level, sort, now });
        const report = { ...collected, standing: standingProblems(createMetrics(cache), settings.lang, now) };
        const text =
          format === 'csv'
            ? formatCsv(report, settings.lang)
            : format === 'json'
              ? formatJson(report)
              : formatMarkdown(report, settings.lang);
        if (values.output !== undefined) {
          const output = values.output;
          writeNamed('--output', output, () => writeFileSync(output, text));
          io.stderr.write(`${t('report.written', { n: report.rows.length, file: values.output })}\n`);
        } else {
          io.stdout.write(text);
        }
        return 0;
      } finally {
        if (recording) recording.dispose();
        else cache.close();
      }
    },
  };
}

export const reportCommand = createReportCommand();
