import { existsSync, readFileSync } from 'node:fs';
import { ALERT_MIGRATIONS, loadAlertConfig, namer } from '../../alerts/index.js';
import { cacheSink } from '../../ingest/cache-sink.js';
import { resolveToken, startIngest, type IngestOptions } from '../../ingest/index.js';
import { createMetrics } from '../../metrics/index.js';
import { openRecordingCache, type RecordingCache } from '../../record/recording-cache.js';
import { evaluateCheck, type HubOutcome } from '../../status/check.js';
import { formatPluginOutput, formatStatusJson } from '../../status/render.js';
import { statusWords } from '../../status/messages.js';
import { openCache, removeCacheFile, type Cache } from '../../store/index.js';
import { cliLang, cliTranslator, errorText, UsageError, type Command } from '../command.js';
import { findCache, isNotDatabase, notRecording } from '../inputs.js';
import { badValue, parseFlags, settingsOf, strings } from '../parse-flags.js';

function seconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback * 1000;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw badValue(`--${name}`, text, { key: 'expect.seconds' });
  return n * 1000;
}

/** What the check keeps of --timeout after the hub (cache, rules, printing); the time since start is taken off too. */
const reserveMs = (timeoutMs: number): number => Math.min(1_500, timeoutMs * 0.25);

/** Brings the cache up to date from the hub (address, token, CA): catch up until `live`, or until the timeout. */
async function refreshFromHub(
  cache: Cache,
  timeoutMs: number,
  hub: Pick<IngestOptions, 'url' | 'token' | 'ca'>,
): Promise<HubOutcome> {
  const client = startIngest({
    ...hub,
    sink: cacheSink(cache),
    connectTimeoutMs: timeoutMs,
    // Retry quickly within the check's own timeout; the hub either answers in time or not.
    backoff: { initialMs: 200, maxMs: 1_000 },
  });
  let timer: NodeJS.Timeout | undefined;
  const reachedLive = await new Promise<boolean>((resolve) => {
    const done = (live: boolean) => {
      unsubscribe();
      resolve(live);
    };
    const unsubscribe = client.subscribe((s) => {
      if (s.state === 'live') done(true);
      // Nothing listens at the hub's address: that is the answer, not a reason to wait out the
      // timeout (a hub that is up but slow still gets the whole of it).
      else if (s.state !== 'catching_up' && s.hub === undefined && /\bECONNREFUSED\b/.test(s.lastError?.message ?? ''))
        done(false);
    });
    if (client.status().state === 'live') done(true);
    timer = setTimeout(() => done(false), timeoutMs);
  });
  clearTimeout(timer);
  const status = client.status();
  await client.stop();
  const url = client.hubUrl;
  // Empty when the hub neither answered nor refused: the command words the silence.
  if (!reachedLive && status.hub === undefined)
    return { kind: 'unreachable', url, error: status.lastError?.message ?? '' };
  const lag = reachedLive ? 0 : Math.max(0, (status.hubNewestSeq ?? 0) - cache.cursor().lastSeq);
  return lag === 0 ? { kind: 'live', url } : { kind: 'behind', url, lagEvents: lag };
}

/** Options parsed; a mistake is an UNKNOWN result, as monitoring plugins report bad usage. */
function parse(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const { values } = parseFlags(argv, {
    options: {
      ...strings('url', 'cache', 'timeout', 'max-age', 'source', 'alerts', 'token-file', 'ca', 'lang', 'config'),
      json: { type: 'boolean' },
    },
  });
  return {
    ...settingsOf(values, env),
    timeoutMs: seconds('timeout', values.timeout, 8),
    maxAgeMs: seconds('max-age', values['max-age'], 600),
    source: values.source,
    alerts: values.alerts,
  };
}

