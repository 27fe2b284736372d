import type { MetricsContext } from './context.js';
import { summarizeEvent } from './event-summary.js';
import type { RecentEvent, RejectionRow, StreamInfo } from './types.js';

/** An agency's newest stored events, newest first (read through the per-agency index). */
export function recentEvents(ctx: MetricsContext, agencyId: string, limit = 50): RecentEvent[] {
  const id = ctx.ids.find(agencyId);
  if (id === undefined) return [];
  const rows = ctx
    .statement('SELECT seq, ts, type, data FROM events WHERE agency = ? ORDER BY ts DESC LIMIT ?')
    .all(id, limit) as { seq: number; ts: number; type: string; data: string }[];
  return rows.map((r) => {
    let data: unknown = null;
    try {
      data = JSON.parse(r.data);
    } catch {
      // Stored by this writer, so always JSON; an unreadable row still gets its type shown.
    }
    return { seq: r.seq, ts: r.ts, type: r.type, summary: summarizeEvent(r.type, data) };
  });
}

/** Rejected messages, newest first. */
export function rejections(ctx: MetricsContext, limit = 100): RejectionRow[] {
  return ctx
    .statement('SELECT id, at, reason, detail, raw FROM rejections ORDER BY id DESC LIMIT ?')
    .all(limit) as RejectionRow[];
}

const counter = (ctx: MetricsContext, name: string): number =>
  (ctx.statement('SELECT n FROM counters WHERE name = ?').pluck().get(name) as number | undefined) ?? 0;

/** The stream the cache follows now (the latest hello's) and what it holds of it. */
export function streamInfo(ctx: MetricsContext): StreamInfo {
  const row = ctx
    .statement(
      `SELECT s.id, s.hub_id, s.hub_name, s.epoch, s.last_seq, s.events, s.newest_ts FROM streams s
       WHERE s.id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_stream')`,
    )
    .get() as
    | {
        id: number;
        hub_id: string;
        hub_name: string | null;
        epoch: string;
        last_seq: number;
        events: number;
        newest_ts: number | null;
      }
    | undefined;
  const gaps = row ? (ctx.statement('SELECT count(*) FROM gaps WHERE stream = ?').pluck().get(row.id) as number) : 0;
  return {
    hubId: row?.hub_id ?? null,
    hubName: row?.hub_name ?? null,
    epoch: row?.epoch ?? null,
    lastSeq: row?.last_seq ?? 0,
    newestEventTs: row?.newest_ts ?? null,
    events: row?.events ?? 0,
    rejections: counter(ctx, 'rejections'),
    gaps,
    unknownTypes: counter(ctx, 'unknown_types'),
  };
}
