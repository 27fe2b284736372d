/**
 * Child process for the load bench: the simulated hub, in a process of its own so that the
 * console's resident memory is measured alone (a worker thread would add the hub's replay
 * buffer to it). Two modes, given as JSON in argv[2]:
 * - `steady`: produce `rate` durable events per second of wall-clock time until told `stop`;
 * - `prefill`: hold `events` durable events, then serve them.
 * Talks over the IPC channel: posts `{ url, newestSeq }` when listening; on `'stop'` stops
 * producing and posts `{ newestSeq, produced, lateTicks }`.
 */
import { startSimHub } from '../../src/sim/index.js';

export type LoadHubRequest =
  | {
      readonly mode: 'steady';
      readonly rate: number;
      readonly seed: number;
      readonly bufferSize: number;
      /** Registry size (the simulator's default when absent). */
      readonly agencies?: number;
    }
  | { readonly mode: 'prefill'; readonly events: number; readonly seed: number };

export interface LoadHubReady {
  readonly url: string;
  readonly newestSeq: number;
}

export interface LoadHubStopped {
  readonly newestSeq: number;
  /** Events produced since the steady run started. */
  readonly produced: number;
  /** Ticks on which the hub was behind its own schedule by more than two ticks (a busy machine); the schedule slipped then rather than burst. */
  readonly lateTicks: number;
}

const request = JSON.parse(process.argv[2] ?? '{}') as LoadHubRequest;
const send = (message: object): void => void process.send?.(message);

if (request.mode === 'prefill') {
  const hub = await startSimHub({
    port: 0,
    seed: request.seed,
    clock: 'manual',
    bufferSize: request.events,
    heartbeatMs: 60_000,
    history: 0,
  });
  while (hub.newestSeq < request.events) hub.emitEvents(Math.min(10_000, request.events - hub.newestSeq));
  send({ url: hub.url, newestSeq: hub.newestSeq } satisfies LoadHubReady);
  process.on('message', (m) => {
    if (m === 'stop') void hub.close().then(() => process.exit(0));
  });
} else {
  const { rate, seed, bufferSize, agencies } = request;
  const hub = await startSimHub({
    port: 0,
    seed,
    clock: 'manual',
    bufferSize,
    heartbeatMs: 5_000,
    history: 0,
    ...(agencies !== undefined && { agencies }),
  });
  const TICK_MS = 50;
  const started = performance.now();
  const startSeq = hub.newestSeq;
  let lateTicks = 0;
  // Keep pace with the wall clock rather than count ticks, so timer drift does not lower the rate.
  // A starved hub (a busy machine) must not make up a long stall in one burst: that would
  // measure the hub's burst, not the console's steady state. Past two ticks of backlog the
  // schedule slips instead, and the tick is counted as late.
  let slipped = 0;
  const timer = setInterval(() => {
    const maxBacklog = (rate * 2 * TICK_MS) / 1000;
    let due = Math.floor(((performance.now() - started) / 1000) * rate) - slipped - (hub.newestSeq - startSeq);
    if (due <= 0) return;
    if (due > maxBacklog) {
      lateTicks++;
      slipped += due - maxBacklog;
      due = maxBacklog;
    }
    const before = hub.newestSeq;
    // emitEvents may add follow-up events beyond those asked for; small steps stay on the rate.
    while (hub.newestSeq - before < due) hub.emitEvents(Math.max(1, Math.min(due - (hub.newestSeq - before), 200)));
  }, TICK_MS);
  send({ url: hub.url, newestSeq: hub.newestSeq } satisfies LoadHubReady);
  process.on('message', (m) => {
    if (m !== 'stop') return;
    clearInterval(timer);
    send({ newestSeq: hub.newestSeq, produced: hub.newestSeq - startSeq, lateTicks } satisfies LoadHubStopped);
  });
}
