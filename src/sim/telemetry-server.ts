/**
 * The serving half of a hub (the simulated one and `hubmon gateway`): the upgrade to `/v1/telemetry` as
 * docs/PROTOCOL.md says (404, 401, 400, 426), one {@link ClientSession} per client, heartbeats to idle ones.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { RESUME_PARAM, TELEMETRY_PATH } from '../protocol/index.js';
import { ClientSession, type SessionHost } from './client-session.js';

export interface TelemetryServerOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Bearer token clients must present; none means open. */
  readonly token?: string;
}

export type TelemetryServer = Awaited<ReturnType<typeof startTelemetryServer>>;

export async function startTelemetryServer(host: SessionHost, options: TelemetryServerOptions = {}) {
  const sessions = new Set<ClientSession>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    res.writeHead(path === TELEMETRY_PATH ? 426 : 404, { 'content-type': 'text/plain' });
    res.end(path === TELEMETRY_PATH ? 'WebSocket upgrade required\n' : 'not found\n');
  });
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets the connection while it is refused must not take the hub down: an
    // upgrading socket has no error listener of the HTTP server's any more.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://hub');
    const refuse = (status: string, extra = ''): void =>
      void socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n${extra}Content-Length: 0\r\n\r\n`);
    if (url.pathname !== TELEMETRY_PATH) return refuse('404 Not Found');
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`)
      return refuse('401 Unauthorized', 'WWW-Authenticate: Bearer realm="hubmon"\r\n');
    const sinceText = url.searchParams.get(RESUME_PARAM);
    if (sinceText !== null && !/^\d{1,15}$/.test(sinceText)) return refuse('400 Bad Request');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new ClientSession(ws, host);
      sessions.add(session);
      ws.on('close', () => sessions.delete(session));
      session.open({
        since: sinceText === null ? undefined : Number(sinceText),
        epoch: url.searchParams.get('epoch') ?? undefined,
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostName = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const beat = (): void => {
    if (host.flags.silenced || sessions.size === 0) return;
    const now = performance.now();
    const text = host.heartbeat();
    sessions.forEach((s) => s.heartbeatIfIdle(now, text));
  };
  const heartbeat = setInterval(beat, Math.max(10, Math.floor(host.heartbeatMs / 4))).unref();
  const dropClients = (): void => sessions.forEach((s) => s.ws.terminate());
  return {
    url: `ws://${hostName}:${address.port}${TELEMETRY_PATH}`,
    port: address.port,
    sessions,
    /** Sends whatever each client has not been sent yet. */
    pumpAll: (): void => sessions.forEach((s) => s.pump()),
    dropClients,
    async close(): Promise<void> {
      clearInterval(heartbeat);
      dropClients();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
