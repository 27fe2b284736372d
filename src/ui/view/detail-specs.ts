/** The lists inside an agency's detail: its overdue documents, recent events, server history. */
import type { EventFacts, OverdueDocument, RecentEvent, ServerTransition } from '../../metrics/types.js';
import { formatDateTime, formatDurationShort } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { serverStateKey } from './agencies-spec.js';
import { eventSearchText, eventSummary, eventTypeText } from './event-summary.js';
import { column, type ListSpec } from './list-spec.js';
import { searchKey } from './search.js';

export const toOverdueModel = (d: OverdueDocument): OverdueDocument => ({
  ...d,
  docId: sanitize(d.docId),
  sender: sanitize(d.sender),
  subject: d.subject === null ? null : sanitize(d.subject),
});

const docCol = column<OverdueDocument>;
export const overdueSpec: ListSpec<OverdueDocument> = {
  columns: [
    docCol({ id: 'docId', title: 'col.docId', min: 16, flex: 2, max: 44, priority: 0 }).text((d) => d.docId),
    docCol({ id: 'overdueBy', title: 'col.overdueBy', min: 8, priority: 0, align: 'right', descFirst: true })
      .sortBy((d) => d.overdueMs)
      .shows((d, { lang }) => ({ text: formatDurationShort(d.overdueMs, lang), role: 'warn' })),
    docCol({ id: 'replyBy', title: 'col.replyBy', min: 16, priority: 2 })
      .sortBy((d) => d.replyBy)
      .shows((d) => ({ text: formatDateTime(d.replyBy), role: 'muted' })),
    // Sanitised by `toOverdueModel`.
    docCol({ id: 'subject', title: 'col.summary', min: 12, flex: 3, priority: 1 }).text((d) => d.subject ?? ''),
  ],
  defaultSort: { column: 'overdueBy', desc: true },
  key: (d) => d.docId,
  documentId: (d) => d.docId,
  fallbackSort: (d) => d.docId,
  searchText: (d) => `${d.docId.toLowerCase()} ${searchKey(d.subject ?? '')}`,
};

const sanitizeFacts = (f: EventFacts): EventFacts =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v) : v])) as EventFacts;

export const toEventModel = (e: RecentEvent): RecentEvent => ({
  ...e,
  type: sanitize(e.type),
  facts: sanitizeFacts(e.facts),
});

const eventCol = column<RecentEvent>;
export const eventsSpec: ListSpec<RecentEvent> = {
  columns: [
    eventCol({ id: 'time', title: 'col.time', min: 16, priority: 0 }).shows((e) => ({
      text: formatDateTime(e.ts),
      role: 'muted',
    })),
    eventCol({ id: 'type', title: 'col.type', min: 12, max: 20, flex: 1, priority: 1 })
      .sortBy((e) => e.type)
      .shows((e, { t }) => ({ text: eventTypeText(e.type, t) })),
    eventCol({ id: 'summary', title: 'col.summary', min: 20, flex: 4, priority: 0 })
      .sortBy((e) => e.facts.docId ?? '')
      .shows((e, { t }) => ({ text: eventSummary(e, t) })),
  ],
  defaultSort: { column: 'time', desc: true },
  key: (e) => String(e.seq),
  fallbackSort: (e) => e.seq,
  searchText: eventSearchText,
};

export const toTransitionModel = (s: ServerTransition): ServerTransition => ({
  ...s,
  reason: s.reason === null ? null : sanitize(s.reason),
});

const stepCol = column<ServerTransition>;
export const serverHistorySpec: ListSpec<ServerTransition> = {
  columns: [
    stepCol({ id: 'time', title: 'col.time', min: 16, priority: 0 }).shows((s) => ({
      text: formatDateTime(s.at),
      role: 'muted',
    })),
    stepCol({ id: 'from', title: 'col.from', min: 6, max: 10, priority: 2 })
      .sortBy((s) => s.from)
      .shows((s, { t }) => ({ text: t(serverStateKey(s.from)), role: 'muted' })),
    stepCol({ id: 'to', title: 'col.to', min: 6, max: 10, priority: 0 })
      .sortBy((s) => s.to)
      .shows((s, { t }) => ({
        text: t(serverStateKey(s.to)),
        role: s.to === 'disconnected' ? 'critical' : s.to === 'degraded' ? 'warn' : 'ok',
      })),
    stepCol({ id: 'reason', title: 'col.reason', min: 12, flex: 3, priority: 1 }).text((s) => s.reason ?? ''),
  ],
  defaultSort: { column: 'time', desc: true },
  key: (s) => `${s.at}:${s.to}`,
  fallbackSort: (s) => s.at,
  searchText: (s) => searchKey(s.reason ?? ''),
};
