/** A throw-away cache filled from a recording as the ingest client would (bad lines rejected), for `--source FILE`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSessionType, parseFrame } from '../protocol/index.js';
import { readRecording } from '../sim/recording.js';
import { openCache, type Cache, type Migration } from '../store/index.js';

export type RecordingCache = Awaited<ReturnType<typeof openRecordingCache>>;

/** The cache, what was fed into it, and `dispose`, which closes it and deletes its folder. */
export async function openRecordingCache(file: string, extraMigrations: readonly Migration[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'hubmon-source-'));
  const cache = openCache({ path: join(dir, 'source.sqlite'), extraMigrations });
  const dispose = () => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return { cache, ingest: await ingestRecording(cache, file), dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

const BATCH = 5_000;
type Batch = Pick<ReturnType<typeof parseFrame>, 'messages' | 'rejections'>;

/** Feeds a recording into a cache in batches; `newestTs`: the newest event's time, null when it holds none. */
export async function ingestRecording(cache: Cache, path: string) {
  let batch: Batch = { messages: [], rejections: [] };
  let lines = 0;
  let events = 0;
  let rejected = 0;
  let newestTs: number | null = null;
  const flush = () => {
    if (batch.messages.length === 0 && batch.rejections.length === 0) return;
    const r = cache.applyBatch(batch.messages, batch.rejections);
    events += r.stored;
    rejected += r.rejected;
    batch = { messages: [], rejections: [] };
  };
  for await (const line of readRecording(path)) {
    lines++;
    const parsed = parseFrame(line.text);
    for (const m of parsed.messages) {
      batch.messages.push(m);
      if (isSessionType(m.type)) continue;
      const t = Date.parse(m.ts);
      if (newestTs === null || t > newestTs) newestTs = t;
    }
    batch.rejections.push(...parsed.rejections);
    if (batch.messages.length >= BATCH) flush();
  }
  flush();
  return { lines, events, rejections: rejected, newestTs };
}
