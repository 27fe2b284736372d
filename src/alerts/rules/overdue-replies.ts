import { candidate, type Candidate } from '../types.js';
import { WITH_DATA } from '../../metrics/types.js';
import { judgeOverdue } from '../judgement.js';
import { agencyLabels, type Rule } from './context.js';

/** Văn bản quá hạn trả lời: any overdue reply warns; many, or one long overdue, is critical. */
export const overdueReplies: Rule = (ctx) => {
  const cfg = ctx.config.overdueReplies;
  const out: Candidate[] = [];
  const rows = ctx.metrics.deadlines(ctx.now, WITH_DATA);
  // Indexed: once a minute is too seldom to be optimised, and unoptimised `for…of` allocates per element.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const verdict = judgeOverdue(row.overdue, row.oldestOverdueMs, cfg);
    if (verdict !== 'warning' && verdict !== 'critical') continue;
    // The deadline itself, not the age, so the summary does not change at every evaluation.
    const params = { overdue: row.overdue, oldestDueAt: ctx.now - (row.oldestOverdueMs ?? 0) };
    out.push(candidate('overdue-replies', agencyLabels(ctx, row.agencyId), verdict, params));
  }
  return out;
};
