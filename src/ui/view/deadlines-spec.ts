/** Reply deadlines owed per recipient agency (hạn trả lời) as rows. */
import type { DeadlineRow } from '../../metrics/types.js';
import { judgeOverdue } from '../status/judge.js';
import { formatCount } from '../text/format-number.js';
import { durationCell } from '../text/format-time.js';
import { levelRole } from './agencies-spec.js';
import type { ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { NAME_MAX } from './columns.js';

interface DeadlineModel extends DeadlineRow {
  readonly name: string;
}

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

const SORT: Readonly<Record<string, (m: DeadlineModel) => number | string>> = {
  id: (m) => m.agencyId,
  open: (m) => m.open,
  due24h: (m) => m.dueWithin24h,
  overdue: (m) => m.overdue,
  oldest: (m) => m.oldestOverdueMs ?? -1,
  onTime: (m) => m.answeredOnTime,
  late: (m) => m.answeredLate,
};

export const deadlinesSpec: ListSpec<DeadlineModel> = {
  columns: [
    { id: 'name', title: 'col.name', min: 14, max: NAME_MAX, flex: 3, priority: 0 },
    { id: 'id', title: 'col.id', min: 13, max: 13, priority: 1 },
    { id: 'open', title: 'col.open', min: 6, priority: 2, align: 'right', descFirst: true },
    { id: 'due24h', title: 'col.due24h', min: 6, priority: 1, align: 'right', descFirst: true },
    { id: 'overdue', title: 'col.overdue', min: 6, priority: 0, align: 'right', descFirst: true },
    { id: 'oldest', title: 'col.oldest', min: 7, max: 13, priority: 1, align: 'right', descFirst: true },
    { id: 'onTime', title: 'col.onTime', min: 6, priority: 3, align: 'right', descFirst: true },
    { id: 'late', title: 'col.late', min: 6, priority: 3, align: 'right', descFirst: true },
  ],
  defaultSort: { column: 'overdue', desc: true },
  key: (m) => m.agencyId,
  agencyId: (m) => m.agencyId,
  cells: (m, { lang }) => ({
    name: { text: m.name },
    id: { text: m.agencyId, role: 'muted' },
    open: { text: formatCount(m.open, lang) },
    due24h: { text: formatCount(m.dueWithin24h, lang), role: m.dueWithin24h > 0 ? 'warn' : undefined },
    overdue: { text: formatCount(m.overdue, lang), role: levelRole(judgeOverdue(m.overdue)) },
    oldest: { ...(m.oldestOverdueMs === null ? { text: '–' } : durationCell(m.oldestOverdueMs, lang)), role: 'muted' },
    onTime: { text: formatCount(m.answeredOnTime, lang) },
    late: { text: formatCount(m.answeredLate, lang), role: m.answeredLate > 0 ? 'warn' : undefined },
  }),
  sortValue: (m, column) => SORT[column]?.(m) ?? m.name,
  searchText: (m) => `${searchKey(m.name)} ${m.agencyId.toLowerCase()}`,
  stateKey: (m) => `${judgeOverdue(m.overdue)}|${m.overdue}`,
};
