import { agencyRows, scopeFilter, scopeIds, withScope, type MetricsContext } from './context.js';
import type { AgencyScope, DeadlineRow, OverdueDocument } from './types.js';

/** Deadline counts and those not yet due per recipient id, in one snapshot: a write between would look overdue. */
const kept = (ctx: MetricsContext, now: number) =>
  ctx.db.transaction(() => [ctx.rows.deadlineCounts(), ctx.rows.deadlinesAhead(now)] as const)();

/**
 * Reply deadlines owed by each recipient (hạn trả lời) as of `now`: open, oldest open and answered counts are kept on
 * ingest (`deadline_counts`); with the deadlines still in the future, overdue = open − not yet due.
 */
export function deadlines(ctx: MetricsContext, now: number, scope?: AgencyScope): DeadlineRow[] {
  const [byId, future] = kept(ctx, now);
  return agencyRows(ctx, scope, [byId]).map(({ code, id }) => {
    const c = id === undefined ? undefined : byId.get(id);
    const f = id === undefined ? undefined : future.get(id);
    const open = c?.[2] ?? 0;
    const overdue = open - (f?.[0] ?? 0);
    const oldest = c?.[3] ?? null;
    return {
      agencyId: code,
      open,
      dueWithin24h: f?.[1] ?? 0,
      overdue,
      oldestOverdueMs: overdue > 0 && oldest !== null ? now - oldest : null,
      answeredOnTime: c?.[0] ?? 0,
      answeredLate: c?.[1] ?? 0,
    };
  });
}

/** Unanswered deadline documents past their deadline, most overdue first. */
export function overdueDocuments(
  ctx: MetricsContext,
  now: number,
  scope?: AgencyScope,
  limit = 100,
): OverdueDocument[] {
  const scoped = scopeIds(ctx, scope);
  const index = scoped !== null ? 'deliveries_open_deadline' : 'deliveries_open_by_due';
  const rows = ctx
    .statement(
      `SELECT d.recipient, d.reply_by AS replyBy, doc.doc_id AS docId, doc.sender, doc.subject
       FROM deliveries d INDEXED BY ${index} JOIN documents doc ON doc.id = d.doc
       WHERE d.reply_by IS NOT NULL AND d.answered_at IS NULL AND d.reply_by < @now${scopeFilter('d.recipient', scoped !== null)}
       ORDER BY d.reply_by, d.doc, d.recipient LIMIT @limit`,
    )
    .all(withScope({ now, limit }, scoped)) as (Pick<OverdueDocument, 'docId' | 'replyBy' | 'subject'> & {
    recipient: number;
    sender: number;
  })[];
  return rows.map(({ sender, recipient, ...r }) => ({
    ...r,
    sender: ctx.ids.codeOf(sender),
    recipient: ctx.ids.codeOf(recipient),
    overdueMs: now - r.replyBy,
  }));
}

/** National count of overdue and soon-due replies: open minus not yet due, summed over the recipients' counts. */
export function deadlineTotals(ctx: MetricsContext, now: number): { overdue: number; dueWithin24h: number } {
  const [counts, ahead] = kept(ctx, now);
  let overdue = 0;
  let dueWithin24h = 0;
  counts.forEach((c) => (overdue += c[2]));
  ahead.forEach((a) => {
    overdue -= a[0];
    dueWithin24h += a[1];
  });
  return { overdue, dueWithin24h };
}
