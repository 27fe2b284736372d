/** A throw-away cache filled from a recording, for `--source FILE`; removed when done. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migration } from '../store/index.js';
import { openCache, type Cache } from '../store/index.js';
import { ingestRecording, type RecordingIngestResult } from './ingest-recording.js';

export interface RecordingCache {
  readonly cache: Cache;
  readonly ingest: RecordingIngestResult;
  /** Closes the cache and deletes its folder. */
  dispose(): void;
}

export async function openRecordingCache(
  file: string,
  extraMigrations: readonly Migration[] = [],
): Promise<RecordingCache> {
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
