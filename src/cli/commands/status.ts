import { existsSync, readFileSync } from 'node:fs';
import { ALERT_MIGRATIONS } from '../../alerts/persist.js';
import {
  agenciesBehind,
  createAlertEngine,
  describeAlert,
  describeIncident,
  groupIncidents,
  loadAlertConfig,
  namer,
  type Alert,
  type Incident,
} from '../../alerts/index.js';
import { resolveSettings } from '../../config/index.js';
import { resolveToken } from '../../ingest/index.js';
import { createMetrics } from '../../metrics/index.js';
import { openRecordingCache, type RecordingCache } from '../../record/recording-cache.js';
import { evaluateCheck, type CheckResult, type HubOutcome } from '../../status/check.js';
import { refreshFromHub } from '../../status/refresh.js';
import { formatPluginOutput, formatStatusJson } from '../../status/render.js';
import { openCache, removeCacheFile, type Cache } from '../../store/index.js';
import type { Command, CommandIo } from '../command.js';
import { errorText } from '../i18n/error-text.js';
import { cliLang } from '../i18n/lang.js';
import { cliTranslator } from '../i18n/text.js';
import { findCache } from '../find-cache.js';
import { isNotDatabase, notRecording } from '../open-inputs.js';
import { UsageError } from '../command.js';
import { parseFlags, settingsFlags } from '../parse-flags.js';
import { statusWords, type StatusWords } from '../../status/words.js';

function seconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback * 1000;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw new UsageError('flag.seconds', { flag: `--${name}`, value: text });
  return n * 1000;
}

/** What the check keeps of --timeout after the hub (cache, rules, printing); the time since start is taken off too. */
const reserveMs = (timeoutMs: number): number => Math.min(1_500, timeoutMs * 0.25);

