import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDuration, parseDuration } from '../../alerts/duration.js';
import { langFromEnv, langSchema, stateDir, type Lang } from '../../config/index.js';
import { checkGateway } from '../../gateway/check.js';
import { GlobalConfError } from '../../gateway/globalconf.js';
import { startGateway, type GatewayOptions } from '../../gateway/service.js';
import { parseClientId } from '../../gateway/soap-request.js';
import { readTokenFile, TokenError } from '../../ingest/token.js';
import { UsageError, type Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';
import { gatewayText, type GatewayText } from './gateway-text.js';

/** `--lang` from the arguments (read before they are judged, so errors speak it too), else the environment. */
function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice(7) : argv[i + 1];
  const parsed = langSchema.safeParse(given ?? env.HUBMON_LANG);
  return parsed.success ? parsed.data : langFromEnv(env);
}

const FLAGS = {
  globalconf: { type: 'string' },
  client: { type: 'string' },
  'security-server': { type: 'string' },
  documents: { type: 'string', multiple: true },
  db: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'token-file': { type: 'string' },
  'poll-interval': { type: 'string' },
  timeout: { type: 'string' },
  'disconnect-after': { type: 'string' },
  'records-offset': { type: 'string' },
  backfill: { type: 'string' },
  buffer: { type: 'string' },
  'heartbeat-ms': { type: 'string' },
  'hub-name': { type: 'string' },
  check: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** Reads and judges the flags; every problem is a UsageError in the user's language. */
function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv, t: GatewayText) {
  let values;
  try {
    ({ values } = parseFlags(argv, { options: FLAGS }, 'give --token-file PATH (the token consoles must present)'));
  } catch (err) {
    const detail = (err as Error).message;
    throw new UsageError(detail.startsWith('--token:') ? t.tokenOnCommandLine : t.badFlags(detail));
  }
  if (values.lang !== undefined && !langSchema.safeParse(values.lang).success)
    throw new UsageError(t.badLang(values.lang));
  const required = (flag: 'globalconf' | 'client' | 'security-server'): string => {
    const v = values[flag];
    if (v === undefined || v === '') throw new UsageError(t.missing(`--${flag}`));
    return v;
  };
  const globalconf = required('globalconf');
  const clientText = required('client');
  const client = parseClientId(clientText);
  if (!client) throw new UsageError(t.badClient(clientText));
  const url = required('security-server');
  if (!/^https?:\/\/[^/\s]+/i.test(url) || !URL.canParse(url)) throw new UsageError(t.badUrl('--security-server', url));
  const documents = (values.documents ?? [])
    .flatMap((d) => d.split(','))
    .map((d) => d.trim())
    .filter(Boolean);
  if (documents.length === 0 && !values.check) throw new UsageError(t.missing('--documents'));
  const whole = (flag: keyof typeof FLAGS, fallback: number, min: number): number => {
    const v = values[flag] as string | undefined;
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(t.badNumber(`--${flag}`, min, v));
    return Number(v);
  };
  const duration = (flag: keyof typeof FLAGS, fallback: number): number => {
    const v = values[flag] as string | undefined;
    if (v === undefined) return fallback;
    const ms = parseDuration(v);
    if (ms === null || ms <= 0) throw new UsageError(t.badDuration(`--${flag}`, v));
    return ms;
  };
  const options = {
    globalconf,
    client,
    securityServerUrl: url,
    documents,
    dbFile: values.db ?? join(stateDir(env), 'gateway.sqlite'),
    host: values.host ?? '127.0.0.1',
    port: whole('port', 8788, 0),
    pollIntervalMs: duration('poll-interval', 30_000),
    timeoutMs: duration('timeout', 10_000),
    disconnectAfterMs: duration('disconnect-after', 300_000),
    recordsOffsetSec: whole('records-offset', 60, 0),
    backfillMs: duration('backfill', 3_600_000),
    bufferSize: whole('buffer', 200_000, 1),
    heartbeatMs: whole('heartbeat-ms', 5_000, 10),
    ...(values['hub-name'] !== undefined && { hubName: values['hub-name'] }),
  } satisfies Partial<GatewayOptions>;
  return { options, check: values.check === true, tokenFile: values['token-file'] };
}

/** `stopWhen`: resolves when the gateway should stop; the signals by default, tests pass their own. */
export function createGatewayCommand(stopWhen?: () => Promise<void>): Command {
  return {
    name: 'gateway',
    summary: gatewayText('en').summary,
    help: gatewayText('en').help,
    helpFor: (argv, env) => gatewayText(langOf(argv, env)).help,
    async run(argv, io) {
      const t = gatewayText(langOf(argv, io.env));
      const fail = (line: string, code: number): number => {
        io.stderr.write(`hubmon gateway: ${line}\n`);
        return code;
      };
      let read;
      try {
        read = readOptions(argv, io.env, t);
      } catch (err) {
        if (err instanceof UsageError) return fail(err.message, 2);
        throw err;
      }
      const { options, check } = read;
      const confProblem = (err: unknown): string =>
        t.globalconfProblem(
          err instanceof GlobalConfError
            ? t.globalconfKind[err.kind](err.subject, options.client.instance)
            : (err as Error).message,
        );
      if (check) {
        let report;
        try {
          report = await checkGateway(options);
        } catch (err) {
          return fail(confProblem(err), 1);
        }
        io.stdout.write(`${t.checkRegistry(report.file, report.agencies, report.skipped)}\n`);
        for (const s of report.servers)
          io.stdout.write(`${s.ok ? t.checkOk(s.id, s.latencyMs ?? 0) : t.checkFailed(s.id, s.error ?? '')}\n`);
        const ok = report.servers.filter((s) => s.ok).length;
        io.stdout.write(`${t.checkSummary(ok, report.servers.length)}\n`);
        return ok === report.servers.length ? 0 : 1;
      }
      let token: string | undefined;
      try {
        token = read.tokenFile === undefined ? undefined : readTokenFile(read.tokenFile);
      } catch (err) {
        if (err instanceof TokenError) return fail(t.tokenProblem(err.message), 2);
        throw err;
      }
      try {
        mkdirSync(dirname(options.dbFile), { recursive: true, mode: 0o700 });
      } catch (err) {
        return fail(t.dbProblem(options.dbFile, (err as Error).message), 1);
      }
      const note = (line: string): void => void io.stderr.write(`${new Date().toISOString()} ${line}\n`);
      let gateway;
      try {
        gateway = await startGateway({
          ...options,
          token,
          notes: {
            registrySkipped: (n, examples) => note(t.noteSkipped(n, examples.join('; '))),
            registryNotRead: (e) => note(t.noteNotRead(e)),
            serverState: (id, state, reason) => note(`${id}: ${t.noteState[state]}${reason ? ` — ${reason}` : ''}`),
            setAside: (id, n, reason) => note(t.noteSetAside(id, n, reason)),
          },
        });
      } catch (err) {
        return fail(confProblem(err), 1);
      }
      io.stdout.write(`${t.listening(gateway.url, gateway.epoch, options.dbFile)}\n`);
      io.stdout.write(`${t.polling(gateway.servers, gateway.agencies, formatDuration(options.pollIntervalMs))}\n`);
      await (stopWhen?.() ??
        new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        }));
      await gateway.close();
      io.stdout.write(`${t.stopped}\n`);
      return 0;
    },
  };
}

export const gatewayCommand = createGatewayCommand();