/** The command around a clock; tests pass a fixed one so that ages and windows are theirs. */
export function createStatusCommand(clock: () => number = Date.now): Pick<Command, 'run'> {
  return {
    async run(argv, io) {
      // As the flags ask, even when another flag is a mistake.
      const json = argv.includes('--json');
      const unknown = (message: string): number => {
        const summary = message.replace(/[\r\n|]+/g, ' ');
        const doc = { version: 1, state: 'UNKNOWN', exitCode: 3, summary };
        io.stdout.write(json ? `${JSON.stringify(doc, null, 2)}\n` : `HUBMON UNKNOWN - ${summary}\n`);
        return 3;
      };
      let args: ReturnType<typeof parse>;
      try {
        args = parse(argv, io.env);
      } catch (err) {
        const early = cliLang(argv, io.env);
        const message = errorText(err, cliTranslator(early));
        return unknown(statusWords(early)('unknown.usage', { message }));
      }
      const { lang } = args;
      const [w, t] = [statusWords(lang), cliTranslator(lang)];
      // A file named on the command line must be there (the default alerts file may be absent).
      for (const [flag, path] of Object.entries({ '--alerts': args.alerts, '--ca': args.ca }))
        if (typeof path === 'string' && !existsSync(path)) return unknown(t('file.missing', { flag, file: path }));
      const { config, error } = loadAlertConfig(args.alerts);
      if (error !== null) return unknown(w('unknown.thresholds', { error }));

      let cache: Cache | undefined;
      let recording: RecordingCache | null = null;
      let hub: HubOutcome = { kind: 'none' };
      // A cache file this check creates is kept once a hub has answered into it: a mistyped or
      // unreachable hub (or a mistyped --cache) must not leave an empty cache behind.
      let created: string | null = null;
      const close = (): void => {
        if (recording) return recording.dispose();
        cache?.close();
        if (created !== null && (hub.kind === 'unreachable' || hub.kind === 'none')) removeCacheFile(created);
      };
      let now = clock();
      // Errors while reading the cache or the hub are worded as such; those of judging it, as an evaluation's.
      let evaluating = false;
      try {
        if (args.source !== undefined) {
          if (!existsSync(args.source)) return unknown(w('unknown.sourceMissing', { path: args.source }));
          recording = await openRecordingCache(args.source, ALERT_MIGRATIONS);
          if (notRecording(recording)) return unknown(w('unknown.notRecording', { path: args.source }));
          cache = recording.cache;
          hub = { kind: 'recording', file: args.source };
          now = recording.ingest.newestTs ?? now;
        } else {
          let path: string;
          try {
            path = findCache(args.cache, args.url, io.env).path;
          } catch (err) {
            const several = err instanceof UsageError && err.key === 'cache.several';
            const params = several ? (err.params as Record<string, string>) : {};
            return unknown(w(several ? 'unknown.severalCaches' : 'unknown.noCache', params));
          }
          // Without a hub to fill it, a cache that is not there is a mistyped path, not an empty cache.
          if (!existsSync(path)) {
            if (args.url === null) return unknown(w('unknown.cacheMissing', { path }));
            created = path;
          }
          cache = openCache({
            path,
            extraMigrations: ALERT_MIGRATIONS,
            ifLocked: 'read-only',
            onUpgrade: (steps) => io.stderr.write(`${w('notice.upgrading', { path, steps: steps.join(', ') })}\n`),
          });
          if (cache.readOnly) {
            const by = cache.lockedBy;
            const holder = by ? w('holder.pid', { pid: by.pid, host: by.host }) : w('holder.unknown');
            hub = { kind: 'shared', holder };
          } else if (args.url !== null) {
            const { token } = resolveToken({ tokenFile: args.tokenFile ?? undefined, env: io.env });
            const timeoutMs = Math.max(100, args.timeoutMs - reserveMs(args.timeoutMs) - performance.now());
            const ca = args.ca === null ? undefined : readFileSync(args.ca);
            hub = await refreshFromHub(cache, timeoutMs, { url: args.url, token, ca });
            if (hub.kind === 'unreachable' && hub.error === '')
              hub = { ...hub, error: w('error.noAnswer', { n: args.timeoutMs }) };
            now = clock();
          }
        }
        evaluating = true;
        const metrics = createMetrics(cache);
        const words = { lang, now, nameOf: namer(metrics.agencies(), metrics.securityServers()) };
        const cachePath = recording ? args.source! : cache.path;
        const result = evaluateCheck({ cachePath, db: cache.db, metrics, config, hub, maxAgeMs: args.maxAgeMs, words });
        io.stdout.write(json ? formatStatusJson(result, cache.path, hub, words) : formatPluginOutput(result));
        return result.exitCode;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        if (evaluating) return unknown(w('unknown.evaluate', { error }));
        return unknown(isNotDatabase(err) ? w('unknown.notCache', { path: args.cache ?? '' }) : errorText(err, t));
      } finally {
        close();
      }
    },
  };
}

export const statusCommand = createStatusCommand();
