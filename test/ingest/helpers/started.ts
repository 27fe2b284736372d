import { afterEach } from 'vitest';
import { startIngest, type IngestClient, type IngestOptions } from '../../../src/ingest/index.js';
import { startTestHub, type TestHub, type TestHubOptions } from './test-hub.js';

/** Starts what a test needs and closes it after the test. */
export interface Started {
  /** A test hub on 127.0.0.1, closed after the test. */
  hub(options?: TestHubOptions): Promise<TestHub>;
  /** An ingest client, stopped after the test (before any hub started earlier is closed). */
  client(options: IngestOptions): IngestClient;
  /** Anything else to close after the test (a cache, a simulated hub); returns `thing`. */
  closing<T>(thing: T, close: (thing: T) => unknown): T;
}

/**
 * Call once at the top of a file or `describe`. After each test everything started is closed
 * in reverse order, so each client stops before its hub goes away and nothing is left redialling.
 */
export function startedInEachTest(): Started {
  let open: Array<() => unknown> = [];
  afterEach(async () => {
    const closers = open.reverse();
    open = [];
    for (const close of closers) await close();
  });
  const closing = <T>(thing: T, close: (thing: T) => unknown): T => {
    open.push(() => close(thing));
    return thing;
  };
  return {
    hub: async (options) => closing(await startTestHub(options), (hub) => hub.close()),
    client: (options) => closing(startIngest(options), (client) => client.stop()),
    closing,
  };
}
