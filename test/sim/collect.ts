import WebSocket from 'ws';

export interface Received {
  /** Every message in arrival order, parsed. */
  readonly messages: Record<string, unknown>[];
  /** Frames as received (text). */
  readonly frames: string[];
}

/**
 * Connects a plain `ws` client and collects messages until `done` says so; resolves with
 * what arrived and closes the socket.
 */
export function collect(
  url: string,
  done: (messages: readonly Record<string, unknown>[]) => boolean,
  headers: Record<string, string> = {},
): Promise<Received> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    const messages: Record<string, unknown>[] = [];
    const frames: string[] = [];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`timed out after ${messages.length} messages`));
    }, 10_000);
    ws.on('message', (data) => {
      const text = data.toString();
      frames.push(text);
      const value = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
      messages.push(...(Array.isArray(value) ? value : [value]));
      if (done(messages)) {
        clearTimeout(timer);
        ws.close();
        resolve({ messages, frames });
      }
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when it was accepted. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => undefined);
  });
}

export const durable = (messages: readonly Record<string, unknown>[]) =>
  messages.filter((m) => !['hello', 'heartbeat', 'reset', 'registry.snapshot'].includes(m.type as string));

/** Waits until the hub has accepted `n` clients (their opening messages are already on the way). */
export async function waitForClients(hub: { readonly clientCount: number }, n = 1): Promise<void> {
  for (let i = 0; i < 500 && hub.clientCount < n; i++) await new Promise((r) => setTimeout(r, 10));
  if (hub.clientCount < n) throw new Error(`hub has ${hub.clientCount} clients, expected ${n}`);
}
