/** Incidents as rows, acute and firing first; marks for what began since the operator looked (•) and for ack (*). */
import type { AlertView } from '../data/sources.js';
import { severityRank } from '../../alerts/types.js';
import { durationCell } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { column, type CellRole, type ListSpec } from './list-spec.js';
import { searchKey } from './search.js';

const STATE_RANK = { firing: 2, pending: 1, acknowledged: 0 } as const;
const SEVERITY_ROLE: Record<AlertView['severity'], CellRole> = { critical: 'critical', warning: 'warn' };

/** Alert text comes from hub data (agency names, reasons): sanitised once here. */
export const toAlertModel = (a: AlertView): AlertView => ({
  ...a,
  subject: sanitize(a.subject),
  summary: sanitize(a.summary),
  acknowledgedBy: a.acknowledgedBy === null ? null : sanitize(a.acknowledgedBy),
  folded: a.folded.map((f) => ({ ...f, subject: sanitize(f.subject), summary: sanitize(f.summary) })),
});

/** The summary, and the subject unless the summary already names it (an incident names its agency or server). */
export const alertText = (a: AlertView): string =>
  a.subject && !a.summary.includes(a.subject) ? `${a.summary} — ${a.subject}` : a.summary;

/** Acute before standing, whatever the state; then firing, pending, acknowledged; severe first; newest first. */
const byState = (a: AlertView): number =>
  (a.kind === 'standing' ? 0 : 1e14) + STATE_RANK[a.state] * 1e13 + severityRank(a.severity) * 1e12 + a.since / 1e3;

const col = column<AlertView>;
export const alertsSpec: ListSpec<AlertView> = {
  columns: [
    col({ id: 'mark', title: 'col.mark', min: 1, max: 1, priority: 0 })
      .sortBy(byState)
      .shows((a) => ({ text: a.marked ? '*' : a.fresh ? '•' : '', role: 'emphasis' })),
    col({ id: 'severity', title: 'col.severity', min: 4, max: 6, priority: 0 })
      .sortBy((a) => severityRank(a.severity) * 10 + STATE_RANK[a.state])
      .shows((a, { t }) => ({
        text: t(`severity.${a.severity}`),
        role: a.state === 'acknowledged' ? 'muted' : SEVERITY_ROLE[a.severity],
      })),
    col({ id: 'state', title: 'col.state', min: 7, max: 10, priority: 1 })
      .sortBy(byState)
      .shows((a, { t }) => ({ text: t(`alertState.${a.state}`), role: a.state === 'firing' ? 'emphasis' : 'muted' })),
    // The summary names the agency or server too: at 80 columns it keeps the room, the subject steps aside.
    col({ id: 'summary', title: 'col.alert', min: 44, flex: 3, priority: 0 }).shows((a, { t }) => ({
      // A standing line already says how many it spans.
      text:
        a.folded.length > 0 && a.kind !== 'standing'
          ? `${t('alert.folded', { n: a.folded.length })} ${a.summary}`
          : a.summary,
      role: a.state === 'acknowledged' ? 'muted' : undefined,
    })),
    col({ id: 'subject', title: 'col.subject', min: 14, flex: 2, priority: 4 }).text((a) => a.subject),
    col({ id: 'ackBy', title: 'col.ackBy', min: 8, max: 14, flex: 1, priority: 3 })
      .sortBy((a) => a.acknowledgedBy ?? '')
      .shows((a) => ({ text: a.acknowledgedBy ?? '–', role: 'muted' })),
    col({ id: 'since', title: 'col.since', min: 7, priority: 1, align: 'right' })
      // By the age shown, so ▲ lists the shortest first as the status line says.
      .sortBy((a) => -a.since)
      .shows((a, { lang, now }) => ({ ...durationCell(now - a.since, lang), role: 'muted' })),
  ],
  defaultSort: { column: 'state', desc: true },
  key: (a) => a.id,
  agencyId: (a) => a.agencyId,
  describeTitle: (a) => a.summary,
  fallbackSort: (a) => a.summary,
  searchText: (a) => `${searchKey(a.summary)} ${searchKey(a.subject)} ${a.rule.toLowerCase()}`,
  stateKey: (a) => `${a.state}|${a.severity}|${a.marked ? 1 : 0}|${a.fresh ? 1 : 0}`,
};
