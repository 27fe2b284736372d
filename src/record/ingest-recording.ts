/** Feeds a recording into a cache as the ingest client would (parsed, bad lines rejected), for `--source FILE`. */
import {
  isSessionType,
  parseFrame,
  type Rejection,
  type TelemetryMessage,
  type UnknownMessage,
} from '../protocol/index.js';
import { readRecording } from '../sim/recording.js';
import type { Cache } from '../store/index.js';

export interface RecordingIngestResult {
  readonly lines: number;
  readonly events: number;
  readonly rejections: number;
  /** Event time of the newest event in the file, epoch ms; null when it holds none. */
  readonly newestTs: number | null;
}

const BATCH = 5_000;

export async function ingestRecording(cache: Cache, path: string): Promise<RecordingIngestResult> {
  let messages: (TelemetryMessage | UnknownMessage)[] = [];
  let rejections: Rejection[] = [];
  let lines = 0;
  let events = 0;
  let rejected = 0;
  let newestTs: number | null = null;
  const flush = () => {
    if (messages.length === 0 && rejections.length === 0) return;
    const r = cache.applyBatch(messages, rejections);
    events += r.stored;
    rejected += r.rejected;
    messages = [];
    rejections = [];
  };
  for await (const line of readRecording(path)) {
    lines++;
    const parsed = parseFrame(line.text);
    for (const m of parsed.messages) {
      messages.push(m);
      if (isSessionType(m.type)) continue;
      const t = Date.parse(m.ts);
      if (newestTs === null || t > newestTs) newestTs = t;
    }
    rejections.push(...parsed.rejections);
    if (messages.length >= BATCH) flush();
  }
  flush();
  return { lines, events, rejections: rejected, newestTs };
}
