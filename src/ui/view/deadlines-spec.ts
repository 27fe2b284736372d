/** Reply deadlines owed per recipient agency (hạn trả lời) as rows. */
import type { DeadlineRow } from '../../metrics/types.js';
import { judgeOverdue } from '../status/judge.js';
import { durationCell } from '../text/format-time.js';
import { levelRole } from './agencies-spec.js';
import { column, type ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { ID_COLUMN, NAME_COLUMN } from './columns.js';

type DeadlineModel = DeadlineRow & { readonly name: string };

/** A row with its agency's name; field by field, as a spread of 12,000 rows costs ~10 ms a refresh. */
export const toDeadlineModel = (d: DeadlineRow, name: string): DeadlineModel => ({
  agencyId: d.agencyId,
  open: d.open,
  dueWithin24h: d.dueWithin24h,
  overdue: d.overdue,
  oldestOverdueMs: d.oldestOverdueMs,
  answeredOnTime: d.answeredOnTime,
  answeredLate: d.answeredLate,
  name,
});

const col = column<DeadlineModel>;
export const deadlinesSpec: ListSpec<DeadlineModel> = {
  columns: [
    col(NAME_COLUMN).shows((m) => ({ text: m.name })),
    col(ID_COLUMN).text((m) => m.agencyId, 'muted'),
    col({ id: 'open', title: 'col.open', min: 6, priority: 2 }).counts((m) => m.open),
    col({ id: 'due24h', title: 'col.due24h', min: 6, priority: 1 }).counts((m) => m.dueWithin24h, 'warn'),
    col({ id: 'overdue', title: 'col.overdue', min: 6, priority: 0 }).counts(
      (m) => m.overdue,
      (m) => levelRole(judgeOverdue(m.overdue)),
    ),
    col({ id: 'oldest', title: 'col.oldest', min: 7, max: 13, priority: 1, align: 'right', descFirst: true })
      .sortBy((m) => m.oldestOverdueMs ?? -1)
      .shows((m, { lang }) => ({
        ...(m.oldestOverdueMs === null ? { text: '–' } : durationCell(m.oldestOverdueMs, lang)),
        role: 'muted',
      })),
    col({ id: 'onTime', title: 'col.onTime', min: 6, priority: 3 }).counts((m) => m.answeredOnTime),
    col({ id: 'late', title: 'col.late', min: 6, priority: 3 }).counts((m) => m.answeredLate, 'warn'),
  ],
  defaultSort: { column: 'overdue', desc: true },
  key: (m) => m.agencyId,
  agencyId: (m) => m.agencyId,
  fallbackSort: (m) => m.name,
  searchText: (m) => `${searchKey(m.name)} ${m.agencyId.toLowerCase()}`,
  stateKey: (m) => `${judgeOverdue(m.overdue)}|${m.overdue}`,
};
