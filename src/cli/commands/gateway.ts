import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDuration } from '../../alerts/duration.js';
import { stateDir } from '../../config/index.js';
import { checkGateway } from '../../gateway/check.js';
import { GlobalConfError } from '../../gateway/globalconf.js';
import { startGateway, type GatewayOptions } from '../../gateway/service.js';
import { parseClientId } from '../../gateway/soap-request.js';
import { readTokenFile } from '../../ingest/token.js';
import { cliWords, CommandError, untilStopSignal, UsageError, type Command } from '../command.js';
import { badValue, durationFlag, listenError, parseFlags, strings, wholeFlag } from '../parse-flags.js';

const FLAGS = {
  ...strings('globalconf', 'client', 'security-server'),
  documents: { type: 'string', multiple: true },
  ...strings('db', 'host', 'port', 'token-file', 'poll-interval', 'timeout', 'disconnect-after', 'records-offset'),
  ...strings('backfill', 'buffer', 'heartbeat-ms', 'hub-name'),
  check: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** Reads and judges the flags; every problem is a UsageError naming the flag and the value. */
function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const { values } = parseFlags(argv, { options: FLAGS }, 'flag.tokenSources.gateway');
  const required = (flag: 'globalconf' | 'client' | 'security-server'): string => {
    const v = values[flag];
    if (v === undefined || v === '') throw new UsageError('flag.required', { flags: `--${flag}` });
    return v;
  };
  const globalconf = required('globalconf');
  const clientText = required('client');
  const client = parseClientId(clientText);
  if (!client) throw badValue('--client', clientText, { key: 'expect.client' });
  const url = required('security-server');
  if (!/^https?:\/\/[^/\s]+/i.test(url) || !URL.canParse(url))
    throw badValue('--security-server', url, { key: 'expect.httpUrl' });
  const documents = (values.documents ?? []).flatMap((d) => d.split(',').map((s) => s.trim())).filter(Boolean);
  if (documents.length === 0 && !values.check) throw new UsageError('flag.required', { flags: '--documents' });
  const options = {
    globalconf,
    client,
    securityServerUrl: url,
    documents,
    dbFile: values.db ?? join(stateDir(env), 'gateway.sqlite'),
    host: values.host ?? '127.0.0.1',
    port: wholeFlag('port', values.port, 8788, 0),
    pollIntervalMs: durationFlag('poll-interval', values['poll-interval'], 30_000),
    timeoutMs: durationFlag('timeout', values.timeout, 10_000),
    disconnectAfterMs: durationFlag('disconnect-after', values['disconnect-after'], 300_000),
    recordsOffsetSec: wholeFlag('records-offset', values['records-offset'], 60, 0),
    backfillMs: durationFlag('backfill', values.backfill, 3_600_000),
    bufferSize: wholeFlag('buffer', values.buffer, 200_000, 1),
    heartbeatMs: wholeFlag('heartbeat-ms', values['heartbeat-ms'], 5_000, 10),
    ...(values['hub-name'] !== undefined && { hubName: values['hub-name'] }),
  } satisfies Partial<GatewayOptions>;
  return { options, check: values.check === true, tokenFile: values['token-file'] };
}

/** Global configuration's problems in the operator's words. */
function confError(err: unknown, instance: string): Error {
  if (!(err instanceof GlobalConfError) || err.kind === 'unreadable')
    return new CommandError('gateway.conf.unreadable', { detail: (err as Error).message });
  return new CommandError(`gateway.conf.${err.kind}`, { path: err.subject, instance });
}

export const gatewayCommand: Pick<Command, 'run'> = {
  async run(argv, io) {
    const t = cliWords(argv, io.env);
    const { options, check, tokenFile } = readOptions(argv, io.env);
    const say = (line: string): void => void io.stdout.write(`${line}\n`);
    if (check) {
      const report = await checkGateway(options).catch((err: unknown) => {
        throw confError(err, options.client.instance);
      });
      say(t('gateway.checkRegistry', { file: report.file, agencies: report.agencies, skipped: report.skipped }));
      for (const { ok, id, latencyMs: ms = 0, error = '' } of report.servers)
        say(ok ? t('gateway.checkOk', { id, ms }) : t('gateway.checkFailed', { id, error }));
      const ok = report.servers.filter((s) => s.ok).length;
      say(t('gateway.checkSummary', { ok, all: report.servers.length }));
      return ok === report.servers.length ? 0 : 1;
    }
    const token = tokenFile === undefined ? undefined : readTokenFile(tokenFile);
    try {
      mkdirSync(dirname(options.dbFile), { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new CommandError('gateway.db', { file: options.dbFile, detail: (err as Error).message });
    }
    const note = (line: string): void => void io.stderr.write(`${new Date().toISOString()} ${line}\n`);
    const notes: GatewayOptions['notes'] = {
      registrySkipped: (n, examples) => note(t('gateway.noteSkipped', { n, examples: examples.join('; ') })),
      registryNotRead: (error) => note(t('gateway.noteNotRead', { error })),
      serverState: (id, state, reason = '') => note(`${id}: ${t(`gateway.state.${state}`)}${reason && ` — ${reason}`}`),
      setAside: (id, n, reason) => note(t('gateway.noteSetAside', { id, n, reason })),
    };
    const gateway = await startGateway({ ...options, token, notes }).catch((err: unknown) => {
      if (err instanceof GlobalConfError) throw confError(err, options.client.instance);
      const code = (err as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && code.startsWith('SQLITE'))
        throw new CommandError('gateway.db', { file: options.dbFile, detail: code });
      throw listenError(err, options.host, options.port);
    });
    say(t('gateway.listening', { url: gateway.url, epoch: gateway.epoch, file: options.dbFile }));
    const every = formatDuration(options.pollIntervalMs);
    say(t('gateway.polling', { servers: gateway.servers, agencies: gateway.agencies, every }));
    await untilStopSignal();
    await gateway.close();
    say(t('gateway.stopped'));
    return 0;
  },
};
