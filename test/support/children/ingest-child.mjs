/**
 * Runs the ingest client into a cache file as its own process, so a test can SIGKILL it.
 * argv: hub URL, cache path, the batch to hang in (0: none), the seq at which to stop.
 * With a batch to hang in, that batch is written inside an open transaction and the process
 * announces `mid-batch` and waits there for its death.
 */
import { writeSync } from 'node:fs';
import { cacheSink } from '../../../dist/ingest/cache-sink.js';
import { startIngest } from '../../../dist/ingest/index.js';
import { openCache } from '../../../dist/store/index.js';

const [url, path, hangAt, stopAt] = process.argv.slice(2);
const cache = openCache({ path, ifLocked: 'refuse' });
const inner = cacheSink(cache);
let batches = 0;
const sink = {
  lastIdentity: () => inner.lastIdentity(),
  cursor: (id) => inner.cursor(id),
  onHello: (hello) => inner.onHello(hello),
  write(batch) {
    batches++;
    if (batches !== Number(hangAt) || batch.events.length === 0) return inner.write(batch);
    cache.db.transaction(() => {
      inner.write(batch);
      writeSync(1, `mid-batch ${batch.events[0]?.seq}-${batch.events.at(-1)?.seq}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
    })();
  },
};
const client = startIngest({ url, sink, batchMaxMessages: 1_000, backoff: { initialMs: 5, maxMs: 20 } });
// As the console's screen does: the client's redial timers do not hold the process, and without
// this the process ended while a dropped link waited for its redial.
globalThis.setInterval(() => {}, 1 << 30);
writeSync(1, `started since ${inner.lastIdentity() ? inner.cursor(inner.lastIdentity()) : 0}\n`);
client.subscribe((s) => {
  if (s.state === 'live' && s.storedSeq >= Number(stopAt)) {
    void client.stop().then(() => {
      cache.close();
      writeSync(1, `done ${s.storedSeq}\n`);
      process.exit(0);
    });
  }
});
