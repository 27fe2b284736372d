/** Brings a cache up to date from the hub for a one-shot check: catch up until `live`, or until the timeout. */
import { cacheSink } from '../ingest/cache-sink.js';
import { startIngest, type IngestOptions } from '../ingest/index.js';
import type { Cache } from '../store/index.js';
import type { HubOutcome } from './check.js';

/** `hub`: the hub's address and what the link presents (token, CA). */
export async function refreshFromHub(
  cache: Cache,
  timeoutMs: number,
  hub: Pick<IngestOptions, 'url' | 'token' | 'ca'>,
): Promise<HubOutcome> {
  const client = startIngest({
    ...hub,
    sink: cacheSink(cache),
    connectTimeoutMs: timeoutMs,
    // Retry quickly within the check's own timeout; the hub either answers in time or not.
    backoff: { initialMs: 200, maxMs: 1_000 },
  });
  let timer: NodeJS.Timeout | undefined;
  const reachedLive = await new Promise<boolean>((resolve) => {
    const done = (live: boolean) => {
      unsubscribe();
      resolve(live);
    };
    const unsubscribe = client.subscribe((s) => {
      if (s.state === 'live') done(true);
      // Nothing listens at the hub's address: that is the answer, not a reason to wait out the
      // timeout (a hub that is up but slow still gets the whole of it).
      else if (s.state !== 'catching_up' && s.hub === undefined && /\bECONNREFUSED\b/.test(s.lastError?.message ?? ''))
        done(false);
    });
    if (client.status().state === 'live') done(true);
    timer = setTimeout(() => done(false), timeoutMs);
  });
  clearTimeout(timer);
  const status = client.status();
  await client.stop();
  if (reachedLive) return { kind: 'live', url: client.hubUrl };
  if (status.hub !== undefined) {
    const lag = Math.max(0, (status.hubNewestSeq ?? 0) - cache.cursor().lastSeq);
    return lag === 0 ? { kind: 'live', url: client.hubUrl } : { kind: 'behind', url: client.hubUrl, lagEvents: lag };
  }
  // Empty when the hub neither answered nor refused: the command words the silence.
  return { kind: 'unreachable', url: client.hubUrl, error: status.lastError?.message ?? '' };
}
