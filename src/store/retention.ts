import type Database from 'better-sqlite3';
import type { StoredEvent } from './event-log.js';
import { foldedUntil } from './hour-packs.js';

const DAY = 86_400_000;

/** How long each kind of data is kept, in days, by default. */
export const DEFAULT_RETENTION = {
  /** Raw events and rejected messages. */
  rawEventsDays: 35,
  /** Per-minute rollups; must reach past a week for the week-ago trend of short windows. */
  minuteRollupDays: 35,
  /** Per-hour rollups and security server history. */
  hourlyRollupDays: 400,
  /** Documents and deliveries; a delivery with an unanswered deadline is kept until answered. */
  documentsDays: 90,
};
export type Retention = Readonly<typeof DEFAULT_RETENTION>;

/** What one pass removed, rows of each kind; `marks` are `doc_marks` rows. */
export type PruneResult = ReturnType<typeof prune>;

/** Deletes in slices so a reader or the ingest never waits long on one big transaction. */
const SLICE = 50_000;

/**
 * The first key whose time is at or after `cutoff`, by binary search over an increasing key
 * (seq, document id) whose time rises with it. Times need not be strictly monotonic: a few
 * stragglers near the boundary are kept a little longer, never deleted early in bulk.
 */
function firstKeyAtOrAfter(lo: number, hi: number, timeAt: (key: number) => number | undefined, cutoff: number) {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const t = timeAt(mid);
    if (t === undefined || t >= cutoff) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sliced(db: Database.Database, from: number, to: number, run: (a: number, b: number) => number): number {
  let n = 0;
  for (let a = from; a < to; a += SLICE) n += db.transaction(() => run(a, Math.min(a + SLICE, to)))();
  return n;
}

/**
 * Drops the events older than `cutoff` at the start of the first block kept, the one at or after `firstSeq`, so that
 * retention keeps no older event than a whole block would. Only a leading run of derived events (seq up to `derived`)
 * goes, which leaves the block's seqs consecutive. Returns the events dropped.
 */
function trimBlock(db: Database.Database, stream: number, firstSeq: number, cutoff: number, derived: number): number {
  const block = db
    .prepare<[number, number], { first_seq: number; events: string }>(
      'SELECT first_seq, events FROM event_blocks WHERE stream = ? AND first_seq >= ? ORDER BY first_seq LIMIT 1',
    )
    .get(stream, firstSeq);
  if (!block) return 0;
  const events = JSON.parse(block.events) as StoredEvent[];
  let old = 0;
  while (old < events.length && events[old]![1] < cutoff && events[old]![0] <= derived) old++;
  if (old === 0 || old === events.length) return 0;
  db.prepare('UPDATE event_blocks SET first_seq = ?, events = ? WHERE stream = ? AND first_seq = ?').run(
    block.first_seq + old,
    JSON.stringify(events.slice(old)),
    stream,
    block.first_seq,
  );
  return old;
}

/** Applies the retention policy as of `now`. */
export function prune(db: Database.Database, retention: Retention, now: number) {
  const run = (sql: string, ...params: number[]): number => db.prepare(sql).run(...params).changes;
  const rawCutoff = now - retention.rawEventsDays * DAY;
  let events = 0;
  // Events whose documents are not derived yet stay, however old: they are the documents' source.
  const streams = db.prepare<[], { id: number; derived: number }>('SELECT id, derived_seq AS derived FROM streams');
  // Blocks in seq order; a block goes once its newest event is past the cutoff.
  const nextBlockTs = db
    .prepare<[number, number], number>(
      'SELECT last_ts FROM event_blocks WHERE stream = ? AND first_seq >= ? ORDER BY first_seq LIMIT 1',
    )
    .pluck();
  const bounds = db.prepare<[number], { lo: number | null; hi: number | null }>(
    'SELECT min(first_seq) lo, max(first_seq) hi FROM event_blocks WHERE stream = ?',
  );
  const delBlocks = db.prepare<[number, number, number, number], { n: number }>(
    `DELETE FROM event_blocks WHERE stream = ? AND first_seq >= ? AND first_seq < ? AND last_seq <= ?
     RETURNING last_seq - first_seq + 1 AS n`,
  );
  for (const { id: stream, derived } of streams.all()) {
    const { lo, hi } = bounds.get(stream)!;
    if (lo === null || hi === null) continue;
    const end = firstKeyAtOrAfter(lo, hi + 1, (seq) => nextBlockTs.get(stream, seq), rawCutoff);
    let removed = sliced(db, lo, end, (a, b) => delBlocks.all(stream, a, b, derived).reduce((n, r) => n + r.n, 0));
    removed += db.transaction(() => trimBlock(db, stream, end, rawCutoff, derived))();
    run('UPDATE streams SET events = max(0, events - ?) WHERE id = ?', removed, stream);
    events += removed;
  }
  // The agencies' entries, agency by agency: each is a range at the start of its agency.
  const agencies = db.prepare('SELECT id FROM agencies').pluck().all() as number[];
  const delEntries = db.prepare('DELETE FROM event_agencies WHERE agency = ? AND ts < ?');
  for (let i = 0; i < agencies.length; i += 1_000)
    db.transaction(() => agencies.slice(i, i + 1_000).forEach((a) => delEntries.run(a, rawCutoff)))();
  const rejections = run('DELETE FROM rejections WHERE at < ?', rawCutoff);
  // Minutes not folded into their hours yet stay, however old: they are the hours' source.
  const folded = foldedUntil(db);
  const minute =
    folded === null
      ? Number.NEGATIVE_INFINITY
      : Math.min(Math.floor((now - retention.minuteRollupDays * DAY) / 60_000), folded * 60);
  const minuteRows = folded === null ? 0 : run('DELETE FROM rollup_minute WHERE minute < ?', minute);
  const hourCutoff = now - retention.hourlyRollupDays * DAY;
  const hour = Math.floor(hourCutoff / 3_600_000);
  const hourRows = run('DELETE FROM rollup_hour WHERE hour < ?', hour);
  run('DELETE FROM hour_packs WHERE hour < ?', hour);
  const transitions = run('DELETE FROM server_transitions WHERE at < ?', hourCutoff);

  const docCutoff = now - retention.documentsDays * DAY;
  const docs = db.prepare<[], { lo: number; hi: number }>(
    'SELECT coalesce(min(id), 0) lo, coalesce(max(id), -1) hi FROM documents',
  );
  const { lo, hi } = docs.get()!;
  const sentAt = db
    .prepare<[number], number>('SELECT sent_at FROM documents WHERE id >= ? ORDER BY id LIMIT 1')
    .pluck();
  const end = firstKeyAtOrAfter(lo, hi + 1, (id) => sentAt.get(id), docCutoff);
  const delDeliveries = db.prepare(
    'DELETE FROM deliveries WHERE doc >= ? AND doc < ? AND (reply_by IS NULL OR answered_at IS NOT NULL)',
  );
  const delDocuments = db.prepare(
    'DELETE FROM documents WHERE id >= ? AND id < ? AND NOT EXISTS (SELECT 1 FROM deliveries WHERE doc = documents.id)',
  );
  const deliveries = sliced(db, lo, end, (a, b) => delDeliveries.run(a, b).changes);
  const documents = sliced(db, lo, end, (a, b) => delDocuments.run(a, b).changes);
  // A repeat of a document older than its retention counts as new again: its marks go with it.
  const marks = run('DELETE FROM doc_marks WHERE at < ?', docCutoff);
  run('DELETE FROM doc_keys WHERE NOT EXISTS (SELECT 1 FROM doc_marks WHERE doc = doc_keys.key)');
  // Follow-ups of documents the cache never saw sent, past the documents' retention.
  run('DELETE FROM held_events WHERE ts < ?', docCutoff);
  // Rollup rows before this minute and this hour may be gone.
  const rollupsBefore = { minute, hour };
  return { events, rejections, minuteRows, hourRows, deliveries, documents, transitions, marks, rollupsBefore };
}
