import { BLOCK_AT_SQL, readEvents, type EventRef } from '../store/event-log.js';
import type { MetricsContext } from './context.js';
import { eventFacts } from './event-summary.js';
import type { RecentEvent, RejectionRow, StreamInfo } from './types.js';

/** An agency's newest stored events, newest first (found through `event_agencies`). */
export function recentEvents(ctx: MetricsContext, agencyId: string, limit = 50): RecentEvent[] {
  const id = ctx.ids.find(agencyId);
  if (id === undefined) return [];
  const refs = ctx
    .statement(
      'SELECT stream, seq FROM event_agencies WHERE agency = ? ORDER BY ts DESC, stream DESC, seq DESC LIMIT ?',
    )
    .all(id, limit) as EventRef[];
  return readEvents(ctx.statement(BLOCK_AT_SQL), refs).map(([seq, ts, type, data]) => ({
    seq,
    ts,
    type,
    facts: eventFacts(data),
  }));
}

/** Rejected messages, newest first. */
export function rejections(ctx: MetricsContext, limit = 100): RejectionRow[] {
  return ctx
    .statement('SELECT id, at, reason, detail, raw FROM rejections ORDER BY id DESC LIMIT ?')
    .all(limit) as RejectionRow[];
}

/** What `streamInfo` says of a cache that holds nothing yet. */
export const NO_STREAM: StreamInfo = Object.freeze({
  hubId: null,
  hubName: null,
  epoch: null,
  lastSeq: 0,
  newestEventTs: null,
  events: 0,
  derivedBehind: 0,
  rejections: 0,
  gaps: 0,
  unknownTypes: 0,
  notReported: [],
});

/** The stream the cache follows now (the latest hello's) and what it holds of it. */
export function streamInfo(ctx: MetricsContext): StreamInfo {
  const row = ctx
    .statement(
      `SELECT s.hub_id AS hubId, s.hub_name AS hubName, s.epoch, coalesce(s.last_seq, 0) AS lastSeq,
         s.newest_ts AS newestEventTs, coalesce(s.events, 0) AS events,
         (SELECT coalesce(sum(last_seq - derived_seq), 0) FROM streams) AS derivedBehind,
         coalesce((SELECT n FROM counters WHERE name = 'rejections'), 0) AS rejections,
         (SELECT count(*) FROM gaps WHERE stream = s.id) AS gaps,
         coalesce((SELECT n FROM counters WHERE name = 'unknown_types'), 0) AS unknownTypes,
         (SELECT value FROM meta WHERE key = 'hub_not_reported') AS notReported
       FROM (SELECT 1) LEFT JOIN streams s ON s.id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_stream')`,
    )
    .get() as Omit<StreamInfo, 'notReported'> & { notReported: string | null };
  return { ...row, notReported: notReported(row.notReported) };
}

/** The latest hello's `notReported`, as the writer keeps it (none before a hello said so). */
function notReported(text: string | null): string[] {
  try {
    const list: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
