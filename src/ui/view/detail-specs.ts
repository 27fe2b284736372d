/** The lists inside an agency's detail: its overdue documents, recent events, server history. */
import type { EventFacts } from '../../metrics/event-summary.js';
import type { OverdueDocument, RecentEvent, ServerTransition } from '../../metrics/types.js';
import { formatDateTime, formatDurationShort } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { serverStateKey } from './agencies-spec.js';
import { eventSearchText, eventSummary, eventTypeText } from './event-summary.js';
import type { ListSpec } from './list-spec.js';
import { searchKey } from './search.js';

export const toOverdueModel = (d: OverdueDocument): OverdueDocument => ({
  ...d,
  docId: sanitize(d.docId),
  sender: sanitize(d.sender),
  subject: d.subject === null ? null : sanitize(d.subject),
});

export const overdueSpec: ListSpec<OverdueDocument> = {
  columns: [
    { id: 'docId', title: 'col.docId', min: 16, flex: 2, max: 44, priority: 0 },
    { id: 'overdueBy', title: 'col.overdueBy', min: 8, priority: 0, align: 'right', descFirst: true },
    { id: 'replyBy', title: 'col.replyBy', min: 16, priority: 2 },
    { id: 'subject', title: 'col.summary', min: 12, flex: 3, priority: 1 },
  ],
  defaultSort: { column: 'overdueBy', desc: true },
  key: (d) => d.docId,
  documentId: (d) => d.docId,
  cells: (d, { lang }) => ({
    docId: { text: d.docId },
    overdueBy: { text: formatDurationShort(d.overdueMs, lang), role: 'warn' },
    replyBy: { text: formatDateTime(d.replyBy), role: 'muted' },
    // Sanitised by `toOverdueModel`.
    subject: { text: d.subject ?? '' },
  }),
  sortValue: (d, column) =>
    column === 'overdueBy'
      ? d.overdueMs
      : column === 'replyBy'
        ? d.replyBy
        : column === 'subject'
          ? (d.subject ?? '')
          : d.docId,
  searchText: (d) => `${d.docId.toLowerCase()} ${searchKey(d.subject ?? '')}`,
};

const sanitizeFacts = (f: EventFacts): EventFacts =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v) : v])) as EventFacts;

export const toEventModel = (e: RecentEvent): RecentEvent => ({
  ...e,
  type: sanitize(e.type),
  facts: sanitizeFacts(e.facts),
});

export const eventsSpec: ListSpec<RecentEvent> = {
  columns: [
    { id: 'time', title: 'col.time', min: 16, priority: 0 },
    { id: 'type', title: 'col.type', min: 12, max: 20, flex: 1, priority: 1 },
    { id: 'summary', title: 'col.summary', min: 20, flex: 4, priority: 0 },
  ],
  defaultSort: { column: 'time', desc: true },
  key: (e) => String(e.seq),
  cells: (e, { t }) => ({
    time: { text: formatDateTime(e.ts), role: 'muted' },
    type: { text: eventTypeText(e.type, t) },
    summary: { text: eventSummary(e, t) },
  }),
  sortValue: (e, column) => (column === 'type' ? e.type : column === 'summary' ? (e.facts.docId ?? '') : e.seq),
  searchText: eventSearchText,
};

export const toTransitionModel = (s: ServerTransition): ServerTransition => ({
  ...s,
  reason: s.reason === null ? null : sanitize(s.reason),
});

export const serverHistorySpec: ListSpec<ServerTransition> = {
  columns: [
    { id: 'time', title: 'col.time', min: 16, priority: 0 },
    { id: 'from', title: 'col.from', min: 6, max: 10, priority: 2 },
    { id: 'to', title: 'col.to', min: 6, max: 10, priority: 0 },
    { id: 'reason', title: 'col.reason', min: 12, flex: 3, priority: 1 },
  ],
  defaultSort: { column: 'time', desc: true },
  key: (s) => `${s.at}:${s.to}`,
  cells: (s, { t }) => ({
    time: { text: formatDateTime(s.at), role: 'muted' },
    from: { text: t(serverStateKey(s.from)), role: 'muted' },
    to: {
      text: t(serverStateKey(s.to)),
      role: s.to === 'disconnected' ? 'critical' : s.to === 'degraded' ? 'warn' : 'ok',
    },
    reason: { text: s.reason ?? '' },
  }),
  sortValue: (s, column) =>
    column === 'reason' ? (s.reason ?? '') : column === 'from' ? s.from : column === 'to' ? s.to : s.at,
  searchText: (s) => searchKey(s.reason ?? ''),
};
