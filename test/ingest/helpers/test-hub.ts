import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventFor } from './events.js';

/**
 * A small scripted hub on 127.0.0.1: hello, then numbered events after `?since=`, heartbeats
 * when idle, and hooks to misbehave (cut links, inject raw frames, fall silent, restart with a
 * new epoch). Enough of the protocol to test the client against a real socket.
 */
export interface TestHubOptions {
  hubId?: string;
  epoch?: string;
  /** Events the hub holds at start (seq 1..events). */
  events?: number;
  /** Oldest seq it can still replay; older requests get a `reset`. */
  oldestSeq?: number;
  /** Messages per frame; a function gets the frame's index. */
  perFrame?: number | ((frameIndex: number) => number);
  heartbeatMs?: number;
  /** When set, connections without `Authorization: Bearer <token>` get HTTP 401. */
  token?: string;
  /** Builds the event with a given seq (default: realistic mixed events). */
  event?: (seq: number) => object;
}

export interface TestHub {
  readonly url: string;
  readonly port: number;
  /** `since` of every subscription, in order. */
  readonly subscriptions: number[];
  /** Request headers of every subscription. */
  readonly requestHeaders: IncomingMessage['headers'][];
  /** Data frames received from clients (the client must send none). */
  readonly framesFromClients: number;
  newestSeq(): number;
  /** Adds events and streams them to connected clients. */
  append(count: number): void;
  /**
   * Counts events as part of the history without streaming them: the test has already sent
   * them by hand with {@link injectRaw}. A later subscription replays them normally.
   */
  appendDelivered(count: number): void;
  /** Sends a frame as-is to every client (not replayed after reconnect). */
  injectRaw(data: string | Buffer): void;
  /** Cuts every connection at once (TCP reset), as a crash or network loss would. */
  dropClients(): void;
  /** Cuts each connection after it has sent this many more frames. */
  cutAfterFrames(frames: number): void;
  /** Stops sending; with `answerPings: false` it stops reading too, so pings go unanswered. */
  silence(options?: { answerPings?: boolean }): void;
  /** Comes back as another history: new epoch (or hub), its own events. */
  restart(options: { hubId?: string; epoch: string; events: number }): void;
  close(): Promise<void>;
}

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  let hubId = options.hubId ?? 'hub-test';
  let epoch = options.epoch ?? 'epoch-1';
  let newest = options.events ?? 0;
  let oldest = options.oldestSeq ?? 1;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const makeEvent = options.event ?? eventFor;
  const perFrame = options.perFrame ?? 50;
  const subscriptions: number[] = [];
  const requestHeaders: IncomingMessage['headers'][] = [];
  let framesFromClients = 0;
  let silenced = false;
  let cutAfter: number | undefined;
  const clients = new Set<Client>();

  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    path: '/v1/telemetry',
    perMessageDeflate: false,
    verifyClient: (info, done) => {
      if (options.token === undefined) return done(true);
      done(info.req.headers.authorization === `Bearer ${options.token}`, 401, 'Unauthorized');
    },
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const port = (wss.address() as AddressInfo).port;

  interface Client {
    ws: WebSocket;
    cursor: number;
    frames: number;
    cutAt: number | undefined;
    pumping: boolean;
    heartbeat: NodeJS.Timeout;
  }

  const envelope = (type: string, data: object) => ({ v: 1, seq: newest, ts: new Date().toISOString(), type, data });

  function pump(c: Client): void {
    if (c.pumping || silenced) return;
    c.pumping = true;
    const step = (): void => {
      while (!silenced && c.ws.readyState === c.ws.OPEN && c.cursor < newest) {
        if (c.ws.bufferedAmount > 1 << 20) {
          setTimeout(step, 1);
          return;
        }
        const n = typeof perFrame === 'number' ? perFrame : perFrame(c.frames);
        const batch: object[] = [];
        for (let i = 0; i < n && c.cursor < newest; i++) batch.push(makeEvent(++c.cursor));
        c.ws.send(JSON.stringify(batch.length === 1 ? batch[0] : batch));
        c.frames++;
        if (c.cutAt !== undefined && c.frames >= c.cutAt) {
          c.ws.terminate();
          break;
        }
      }
      c.pumping = false;
    };
    step();
  }

  wss.on('connection', (ws, req) => {
    const since = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? '0');
    subscriptions.push(since);
    requestHeaders.push(req.headers);
    ws.on('message', () => framesFromClients++);
    const c: Client = {
      ws,
      cursor: since,
      frames: 0,
      cutAt: cutAfter,
      pumping: false,
      heartbeat: setInterval(() => {
        if (!silenced && c.cursor >= newest)
          ws.send(JSON.stringify(envelope('heartbeat', { serverTime: new Date().toISOString(), newestSeq: newest })));
      }, heartbeatMs),
    };
    cutAfter = undefined;
    clients.add(c);
    ws.on('close', () => {
      clearInterval(c.heartbeat);
      clients.delete(c);
    });
    ws.send(
      JSON.stringify(
        envelope('hello', {
          hubId,
          hubName: 'Trục liên thông (thử nghiệm)',
          hubVersion: 'test',
          epoch,
          serverTime: new Date().toISOString(),
          newestSeq: newest,
          oldestSeq: oldest,
          heartbeatMs,
        }),
      ),
    );
    if (since < oldest - 1 || since > newest) {
      const reason = since > newest ? 'since_ahead' : 'since_too_old';
      ws.send(
        JSON.stringify(envelope('reset', { reason, requestedSince: since, oldestSeq: oldest, newestSeq: newest })),
      );
      c.cursor = oldest - 1;
    }
    pump(c);
  });

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    subscriptions,
    requestHeaders,
    get framesFromClients() {
      return framesFromClients;
    },
    newestSeq: () => newest,
    append(count) {
      newest += count;
      for (const c of clients) pump(c);
    },
    appendDelivered(count) {
      newest += count;
      for (const c of clients) c.cursor += count;
    },
    injectRaw(data) {
      for (const c of clients) c.ws.send(data, { binary: false });
    },
    dropClients() {
      for (const c of clients) c.ws.terminate();
    },
    cutAfterFrames(frames) {
      cutAfter = frames;
      for (const c of clients) c.cutAt = c.frames + frames;
    },
    silence(opts = {}) {
      silenced = true;
      if (opts.answerPings === false) {
        for (const c of clients) (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      }
    },
    restart(opts) {
      hubId = opts.hubId ?? hubId;
      epoch = opts.epoch;
      newest = opts.events;
      oldest = 1;
      silenced = false;
      for (const c of clients) c.ws.terminate();
    },
    async close() {
      for (const c of clients) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