/** Options parsed; a mistake is an UNKNOWN result, as monitoring plugins report bad usage. */
function parse(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const { values } = parseFlags(argv, {
    options: {
      url: { type: 'string' },
      cache: { type: 'string' },
      timeout: { type: 'string' },
      'max-age': { type: 'string' },
      source: { type: 'string' },
      alerts: { type: 'string' },
      'token-file': { type: 'string' },
      ca: { type: 'string' },
      lang: { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const settings = resolveSettings(settingsFlags(values), env);
  return {
    url: settings.url,
    cache: settings.cache,
    timeoutMs: seconds('timeout', values.timeout, 8),
    maxAgeMs: seconds('max-age', values['max-age'], 600),
    source: values.source,
    alerts: values.alerts,
    tokenFile: settings.tokenFile,
    ca: settings.ca,
    lang: settings.lang,
    json: values.json ?? false,
  };
}

function unknownLine(io: CommandIo, json: boolean, message: string): number {
  const text = message.replace(/[\r\n|]+/g, ' ');
  if (json)
    io.stdout.write(`${JSON.stringify({ version: 1, state: 'UNKNOWN', exitCode: 3, summary: text }, null, 2)}\n`);
  else io.stdout.write(`HUBMON UNKNOWN - ${text}\n`);
  return 3;
}

/** The command around a clock; tests pass a fixed one so that ages and windows are theirs. */
export function createStatusCommand(clock: () => number = Date.now): Pick<Command, 'run'> {
  return {
    async run(argv, io) {
      const json = argv.includes('--json');
      const early = cliLang(argv, io.env);
      let args: ReturnType<typeof parse>;
      try {
        args = parse(argv, io.env);
      } catch (err) {
        const message = errorText(err, cliTranslator(early));
        return unknownLine(io, json, statusWords(early)('unknown.usage', { message }));
      }
      const w: StatusWords = statusWords(args.lang);
      // A file named on the command line must be there (the default alerts file may be absent).
      for (const [flag, path] of [
        ['--alerts', args.alerts],
        ['--ca', args.ca],
      ] as const)
        if (path !== undefined && path !== null && !existsSync(path))
          return unknownLine(io, args.json, w('unknown.fileMissing', { flag, path }));
      const loaded = loadAlertConfig(args.alerts);
      if (loaded.error !== null) return unknownLine(io, args.json, w('unknown.thresholds', { error: loaded.error }));
      const config = loaded.config;

      let cache: Cache | undefined;
      let recording: RecordingCache | null = null;
      let hub: HubOutcome | undefined;
      // A cache file this check creates is kept once a hub has answered into it: a mistyped or
      // unreachable hub (or a mistyped --cache) must not leave an empty cache behind.
      let created: string | null = null;
      const closeCache = (c: Cache): void => {
        c.close();
        const empty = hub === undefined || hub.kind === 'unreachable' || hub.kind === 'none';
        if (created !== null && empty) removeCacheFile(created);
      };
      let now = clock();
      try {
        if (args.source !== undefined) {
          if (!existsSync(args.source))
            return unknownLine(io, args.json, w('unknown.sourceMissing', { path: args.source }));
          recording = await openRecordingCache(args.source, ALERT_MIGRATIONS);
          if (notRecording(recording)) {
            recording.dispose();
            return unknownLine(io, args.json, w('unknown.notRecording', { path: args.source }));
          }
          cache = recording.cache;
          hub = { kind: 'recording', file: args.source };
          if (recording.ingest.newestTs !== null) now = recording.ingest.newestTs;
        } else {
          let path: string;
          try {
            path = findCache(args.cache, args.url, io.env).path;
          } catch (err) {
            const several = err instanceof UsageError && err.key === 'cache.several';
            return unknownLine(
              io,
              args.json,
              several ? w('unknown.severalCaches', err.params as Record<string, string>) : w('unknown.noCache'),
            );
          }
          // Without a hub to fill it, a cache that is not there is a mistyped path, not an empty cache.
          if (!existsSync(path)) {
            if (args.url === null) return unknownLine(io, args.json, w('unknown.cacheMissing', { path }));
            created = path;
          }
          cache = openCache({
            path,
            extraMigrations: ALERT_MIGRATIONS,
            ifLocked: 'read-only',
            onUpgrade: (steps) => io.stderr.write(`${w('notice.upgrading', { path, steps: steps.join(', ') })}\n`),
          });
          if (cache.readOnly) {
            const holder = cache.lockedBy
              ? w('holder.pid', { pid: cache.lockedBy.pid, host: cache.lockedBy.host })
              : w('holder.unknown');
            hub = { kind: 'shared', holder };
          } else if (args.url !== null) {
            const token = resolveToken({ ...(args.tokenFile !== null && { tokenFile: args.tokenFile }), env: io.env });
            hub = await refreshFromHub({
              cache,
              url: args.url,
              ...(token.token !== undefined && { token: token.token }),
              ...(args.ca !== null && { ca: readFileSync(args.ca) }),
              timeoutMs: Math.max(100, args.timeoutMs - reserveMs(args.timeoutMs) - performance.now()),
            });
            if (hub.kind === 'unreachable' && hub.error === '')
              hub = { ...hub, error: w('error.noAnswer', { n: args.timeoutMs }) };
            now = clock();
          } else {
            hub = { kind: 'none' };
          }
        }
      } catch (err) {
        if (recording) recording.dispose();
        else if (cache) closeCache(cache);
        if (isNotDatabase(err)) return unknownLine(io, args.json, w('unknown.notCache', { path: args.cache ?? '' }));
        return unknownLine(io, args.json, w('unknown.failed', { error: errorText(err, cliTranslator(args.lang)) }));
      }

      try {
        const metrics = createMetrics(cache);
        const engine = createAlertEngine({ metrics, db: cache.db, config, readOnly: true, now: () => now });
        const snapshot = engine.evaluate(now);
        const nameOf = namer(metrics.agencies(), metrics.securityServers());
        const describe = (a: Alert) => describeAlert(a, { lang: args.lang, now, nameOf });
        const describeOne = (i: Incident) => describeIncident(i, { lang: args.lang, now, nameOf });
        const incidents = groupIncidents(snapshot.alerts, agenciesBehind(metrics.agencies()));
        const sigCfg = config.rules.signatureFailures;
        const sigRows = metrics.signaturesOver
          ? metrics.signaturesOver(now, sigCfg.window)
          : metrics.signatures(now, '1h');
        const result: CheckResult = evaluateCheck({
          now,
          cachePath: recording ? args.source! : cache.path,
          stream: metrics.stream(),
          agencies: metrics.agencies().length,
          totals: metrics.totals(now, '1h'),
          signatures: {
            failed: sigRows.reduce((n, r) => n + r.failed, 0),
            verified: sigRows.reduce((n, r) => n + r.verified, 0),
            windowMs: sigCfg.window,
          },
          snapshot,
          incidents,
          hub,
          maxAgeMs: args.maxAgeMs,
          thresholds: {
            sigWarnPct: sigCfg.warningRate * 100,
            sigCritPct: sigCfg.criticalRate * 100,
            overdueWarn: config.rules.overdueReplies.warningCount - 1,
          },
          describeIncident: describeOne,
          lang: args.lang,
        });
        io.stdout.write(
          args.json
            ? formatStatusJson(result, {
                checkedAt: now,
                cachePath: cache.path,
                hub,
                describe,
                describeIncident: describeOne,
              })
            : formatPluginOutput(result),
        );
        return result.exitCode;
      } catch (err) {
        return unknownLine(
          io,
          args.json,
          w('unknown.evaluate', { error: err instanceof Error ? err.message : String(err) }),
        );
      } finally {
        if (recording) recording.dispose();
        else closeCache(cache);
      }
    },
  };
}

export const statusCommand = createStatusCommand();
