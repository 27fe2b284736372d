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

const counter = (ctx: MetricsContext, name: string): number =>
  (ctx.statement('SELECT n FROM counters WHERE name = ?').pluck().get(name) as number | undefined) ?? 0;

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
      `SELECT s.id, s.hub_id AS hubId, s.hub_name AS hubName, s.epoch, s.last_seq AS lastSeq, s.newest_ts AS newestEventTs,
         s.events FROM streams s WHERE s.id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_stream')`,
    )
    .get() as
    | (Pick<StreamInfo, 'hubId' | 'hubName' | 'epoch' | 'lastSeq' | 'newestEventTs' | 'events'> & { id: number })
    | undefined;
  const { id, ...held } = row ?? { id: null };
  return {
    ...NO_STREAM,
    ...held,
    derivedBehind: ctx
      .statement('SELECT coalesce(sum(last_seq - derived_seq), 0) FROM streams')
      .pluck()
      .get() as number,
    rejections: counter(ctx, 'rejections'),
    gaps: id === null ? 0 : (ctx.statement('SELECT count(*) FROM gaps WHERE stream = ?').pluck().get(id) as number),
    unknownTypes: counter(ctx, 'unknown_types'),
    notReported: notReported(ctx),
  };
}

/** The latest hello's `notReported`, as the writer keeps it (none before a hello said so). */
function notReported(ctx: MetricsContext): string[] {
  const text = ctx.statement("SELECT value FROM meta WHERE key = 'hub_not_reported'").pluck().get() as
    string | undefined;
  try {
    const list: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
