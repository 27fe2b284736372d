/** Brings a cache up to date from the hub for a one-shot check: catch up until `live`, or until the timeout. */
import { cacheSink } from '../ingest/cache-sink.js';
import { startIngest } from '../ingest/index.js';
import type { Cache } from '../store/index.js';
import type { HubOutcome } from './check.js';

interface RefreshOptions {
  readonly cache: Cache;
  readonly url: string;
  readonly token?: string;
  readonly ca?: string | Buffer;
  readonly timeoutMs: number;
}

export async function refreshFromHub(o: RefreshOptions): Promise<HubOutcome> {
  const client = startIngest({
    url: o.url,
    sink: cacheSink(o.cache),
    ...(o.token !== undefined && { token: o.token }),
    ...(o.ca !== undefined && { ca: o.ca }),
    connectTimeoutMs: o.timeoutMs,
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
    timer = setTimeout(() => done(false), o.timeoutMs);
  });
  clearTimeout(timer);
  const status = client.status();
  await client.stop();
  if (reachedLive) return { kind: 'live', url: client.hubUrl };
  if (status.hub !== undefined) {
    const lag = Math.max(0, (status.hubNewestSeq ?? 0) - o.cache.cursor().lastSeq);
    return lag === 0 ? { kind: 'live', url: client.hubUrl } : { kind: 'behind', url: client.hubUrl, lagEvents: lag };
  }
  return {
    kind: 'unreachable',
    url: client.hubUrl,
    // Empty when the hub neither answered nor refused: the command words the silence.
    error: status.lastError?.message ?? '',
  };
}
