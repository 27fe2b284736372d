import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { storedSeqIn, until } from '../faults/helpers/history.js';
import { issueTestCertificates } from '../support/test-certificates.js';
import { bin, requireBuild } from '../support/bin.js';
import { hasTmux, startTmux, type TmuxSession } from '../support/tmux.js';

/**
 * The real `bin/hubmon` refusing what it must refuse, as an operator would meet it: a token file
 * others can read (clear message, non-zero exit, terminal left as it was), and a `wss://` hub
 * whose certificate it cannot verify — refused by default, trusted with `--ca`. The hub's TLS is
 * a certificate authority and a leaf made here with openssl, in front of the simulated hub.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-e2e-sec-'));
let hub: SimHub;
let tls: TlsServer;
let wssUrl: string;
let term: TmuxSession | undefined;

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  requireBuild();
  hub = await startSimHub({
    clock: 'manual',
    history: 0,
    start: Date.UTC(2026, 10, 23, 1, 0, 0),
    seed: 21,
    heartbeatMs: 1_000,
  });
  hub.emitEvents(500);
  if (!hasOpenssl) return;
  const certs = issueTestCertificates(dir, 'hub', 'hubmon e2e CA');
  // TLS in front of the simulated hub, as a reverse proxy would put it.
  tls = createTlsServer({ key: readFileSync(certs.key), cert: readFileSync(certs.cert) }, (s) => {
    const plain = connect(hub.port, '127.0.0.1');
    s.pipe(plain).pipe(s);
    s.on('error', () => plain.destroy());
    plain.on('error', () => s.destroy());
  });
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  wssUrl = `wss://127.0.0.1:${(tls.address() as AddressInfo).port}/v1/telemetry`;
});
afterEach(() => {
  term?.kill();
  term = undefined;
});
afterAll(async () => {
  if (tls) await new Promise((r) => tls.close(r));
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ TERM: 'xterm-256color', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), HUBMON_TOKEN: '' });
const run = (args: string) => {
  term = startTmux(`node ${bin} ${args} --lang en`, { cols: 80, rows: 24, env: env() });
  return term;
};

describe.runIf(hasTmux())('bin/hubmon refusing what it must (tmux)', () => {
  it('refuses a token file others can read: says why and how to fix it, exits non-zero, terminal untouched', async () => {
    const token = path.join(dir, 'token');
    writeFileSync(token, 'tok-e2e\n');
    chmodSync(token, 0o644);
    const t = run(`--url ${hub.url} --cache ${path.join(dir, 'tok.sqlite')} --token-file ${token}`);
    const screen = await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the refusal');
    expect(screen.replace(/\s+/g, ' ')).toContain(
      `token file ${token} is readable by other users (mode 644); run: chmod 600 ${token}`,
    );
    expect(screen).not.toContain('[exit 0]');
    expect(t.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
    expect(existsSync(path.join(dir, 'tok.sqlite'))).toBe(false);
  });

  it.runIf(hasOpenssl)(
    'verifies a wss:// hub’s certificate by default: unknown authority refused, nothing stored',
    async () => {
      const file = path.join(dir, 'nocA.sqlite');
      const t = run(`--url ${wssUrl} --cache ${file}`);
      await t.waitFor((s) => /self-signed|certificate|unable to verify/i.test(s), 'the certificate refusal on screen');
      expect(t.alive()).toBe(true);
      expect(storedSeqIn(file)).toBe(0);
      t.send('q');
      await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the process to end');
      expect(t.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
    },
  );

  it.runIf(hasOpenssl)('trusts the same hub with --ca and ingests from it', async () => {
    const file = path.join(dir, 'withCa.sqlite');
    const t = run(`--url ${wssUrl} --cache ${file} --ca ${path.join(dir, 'ca.pem')}`);
    await until(
      () => storedSeqIn(file) === hub.newestSeq,
      () => `events over wss (at ${storedSeqIn(file)}); screen:\n${t.capture()}`,
    );
    t.send('q');
    await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the process to end');
    expect(t.capture()).toContain('[exit 0]');
  });
});
