import { existsSync, writeFileSync } from 'node:fs';
import { resolveSettings } from '../../config/index.js';
import { openRecordingCache, type RecordingCache } from '../../record/recording-cache.js';
import {
  collectReport,
  formatCsv,
  formatJson,
  formatMarkdown,
  parsePeriod,
  PeriodError,
  REPORT_SORTS,
  REPORT_TIME_ZONE,
  type ReportSort,
} from '../../report/index.js';
import { defaultCachePath, openCache, type Cache } from '../../store/index.js';
import { UsageError, type Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const help = `Usage: hubmon report --from DATE --to DATE [options]

The next-morning tables: one row per agency in the shape of the appendices of the hub's own
reports — documents sent and received, the share processed (status 03–06 reported), documents
with a reply deadline, answered, answered on time and not answered, documents with a valid
digital signature and their share, the status codes the agency reports back, and the downtime
of its security server — with a totals row (Tổng cộng). Figures come from the cache (or a
recording with --source); nothing is asked of the hub.

Period: days are Vietnam days (Asia/Ho_Chi_Minh), whatever the machine's zone.
  --from 2019-01-01 --to 2019-08-12    both days included (also 01/01/2019, 12/08/2019)
  --from 2026-11-20T08:00:00+07:00 --to 2026-11-20T12:00:00+07:00
                                       instants: the end is exclusive
Processed and deadline columns count documents delivered in the period; answers are counted
up to its end. They reach back as far as the cache keeps documents (90 days by default);
sent, received, signatures and statuses as far as its hourly rollups (400 days).

Rows are listed as the seeds list them: the Party Central Office, then ministries and
ministry-level bodies, then provinces, each by identifier (provinces are numbered in
alphabetical order); lower levels follow their top-level unit. --sort sent lists the
busiest first (as the seed 000 appendix), --sort signed the best signed share first (as
seed 002, table V).

Options:
  --from DATE        first day (or instant) of the period            (required)
  --to DATE          last day (or exclusive end instant)             (required)
  --level N          government level listed: 1 ministries and provinces, 2 departments
                     and districts, 3 and 4 below                    (default 1)
  --format FMT       md (Markdown pipe table), csv (UTF-8 with BOM, RFC 4180, CRLF: opens
                     right in a spreadsheet) or json                  (default md)
  --lang vi|en       headers and words                               (default: from LANG)
  --sort ORDER       id, sent or signed                              (default id)
  --url URL          hub whose default cache to read                 (default: HUBMON_URL)
  --cache PATH       cache file to read
  --source FILE      read a recording (hubmon record) instead of a cache
  --output FILE      write to FILE instead of standard output
  -h, --help         show this help

Examples:
  hubmon report --from 2026-11-01 --to 2026-11-30 --format csv --output thang-11.csv
  hubmon report --from 20/11/2026 --to 20/11/2026 --lang en --sort signed
`;

const FORMATS = ['md', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function createReportCommand(clock: () => number = Date.now): Command {
  return {
    name: 'report',
    summary: 'per-agency tables for a period (Markdown, CSV for spreadsheets, JSON)',
    help,
    async run(argv, io) {
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
      if (values.from === undefined || values.to === undefined) throw new UsageError('--from and --to are required');
      let period: { from: number; to: number };
      try {
        period = parsePeriod(values.from, values.to, REPORT_TIME_ZONE);
      } catch (err) {
        if (err instanceof PeriodError) throw new UsageError(err.message);
        throw err;
      }
      const level = values.level === undefined ? 1 : Number(values.level);
      if (![1, 2, 3, 4].includes(level)) throw new UsageError(`--level must be 1, 2, 3 or 4, got "${values.level}"`);
      const format = (values.format ?? 'md') as Format;
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be md, csv or json, got "${values.format}"`);
      const sort = (values.sort ?? 'id') as ReportSort;
      if (!REPORT_SORTS.includes(sort)) throw new UsageError(`--sort must be id, sent or signed, got "${values.sort}"`);
      const settings = resolveSettings(
        {
          ...(values.url !== undefined && { url: values.url }),
          ...(values.cache !== undefined && { cache: values.cache }),
          ...(values.lang !== undefined && { lang: values.lang }),
          ...(values.config !== undefined && { config: values.config }),
        },
        io.env,
      );

      let recording: RecordingCache | null = null;
      let cache: Cache;
      if (values.source !== undefined) {
        recording = await openRecordingCache(values.source);
        cache = recording.cache;
      } else {
        const path = settings.cache ?? (settings.url !== null ? defaultCachePath(settings.url, io.env) : null);
        if (path === null) throw new UsageError('no cache to read: give --cache, --url (or HUBMON_URL) or --source');
        if (!existsSync(path))
          throw new Error(`cache ${path} does not exist; run the console or hubmon status against the hub first`);
        cache = openCache({ path, readOnly: true });
      }
      try {
        const report = collectReport(cache.db, { ...period, level, sort, now: clock() });
        const text =
          format === 'csv'
            ? formatCsv(report, settings.lang)
            : format === 'json'
              ? formatJson(report)
              : formatMarkdown(report, settings.lang);
        if (values.output !== undefined) {
          writeFileSync(values.output, text);
          io.stderr.write(`hubmon report: ${report.rows.length} agencies written to ${values.output}\n`);
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

export const reportCommand: Command = createReportCommand();
