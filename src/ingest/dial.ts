import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { HARD_FRAME_FACTOR, type IngestOptions, type ResolvedIngestOptions } from './options.js';

/** The WebSocket client options for every link to the hub. */
export function linkOptions(options: IngestOptions, o: ResolvedIngestOptions): WebSocket.ClientOptions {
  return {
    perMessageDeflate: false,
    maxPayload: o.maxFrameBytes * HARD_FRAME_FACTOR,
    // Invalid UTF-8 must become a counted rejection, not a torn-down socket.
    skipUTF8Validation: true,
    handshakeTimeout: o.connectTimeoutMs,
    followRedirects: false,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    ...(options.ca !== undefined && { ca: options.ca }),
  };
}

/** What one link reports; each call names its link, so one already left can be ignored. */
interface LinkEvents {
  /** Some bytes arrived, perhaps only part of a frame. */
  bytes(ws: WebSocket): void;
  open(ws: WebSocket): void;
  frame(ws: WebSocket, data: Buffer): void;
  pong(): void;
  error(err: Error & { code?: string }): void;
  /** The link closed; the promise settles once everything about it is done. */
  close(ws: WebSocket, code: number, reason: string): Promise<void>;
}

/** Dials `url`; `closed` settles once the close handler has finished. */
export function dial(
  url: string,
  options: WebSocket.ClientOptions,
  events: LinkEvents,
): { ws: WebSocket; closed: Promise<void> } {
  const ws = new WebSocket(url, options);
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  ws.binaryType = 'nodebuffer';
  let socket: Socket | undefined;
  ws.on('upgrade', (res) => (socket = res.socket));
  ws.on('open', () => {
    // On a slow link one frame can take longer than the stale limit or a ping period to
    // arrive; every byte of it shows the hub is talking, so it counts as a sign of life.
    // (Listened to only once ws reads the socket itself, so no byte is taken from it.)
    socket?.on('data', () => events.bytes(ws));
    events.open(ws);
  });
  ws.on('message', (data: WebSocket.RawData) => events.frame(ws, toBuffer(data)));
  ws.on('pong', () => events.pong());
  ws.on('error', (err: Error & { code?: string }) => events.error(err));
  ws.on('close', (code: number, reason: Buffer) => {
    void events.close(ws, code, reason.toString('utf8')).finally(resolveClosed);
  });
  return { ws, closed };
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
