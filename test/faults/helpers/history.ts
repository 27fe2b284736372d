import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { isSessionType } from '../../../src/protocol/index.js';

/** One durable event as the hub sent it or the cache keeps it: enough to tell any two apart. */
export interface EventKey {
  readonly seq: number;
  readonly type: string;
  readonly ts: number;
  /** The payload as canonical JSON. */
  readonly data: string;
}

const canonical = (v: unknown): string => JSON.stringify(sortKeys(v));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
  );
}

/**
 * The hub's own account of its history, read by a bare WebSocket client that shares no code
 * with hubmon's ingest: every durable event from seq 1 to `untilSeq`, and the epoch it
 * belongs to. This is the oracle the cache is compared against.
 */
export async function hubHistory(
  url: string,
  untilSeq: number,
  timeoutMs = 20_000,
): Promise<{ epoch: string; events: EventKey[] }> {
  const ws = new WebSocket(`${url}?since=0`, { perMessageDeflate: false });
  const events: EventKey[] = [];
  let epoch = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`hub history: got ${events.length} of ${untilSeq} events`)),
        timeoutMs,
      );
      ws.on('error', reject);
      ws.on('message', (raw: Buffer) => {
        const value = JSON.parse(raw.toString('utf8')) as unknown;
        for (const m of (Array.isArray(value) ? value : [value]) as {
          seq: number;
          ts: string;
          type: string;
          data: { epoch?: string };
        }[]) {
          if (m.type === 'hello') epoch = m.data.epoch ?? '';
          if (isSessionType(m.type) || m.seq > untilSeq) continue;
          events.push({ seq: m.seq, type: m.type, ts: Date.parse(m.ts), data: canonical(m.data) });
        }
        if ((events.at(-1)?.seq ?? 0) >= untilSeq) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } finally {
    ws.terminate();
  }
  return { epoch, events };
}

/** What a cache file holds for one epoch, in seq order, read through a fresh read-only handle. */
export function cachedHistory(file: string, epoch: string): EventKey[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'SELECT e.seq, e.type, e.ts, e.data FROM events e JOIN streams s ON s.id = e.stream WHERE s.epoch = ? ORDER BY e.seq',
      )
      .all(epoch) as { seq: number; type: string; ts: number; data: string }[];
    return rows.map((r) => ({ seq: r.seq, type: r.type, ts: r.ts, data: canonical(JSON.parse(r.data)) }));
  } finally {
    db.close();
  }
}

/**
 * The highest seq a cache file holds in any history, read through a fresh read-only handle;
 * 0 while the file does not exist yet or cannot be read (a writer may be creating it).
 */
export function storedSeqIn(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT coalesce(max(last_seq), 0) FROM streams').pluck().get() as number) ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** SQLite's own verdict on a cache file. */
export function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Polls until `condition` holds; fails naming `what` (and its state) if it never does. */
export async function until(condition: () => boolean, what: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
