import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { parseHubUrl, readTokenFile, resolveToken, TokenError } from '../../src/ingest/index.js';
import { issueTestCertificates } from '../support/test-certificates.js';
import { helloFor } from './helpers/events.js';
import { MemorySink } from './helpers/memory-sink.js';
import { startedInEachTest } from './helpers/started.js';
import { waitFor } from './helpers/wait.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-ingest-sec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tokenFile(name: string, content: string, mode: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('token file', () => {
  it('reads a token the owner alone can read', () => {
    expect(readTokenFile(tokenFile('ok', 's3cret-token\n', 0o600))).toBe('s3cret-token');
    expect(readTokenFile(tokenFile('ro', 's3cret-token', 0o400))).toBe('s3cret-token');
  });

  it.each([
    [0o644, '644'],
    [0o640, '640'],
    [0o604, '604'],
    [0o660, '660'],
  ])('refuses a file with mode %o, saying how to fix it', (mode, shown) => {
    const file = tokenFile(`loose-${shown}`, 's3cret-token', mode);
    expect(() => readTokenFile(file)).toThrow(TokenError);
    expect(() => readTokenFile(file)).toThrow(
      `token file ${file} is readable by other users (mode ${shown}); run: chmod 600 ${file}`,
    );
  });

  it('refuses a missing, empty or multi-line file with a clear reason', () => {
    expect(() => readTokenFile(path.join(dir, 'nope'))).toThrow(/cannot read token file .*nope: ENOENT/);
    expect(() => readTokenFile(tokenFile('empty', '\n', 0o600))).toThrow(/is empty/);
    expect(() => readTokenFile(tokenFile('two', 'a\nb\n', 0o600))).toThrow(/more than one line/);
    expect(() => readTokenFile(dir)).toThrow(/not a regular file|EISDIR/);
  });

  it('takes the file over the environment, the environment otherwise, and never shows the token', () => {
    const file = tokenFile('pref', 'from-file', 0o600);
    expect(resolveToken({ tokenFile: file, env: { HUBMON_TOKEN: 'from-env' } })).toEqual({
      token: 'from-file',
      source: 'file',
    });
    expect(resolveToken({ env: { HUBMON_TOKEN: ' from-env ' } })).toEqual({ token: 'from-env', source: 'env' });
    expect(resolveToken({ env: {} })).toEqual({ token: undefined, source: 'none' });
  });
});

describe('hub URL', () => {
  it.each([
    ['ws://hub.local:8080', 'ws://hub.local:8080/v1/telemetry'],
    ['wss://hub.local/v1/telemetry?since=5', 'wss://hub.local/v1/telemetry'],
  ])('%s → %s', (given, expected) => {
    expect(parseHubUrl(given).toString()).toBe(expected);
  });
  it.each([
    ['http://hub.local', /must start with ws:\/\/ or wss:\/\//],
    ['ws://user:pw@hub.local', /must not carry credentials/],
    ['hub.local:8080', /not a URL|must start with/],
  ])('refuses %s', (given, message) => {
    expect(() => parseHubUrl(given)).toThrow(message);
  });
});

describe('what the client sends the hub', () => {
  const started = startedInEachTest();

  it('presents the token as a bearer header, and nothing but the subscription', async () => {
    const hub = await started.hub({ events: 10, token: 'tok-123' });
    const sink = new MemorySink();
    started.client({ url: hub.url, sink, token: 'tok-123' });
    await waitFor(() => sink.events().length === 10, 'events');
    expect(hub.requestHeaders[0]?.authorization).toBe('Bearer tok-123');
    expect(hub.requestHeaders[0]?.['sec-websocket-extensions']).toBeUndefined();
    expect(hub.framesFromClients).toBe(0);
  });

  it('says the hub refused the token, and keeps trying', async () => {
    const hub = await started.hub({ events: 10, token: 'tok-123' });
    const client = started.client({
      url: hub.url,
      sink: new MemorySink(),
      token: 'wrong',
      backoff: { initialMs: 5, maxMs: 10 },
    });
    await waitFor(() => client.status().state === 'offline', 'offline');
    expect(client.status().lastError?.message).toBe('hub refused the connection: HTTP 401 (check the token)');
  });
});

describe('wss://', () => {
  let server: Server;
  let wss: WebSocketServer;
  let url: string;
  let caPem: string;
  const started = startedInEachTest();

  beforeAll(async () => {
    const certs = issueTestCertificates(dir, 'leaf', 'hubmon test CA');
    caPem = readFileSync(certs.ca, 'utf8');
    server = createServer({ key: readFileSync(certs.key), cert: readFileSync(certs.cert) });
    wss = new WebSocketServer({ server });
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify(helloFor(0)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `wss://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    wss.close();
    await new Promise((r) => server.close(r));
  });

  it('verifies the certificate: a hub signed by an unknown authority is refused', async () => {
    const client = started.client({ url, sink: new MemorySink(), backoff: { initialMs: 5, maxMs: 10 } });
    await waitFor(() => client.status().state === 'offline', 'offline');
    expect(client.status().lastError?.message).toMatch(/self-signed certificate in certificate chain|unable to verify/);
    expect(client.status().hub).toBeUndefined();
  });

  it('trusts a hub signed by the CA given with --ca', async () => {
    const caFile = path.join(dir, 'ca.pem');
    writeFileSync(caFile, caPem);
    const client = started.client({ url, sink: new MemorySink(), ca: readFileSync(caFile, 'utf8') });
    await waitFor(() => client.status().state === 'live', 'live over TLS');
    expect(client.status().hub?.hubId).toBe('hub-test');
  });
});
