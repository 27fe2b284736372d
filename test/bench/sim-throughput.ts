/**
 * How fast the simulated hub generates history and how fast it streams it to one client over
 * a real socket on 127.0.0.1, one message per frame and batched. The lead's bench runner
 * prints these; a figure here is always a measurement, never a constant.
 */
import WebSocket from 'ws';
import { startSimHub } from '../../src/sim/index.js';

const START = Date.UTC(2025, 2, 12, 2, 0); // a Wednesday, 09:00 in Hà Nội

export interface GenerationFigure {
  readonly events: number;
  readonly seconds: number;
  /** Durable events generated, serialized and buffered per second. */
  readonly eventsPerSec: number;
}

export interface StreamFigure {
  readonly batchMax: number;
  readonly messages: number;
  readonly seconds: number;
  readonly msgsPerSec: number;
  readonly mbPerSec: number;
}

export interface SimThroughput {
  readonly generation: GenerationFigure;
  readonly streams: StreamFigure[];
}

/** Generates `events` durable events into the hub's buffer (no client) and times it. */
export async function measureGeneration(events = 1_000_000, volumeScale = 20): Promise<GenerationFigure> {
  const hub = await startSimHub({
    clock: 'manual',
    seed: 1,
    start: START,
    history: 0,
    bufferSize: events + 10_000,
    volumeScale,
  });
  try {
    const t0 = performance.now();
    hub.emitEvents(events);
    const seconds = (performance.now() - t0) / 1000;
    return { events, seconds, eventsPerSec: events / seconds };
  } finally {
    await hub.close();
  }
}

/** Streams a buffer of `events` to one fresh client and times first byte to last message. */
export async function measureStream(batchMax: number, events = 500_000): Promise<StreamFigure> {
  const hub = await startSimHub({
    clock: 'manual',
    seed: 1,
    start: START,
    history: 0,
    bufferSize: events,
    batchMax,
    volumeScale: 20,
    heartbeatMs: 600_000,
  });
  try {
    hub.emitEvents(events);
    const messages = hub.newestSeq - hub.oldestSeq + 1;
    const marker = `"seq":${hub.newestSeq},"ts"`;
    return await new Promise<StreamFigure>((resolve, reject) => {
      const ws = new WebSocket(hub.url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
      let t0 = 0;
      let bytes = 0;
      ws.on('open', () => (t0 = performance.now()));
      let opening = true;
      ws.on('message', (data: Buffer) => {
        bytes += data.length;
        // hello and the registry carry the newest seq too; the events start after them.
        if (opening) {
          const head = data.subarray(0, 128).toString('latin1');
          if (head.includes('"type":"hello"') || head.includes('"type":"registry.snapshot"')) return;
          opening = false;
        }
        // Only the tail is read: the last message of the stream ends the last frame.
        if (data.subarray(-4096).toString('latin1').includes(marker)) {
          const seconds = (performance.now() - t0) / 1000;
          ws.terminate();
          resolve({ batchMax, messages, seconds, msgsPerSec: messages / seconds, mbPerSec: bytes / 1e6 / seconds });
        }
      });
      ws.on('error', reject);
    });
  } finally {
    await hub.close();
  }
}

export async function measureSimThroughput(options: { events?: number } = {}): Promise<SimThroughput> {
  const events = options.events ?? 500_000;
  const generation = await measureGeneration(events * 2);
  const streams = [await measureStream(1, Math.min(events, 200_000)), await measureStream(100, events)];
  return { generation, streams };
}

/** One line per figure, for the bench runner's report. */
export function formatSimThroughput(r: SimThroughput): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    `sim generation: ${n(r.generation.eventsPerSec)} events/s (${n(r.generation.events)} events in ${r.generation.seconds.toFixed(2)} s)`,
    ...r.streams.map(
      (s) =>
        `sim → 1 client, ${s.batchMax === 1 ? '1 message per frame' : `${s.batchMax} per frame`}: ${n(s.msgsPerSec)} msg/s, ${s.mbPerSec.toFixed(1)} MB/s (${n(s.messages)} in ${s.seconds.toFixed(2)} s)`,
    ),
  ].join('\n');
}
