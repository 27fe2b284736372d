/**
 * Worker thread for the catch-up bench: runs the simulated hub with its replay buffer
 * prefilled, on its own core, so that the figures measure the console and not the hub.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSimHub } from '../../src/sim/index.js';

export interface CatchUpHubRequest {
  readonly events: number;
  readonly seed: number;
}

export interface CatchUpHubReady {
  readonly url: string;
  readonly newestSeq: number;
  readonly oldestSeq: number;
  readonly prefillMs: number;
}

const { events, seed } = workerData as CatchUpHubRequest;
const started = performance.now();
const hub = await startSimHub({ port: 0, seed, clock: 'manual', bufferSize: events, heartbeatMs: 60_000, history: 0 });
hub.emitEvents(events - hub.newestSeq);
const ready: CatchUpHubReady = {
  url: hub.url,
  newestSeq: hub.newestSeq,
  oldestSeq: hub.oldestSeq,
  prefillMs: performance.now() - started,
};
// The bench ends this thread with worker.terminate(), which also closes the hub's sockets.
parentPort?.postMessage(ready);
