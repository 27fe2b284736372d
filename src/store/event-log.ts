import type Database from 'better-sqlite3';
import { MultiRow, Prepared } from './multi-row.js';

/** Most events one block holds (~2.7 KB): pages hold whole rows, and 64 (~11 KB) left a third of each page empty. */
export const BLOCK_EVENTS = 16;

/** The block that holds (stream, seq), if any: the one starting at or before it, when it reaches it. */
export const BLOCK_AT_SQL = `SELECT first_seq, last_seq, events FROM event_blocks
  WHERE stream = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1`;

type BlockRow = { readonly first_seq: number; readonly last_seq: number; readonly events: string };

export type StoredEvent = readonly [seq: number, ts: number, type: string, data: unknown];

/** Where an agency's event is: the stream and seq an `event_agencies` row points at. */
export type EventRef = { readonly stream: number; readonly seq: number };

/**
 * The raw event log: blocks of up to 16 consecutive seqs of one stream (never spanning a hole),
 * one row each holding a JSON array of `[seq, ts, type, data]`: one row where events one by one
 * cost 16 rows and 16 index entries. The row per event that remains is the agency's entry
 * (`event_agencies`). Appends are queued and written by `flush()`, in the caller's transaction.
 */
export class EventLog extends Prepared {
  private stream = -1;
  private firstSeq = 0;
  private lastSeq = 0;
  private lastTs = 0;
  private rows: StoredEvent[] = [];
  /** The queued events' agency entries: [agency, ts, stream, seq]. */
  private entries: [number, number, number, number][] = [];
  private readonly agencyRows = new MultiRow(
    this.db,
    4,
    (rows) => `INSERT INTO event_agencies (agency, ts, stream, seq) VALUES ${MultiRow.placeholders(4, rows)}`,
  );
  private readonly insertBlock = this.db.prepare<[number, number, number, number, string]>(
    'INSERT INTO event_blocks (stream, first_seq, last_seq, last_ts, events) VALUES (?, ?, ?, ?, ?)',
  );
  private readonly blockAt = this.db.prepare<[number, number], BlockRow>(BLOCK_AT_SQL);

  /** Queues one event not stored yet (were it stored, the plain INSERT fails the batch rather than keep it twice). */
  append(stream: number, seq: number, ts: number, type: string, data: unknown, agency: number | null): void {
    const n = this.rows.length;
    if (n > 0 && (stream !== this.stream || seq !== this.lastSeq + 1 || n >= BLOCK_EVENTS)) this.writeBlock();
    if (this.rows.length === 0) {
      this.stream = stream;
      this.firstSeq = seq;
      this.lastTs = ts;
    } else if (ts > this.lastTs) this.lastTs = ts;
    this.rows.push([seq, ts, type, data]);
    this.lastSeq = seq;
    if (agency !== null) this.entries.push([agency, ts, stream, seq]);
  }

  /** Queues the agency entry of an event stored earlier, when its agency is known. */
  entry(agency: number | null, ts: number, stream: number, seq: number): void {
    if (agency !== null) this.entries.push([agency, ts, stream, seq]);
  }

  /** Writes what is queued; agency entries in key order, so consecutive inserts land on the same or next page. */
  flush(): void {
    if (this.rows.length > 0) this.writeBlock();
    if (this.entries.length === 0) return;
    this.entries.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    for (const entry of this.entries) this.agencyRows.add(entry);
    this.entries = [];
    this.agencyRows.flush();
  }

  /** The stored event at (stream, seq), queued ones included. */
  find(stream: number, seq: number): StoredEvent | undefined {
    this.flush();
    return readEvents(this.blockAt, [{ stream, seq }])[0];
  }

  /** Forgets what is queued (after a rollback). */
  clear(): void {
    this.rows = [];
    this.entries = [];
    this.agencyRows.clear();
  }

  private writeBlock(): void {
    this.insertBlock.run(this.stream, this.firstSeq, this.lastSeq, this.lastTs, JSON.stringify(this.rows));
    this.rows = [];
  }
}

/** The events found of `refs`, in order, each block parsed once (a screen's few); `blockAt` runs `BLOCK_AT_SQL`. */
export function readEvents(blockAt: Database.Statement, refs: readonly EventRef[]): StoredEvent[] {
  const parsed = new Map<string, StoredEvent[]>();
  const out: StoredEvent[] = [];
  for (const { stream, seq } of refs) {
    const row = blockAt.get(stream, seq) as BlockRow | undefined;
    if (!row || row.last_seq < seq) continue;
    const key = `${stream}:${row.first_seq}`;
    let events = parsed.get(key);
    if (!events) parsed.set(key, (events = JSON.parse(row.events) as StoredEvent[]));
    const event = events[seq - row.first_seq];
    if (event) out.push(event);
  }
  return out;
}
