import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the client and the hub, to misbehave the way networks do:
 * trickle the hub's bytes in small chunks with delays, swallow traffic in both directions while
 * keeping both sockets open (a half-open link: no FIN, no RST), or cut every connection. It
 * records every byte the client sends, so a test can read exactly what went to the hub.
 */
export interface TcpProxyOptions {
  readonly targetPort: number;
  /** Forward the hub's bytes in chunks of at most this many bytes (default: as they come). */
  readonly chunkBytes?: number | (() => number);
  /** Wait this long (ms) before each forwarded chunk (default 0). */
  readonly delayMs?: number | (() => number);
}

export interface TcpProxy {
  readonly port: number;
  /** Bytes each client connection sent, one buffer per connection, in order. */
  readonly fromClients: Buffer[][];
  readonly connections: number;
  /** Swallows all traffic both ways from now on, keeping the sockets open. */
  blackhole(on: boolean): void;
  /** Destroys every open connection (a TCP reset), as a network loss would. */
  cut(): void;
  close(): Promise<void>;
}

const pick = (v: number | (() => number) | undefined, fallback: number): number =>
  v === undefined ? fallback : typeof v === 'number' ? v : v();

export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  const fromClients: Buffer[][] = [];
  const open = new Set<Socket>();
  let blackholed = false;

  const server = createServer((client) => {
    const sent: Buffer[] = [];
    fromClients.push(sent);
    const hub = createConnection({ host: '127.0.0.1', port: options.targetPort });
    open.add(client);
    open.add(hub);
    const end = (): void => {
      client.destroy();
      hub.destroy();
      open.delete(client);
      open.delete(hub);
    };
    client.on('error', end);
    hub.on('error', end);
    client.on('close', end);
    hub.on('close', end);

    client.on('data', (chunk: Buffer) => {
      sent.push(Buffer.from(chunk));
      if (!blackholed) hub.write(chunk);
    });

    // Hub → client goes through a queue so it can be chunked and delayed in order.
    const queue: Buffer[] = [];
    let draining = false;
    const drain = (): void => {
      if (draining) return;
      draining = true;
      const step = (): void => {
        const head = queue[0];
        if (!head || client.destroyed) {
          draining = false;
          if (!client.destroyed) hub.resume();
          return;
        }
        const size = Math.max(1, pick(options.chunkBytes, head.length));
        const piece = head.subarray(0, size);
        if (piece.length === head.length) queue.shift();
        else queue[0] = head.subarray(size);
        if (!blackholed) client.write(piece);
        const delay = pick(options.delayMs, 0);
        if (delay > 0) setTimeout(step, delay);
        else setImmediate(step);
      };
      step();
    };
    hub.on('data', (chunk: Buffer) => {
      if (blackholed) return;
      queue.push(chunk);
      // Hold the hub while the trickle is behind, so the queue stays small.
      if (queue.length > 64) hub.pause();
      drain();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    fromClients,
    get connections() {
      return fromClients.length;
    },
    blackhole(on) {
      blackholed = on;
    },
    cut() {
      for (const s of open) s.destroy();
      open.clear();
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
