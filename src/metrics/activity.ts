/** What the cache holds, read by index: the stream, an agency's recent events, rejections, one document (văn bản). */
import { STATUS_CODES, type StatusCode } from '../protocol/index.js';
import { BLOCK_AT_SQL, readEvents, type EventRef } from '../store/event-log.js';
import { statusBit } from '../store/rollup-columns.js';
import type { MetricsContext } from './context.js';
import type { DocumentRecord, EventFacts, RecentEvent, RejectionRow, StreamInfo } from './types.js';

/** An agency's newest stored events, newest first (found through `event_agencies`). */
export function recentEvents(ctx: MetricsContext, agencyId: string, limit = 50): RecentEvent[] {
  const id = ctx.ids.find(agencyId);
  if (id === undefined) return [];
  const refs = ctx
    .statement(
      'SELECT stream, seq FROM event_agencies WHERE agency = ? ORDER BY ts DESC, stream DESC, seq DESC LIMIT ?',
    )
    .all(id, limit) as EventRef[];
  const events = readEvents(ctx.statement(BLOCK_AT_SQL), refs);
  return events.map(([seq, ts, type, data]) => ({ seq, ts, type, facts: eventFacts(data) }));
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
         coalesce((SELECT value FROM meta WHERE key = 'hub_not_reported'), '[]') AS notReported
       FROM (SELECT 1) LEFT JOIN streams s ON s.id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_stream')`,
    )
    .get() as Omit<StreamInfo, 'notReported'> & { notReported: string };
  // The latest hello's list, as the writer keeps it (none before a hello said so).
  return { ...row, notReported: JSON.parse(row.notReported) as string[] };
}

/** One document and where it got to with each recipient, for the describe view. */
export function documentRecord(ctx: MetricsContext, docId: string): DocumentRecord | null {
  const doc = ctx
    .statement('SELECT id, sender, sent_at sentAt, reply_by replyBy, subject, sends FROM documents WHERE doc_id = ?')
    .get(docId) as
    (Omit<DocumentRecord, 'docId' | 'sender' | 'recipients'> & { id: number; sender: number }) | undefined;
  if (!doc) return null;
  const { id, sender, ...fields } = doc;
  const rows = ctx
    .statement(
      `SELECT recipient, reply_by AS replyBy, delivered_at AS deliveredAt, failed_at AS failedAt, fail_reason AS failReason,
         statuses, arrived_at AS arrivedAt, accepted_at AS acceptedAt, answered_at AS answeredAt
       FROM deliveries WHERE doc = ? ORDER BY recipient`,
    )
    .all(id) as (Omit<DocumentRecord['recipients'][number], 'recipient' | 'statuses'> & {
    recipient: number;
    statuses: number;
  })[];
  return {
    docId,
    ...fields,
    sender: ctx.ids.codeOf(sender),
    recipients: rows.map((r) => ({
      ...r,
      recipient: ctx.ids.codeOf(r.recipient),
      statuses: STATUS_CODES.filter((c: StatusCode) => (r.statuses & statusBit(c)) !== 0),
    })),
  };
}

function eventFacts(data: unknown): EventFacts {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const facts: Record<string, string | number> = {};
  for (const k of ['docId', 'replyBy', 'reason', 'code', 'replyDocId', 'result'] as const)
    if (typeof d[k] === 'string') facts[k] = d[k];
  if (Array.isArray(d.recipients)) facts.recipients = d.recipients.length;
  return facts as EventFacts;
}
