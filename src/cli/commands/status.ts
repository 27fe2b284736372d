import { existsSync, readFileSync } from 'node:fs';
import { ALERT_MIGRATIONS } from '../../alerts/persist.js';
import {
  agenciesBehind,
  createAlertEngine,
  describeAlert,
  describeIncident,
  groupIncidents,
  loadAlertConfig,
  unitPath,
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
import { defaultCachePath, openCache, removeCacheFile, upgradeNotice, type Cache } from '../../store/index.js';
import type { Command, CommandIo } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const help = `Usage: hubmon status [options]

A one-shot check for the monitoring a hub already runs (Nagios, Icinga, Zabbix, cron), by the
same alert rules and thresholds as the console. It reads the cache and, when a hub URL is
known, first brings the cache up to date from the hub (connect, catch up, stop) within the
timeout. If a console is running on the same cache, the check only reads it: the console keeps
it fresh, and the check reports the console's own incidents and acknowledgements.

Output follows the monitoring-plugin conventions: one line
  HUBMON <STATE> - <summary> | <perfdata>
then one line per firing or pending alert and what the check was based on.
Perfdata (label=value[UOM];warn;crit;min;max): servers_down, servers_degraded, sig_fail_pct
(national, over the signature rule's window), overdue, due_24h, delivery_failures (1 h),
alerts_critical, alerts_warning, alerts_pending, lag (events behind the hub), age (seconds
since the newest stored event), rejections.

Exit status:
  0 OK        no alert firing
  1 WARNING   a warning alert firing, none critical
  2 CRITICAL  a critical alert firing (e.g. a security server down for more than 2 min)
  3 UNKNOWN   no data; the hub did not answer and the cache is older than --max-age;
              a bad option, settings file or alert thresholds file

Options:
  --url URL          hub telemetry URL, ws:// or wss://   (default: HUBMON_URL, config file)
  --cache PATH       cache file                          (default: one per hub under
                                                          $XDG_CACHE_HOME/hubmon)
  --timeout SECONDS  how long to wait for the hub to answer and the cache to catch up
                                                         (default 8)
  --max-age SECONDS  without the hub, a cache whose newest event is older than this is
                     UNKNOWN                             (default 600)
  --source FILE      judge a recorded stream (hubmon record) instead of a cache, as of its
                     last event; no hub is asked
  --alerts PATH      alert thresholds file               (default $XDG_CONFIG_HOME/hubmon/alerts.json)
  --token-file PATH  bearer token for the hub (or HUBMON_TOKEN); never on the command line
  --ca PATH          extra CA certificate(s), PEM, for wss://
  --lang vi|en       language of the alert lines          (default: from LANG)
  --json             print the same result as a JSON document (exit status unchanged)
  -h, --help         show this help

Examples:
  hubmon status --url wss://truc.example.gov.vn/v1/telemetry --token-file ~/.config/hubmon/token
  hubmon status --cache /var/cache/hubmon/hub.sqlite --max-age 300 --json
  # Nagios/Icinga command definition:
  #   command_line  /usr/bin/hubmon status --url $ARG1$ --timeout 8
`;

/** Options parsed; a mistake is an UNKNOWN result, as monitoring plugins report bad usage. */
interface StatusArgs {
  url: string | null;
  cache: string | null;
  timeoutMs: number;
  maxAgeMs: number;
  source: string | undefined;
  alerts: string | undefined;
  tokenFile: string | null;
  ca: string | null;
  lang: 'vi' | 'en';
  json: boolean;
}

function seconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback * 1000;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0))
    throw new Error(`--${name} must be a number of seconds above 0, got "${text}"`);
  return n * 1000;
}

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): StatusArgs {
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
  const settings = resolveSettings(
    {
      ...(values.url !== undefined && { url: values.url }),
      ...(values.cache !== undefined && { cache: values.cache }),
      ...(values.lang !== undefined && { lang: values.lang }),
      ...(values['token-file'] !== undefined && { tokenFile: values['token-file'] }),
      ...(values.ca !== undefined && { ca: values.ca }),
      ...(values.config !== undefined && { config: values.config }),
    },
    env,
  );
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
export function createStatusCommand(clock: () => number = Date.now): Command {
  return {
    name: 'status',
    summary: 'one-shot check for Nagios/Icinga/Zabbix: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN',
    help,
    async run(argv, io) {
      const json = argv.includes('--json');
      let args: StatusArgs;
      try {
        args = parse(argv, io.env);
      } catch (err) {
        return unknownLine(
          io,
          json,
          `bad usage: ${err instanceof Error ? err.message : String(err)} (see hubmon status --help)`,
        );
      }
      const loaded = loadAlertConfig(args.alerts);
      if (loaded.error !== null) return unknownLine(io, args.json, `alert thresholds file: ${loaded.error}`);
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
          recording = await openRecordingCache(args.source, ALERT_MIGRATIONS);
          cache = recording.cache;
          hub = { kind: 'recording', file: args.source };
          if (recording.ingest.newestTs !== null) now = recording.ingest.newestTs;
        } else {
          const path = args.cache ?? (args.url !== null ? defaultCachePath(args.url, io.env) : null);
          if (path === null)
            return unknownLine(io, args.json, 'no cache to judge: give --url (or HUBMON_URL) or --cache');
          if (!existsSync(path)) created = path;
          cache = openCache({
            path,
            extraMigrations: ALERT_MIGRATIONS,
            ifLocked: 'read-only',
            onUpgrade: (steps) => io.stderr.write(`${upgradeNotice(path, steps)}\n`),
          });
          if (cache.readOnly) {
            const holder = cache.lockedBy ? `pid ${cache.lockedBy.pid} on ${cache.lockedBy.host}` : 'another process';
            hub = { kind: 'shared', holder };
          } else if (args.url !== null) {
            const token = resolveToken({ ...(args.tokenFile !== null && { tokenFile: args.tokenFile }), env: io.env });
            hub = await refreshFromHub({
              cache,
              url: args.url,
              ...(token.token !== undefined && { token: token.token }),
              ...(args.ca !== null && { ca: readFileSync(args.ca) }),
              timeoutMs: args.timeoutMs,
            });
            now = clock();
          } else {
            hub = { kind: 'none' };
          }
        }
      } catch (err) {
        if (recording) recording.dispose();
        else if (cache) closeCache(cache);
        return unknownLine(io, args.json, err instanceof Error ? err.message : String(err));
      }

      try {
        const metrics = createMetrics(cache);
        const engine = createAlertEngine({ metrics, db: cache.db, config, readOnly: true, now: () => now });
        const snapshot = engine.evaluate(now);
        const names = new Map<string, string>();
        for (const a of metrics.agencies()) names.set(a.id, a.name);
        for (const s of metrics.securityServers()) names.set(s.id, s.name);
        const byId = new Map(metrics.agencies().map((a) => [a.id, a]));
        const nameOf = (id: string) => (byId.has(id) ? unitPath(id, byId) : names.get(id));
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
          describe,
          describeIncident: describeOne,
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
        return unknownLine(io, args.json, `cannot evaluate: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        if (recording) recording.dispose();
        else closeCache(cache);
      }
    },
  };
}

export const statusCommand: Command = createStatusCommand();
