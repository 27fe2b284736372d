import { agencyUniverse, scopeFilter, scopeIds, type MetricsContext } from './context.js';
import type { AgencyScope, DeadlineRow, OverdueDocument } from './types.js';

const DAY = 86_400_000;
const OPEN = 'reply_by IS NOT NULL AND answered_at IS NULL';

/**
 * Reply deadlines owed by each recipient agency (hạn trả lời), as of `now`: the open ones read
 * from the partial index that holds exactly them, the answered ones from counters kept on ingest.
 */
export function deadlines(ctx: MetricsContext, now: number, scope?: AgencyScope): DeadlineRow[] {
  const scoped = scopeIds(ctx, scope);
  const params: Record<string, unknown> = { now, soon: now + DAY };
  if (scoped !== null) params.scope = scoped;
  const open = ctx
    .statement(
      `SELECT recipient, count(*), sum(reply_by < @now), sum(reply_by >= @now AND reply_by < @soon), min(reply_by)
       FROM deliveries INDEXED BY deliveries_open_deadline WHERE ${OPEN}${scopeFilter('recipient', scoped !== null)}
       GROUP BY recipient`,
    )
    .raw()
    .all(params) as number[][];
  const answered = ctx
    .statement(`SELECT agency, on_time, late FROM deadline_counts WHERE 1${scopeFilter('agency', scoped !== null)}`)
    .raw()
    .all(scoped !== null ? { scope: scoped } : {}) as number[][];
  const byId = new Map<number, { open?: number[]; answered?: number[] }>();
  for (const r of open) byId.set(r[0]!, { open: r });
  for (const r of answered) byId.set(r[0]!, { ...byId.get(r[0]!), answered: r });
  const codes = new Set(agencyUniverse(ctx, scope));
  for (const id of byId.keys()) codes.add(ctx.ids.codeOf(id));
  return [...codes].sort().map((code) => {
    const id = ctx.ids.find(code);
    const x = id === undefined ? undefined : byId.get(id);
    const overdue = x?.open?.[2] ?? 0;
    const oldest = x?.open?.[4];
    return {
      agencyId: code,
      open: x?.open?.[1] ?? 0,
      dueWithin24h: x?.open?.[3] ?? 0,
      overdue,
      oldestOverdueMs: overdue > 0 && oldest !== undefined ? now - oldest : null,
      answeredOnTime: x?.answered?.[1] ?? 0,
      answeredLate: x?.answered?.[2] ?? 0,
    };
  });
}

/** Unanswered deadline documents past their deadline, most overdue first. */
export function overdueDocuments(ctx: MetricsContext, now: number, scope?: AgencyScope, limit = 100): OverdueDocument[] {
  const scoped = scopeIds(ctx, scope);
  const index = scoped !== null ? 'deliveries_open_deadline' : 'deliveries_open_by_due';
  const params: Record<string, unknown> = { now, limit };
  if (scoped !== null) params.scope = scoped;
  const rows = ctx
    .statement(
      `SELECT d.recipient, d.reply_by, doc.doc_id, doc.sender, doc.subject
       FROM deliveries d INDEXED BY ${index} JOIN documents doc ON doc.id = d.doc
       WHERE d.reply_by IS NOT NULL AND d.answered_at IS NULL AND d.reply_by < @now${scopeFilter('d.recipient', scoped !== null)}
       ORDER BY d.reply_by, d.doc, d.recipient LIMIT @limit`,
    )
    .all(params) as { recipient: number; reply_by: number; doc_id: string; sender: number; subject: string | null }[];
  return rows.map((r) => ({
    docId: r.doc_id,
    sender: ctx.ids.codeOf(r.sender),
    recipient: ctx.ids.codeOf(r.recipient),
    replyBy: r.reply_by,
    overdueMs: now - r.reply_by,
    subject: r.subject,
  }));
}

/** National count of overdue and soon-due replies, straight from the due-date index. */
export function deadlineTotals(ctx: MetricsContext, now: number): { overdue: number; dueWithin24h: number } {
  const row = ctx
    .statement(
      `SELECT sum(reply_by < @now), sum(reply_by >= @now AND reply_by < @soon)
       FROM deliveries INDEXED BY deliveries_open_by_due WHERE ${OPEN}`,
    )
    .raw()
    .get({ now, soon: now + DAY }) as (number | null)[];
  return { overdue: row[0] ?? 0, dueWithin24h: row[1] ?? 0 };
}
