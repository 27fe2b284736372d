/** The describe view (`d`, as in k9s): everything known about one row, one field a line, nothing cut. */
import type { DocumentRecord, Metrics } from '../../metrics/types.js';
import type { Agency } from '../../protocol/index.js';
import type { Translate } from '../i18n/translate.js';
import type { DescribeField } from '../state/routes.js';
import { formatDateTime, formatDurationShort } from '../text/format-time.js';
import { wrapWhole } from '../text/fit.js';
import { sanitize } from '../text/sanitize.js';
import { column, type Column, type ListSpec, type RenderContext } from './list-spec.js';
import { agencyIndex } from './agency-loads.js';
import { searchKey } from './search.js';

/** Columns an agency's own description already holds. */
const IN_WHO: ReadonlySet<string> = new Set(['name', 'id', 'level', 'conn']);

/** The row's own columns, each with its heading and its whole text (sparklines left out). */
function describeCells<M>(columns: readonly Column<M>[], model: M, ctx: RenderContext): DescribeField[] {
  return columns.flatMap((c) => {
    const cell = c.cell(model, ctx);
    return !cell.spark && cell.text !== '' ? [{ label: ctx.t(c.title), value: cell.text }] : [];
  });
}

/** Who an agency is: full name, identifier, level, parent, connection and security server. */
function describeAgency(a: Agency, metrics: Metrics, t: Translate): DescribeField[] {
  /** "Name (id)", or the id alone when the name is not known. */
  const named = (id: string, name: string | undefined): string =>
    name ? `${sanitize(name)} (${sanitize(id)})` : sanitize(id);
  const server = metrics.securityServers().find((s) => s.id === a.securityServer);
  return [
    { label: t('col.name'), value: sanitize(a.name) },
    { label: t('describe.id'), value: sanitize(a.id) },
    { label: t('describe.level'), value: t(`level.${a.level}`) },
    ...(a.parent === null
      ? []
      : [{ label: t('describe.parent'), value: named(a.parent, agencyIndex(metrics).get(a.parent)?.name) }]),
    { label: t('describe.connection'), value: t(`conn.${a.connection}`) },
    { label: t('describe.server'), value: named(a.securityServer, server?.name) },
  ];
}

/** A document: id, subject, sender, reply-by, and per recipient where it got to. */
function describeDocument(doc: DocumentRecord, nameOf: (id: string) => string, ctx: RenderContext): DescribeField[] {
  const { t } = ctx;
  const who = (id: string): string => `${nameOf(id)} (${sanitize(id)})`;
  const fields: DescribeField[] = [
    { label: t('col.docId'), value: sanitize(doc.docId) },
    ...(doc.subject === null ? [] : [{ label: t('describe.subject'), value: sanitize(doc.subject) }]),
    { label: t('describe.sender'), value: who(doc.sender) },
    { label: t('describe.sentAt'), value: formatDateTime(doc.sentAt) },
    { label: t('col.replyBy'), value: doc.replyBy === null ? '–' : formatDateTime(doc.replyBy) },
    { label: t('describe.sends'), value: String(doc.sends) },
  ];
  for (const r of doc.recipients) {
    fields.push({ label: t('describe.recipient'), value: who(r.recipient) });
    const events = [
      r.deliveredAt === null ? null : t('describe.delivered', { at: formatDateTime(r.deliveredAt) }),
      r.failedAt === null
        ? null
        : t('describe.failed', { at: formatDateTime(r.failedAt), reason: sanitize(r.failReason ?? '') }),
      r.statuses.length === 0 ? t('describe.noStatus') : t('describe.statuses', { codes: r.statuses.join(' ') }),
      r.answeredAt !== null
        ? t('describe.answered', { at: formatDateTime(r.answeredAt) })
        : r.replyBy !== null && r.replyBy < ctx.now
          ? t('describe.overdue', { by: formatDurationShort(ctx.now - r.replyBy, ctx.lang) })
          : null,
    ].filter((e): e is string => e !== null);
    fields.push({ label: '', value: events.join(' · ') });
  }
  return fields;
}

/** What `d` shows for a row: the document, or who its agency is, and the row's own columns; null for nothing. */
export function describeSelected(spec: ListSpec<unknown>, model: unknown, ctx: RenderContext, metrics: Metrics) {
  const cells = describeCells(spec.columns, model, ctx);
  const index = agencyIndex(metrics);
  const docId = spec.documentId?.(model) ?? null;
  if (docId !== null) {
    const doc = metrics.document?.(docId) ?? null;
    const nameOf = (id: string): string => sanitize(index.get(id)?.name ?? '–');
    return { title: sanitize(docId), fields: doc ? describeDocument(doc, nameOf, ctx) : cells };
  }
  const agencyId = spec.agencyId?.(model) ?? null;
  const agency = agencyId === null ? undefined : index.get(agencyId);
  const title = spec.describeTitle?.(model) ?? cells[0]?.value;
  if (!agency) return title === undefined ? null : { title, fields: cells };
  const who = describeAgency(agency, metrics, ctx.t);
  // A row about the agency itself leads with it; a server's or an alert's row with its own fields, then the agency it
  // opens. Its name, identifier, level and connection are already in `who`.
  const own = spec.columns.filter((c) => !IN_WHO.has(c.id));
  return spec.key(model).endsWith(agency.id)
    ? { title: sanitize(agency.name), fields: [...who, ...describeCells(own, model, ctx)] }
    : { title: title ?? sanitize(agency.name), fields: [...cells, ...who] };
}

/** Each field's text in lines of `width` cells, broken between words: the heading on the first, none on the rest. */
export function wrapFields(fields: readonly DescribeField[], width: number): DescribeField[] {
  if (!Number.isFinite(width)) return [...fields];
  return fields.flatMap(({ label, value }) =>
    wrapWhole(value, width).map((line, i) => ({ label: i === 0 ? label : '', value: line })),
  );
}

/** The describe view's rows: a field's heading and its whole text, in the order given. */
type DescribeLine = DescribeField & { readonly order: number };

export const describeLine = (f: DescribeField, order: number): DescribeLine => ({ ...f, order });

const col = column<DescribeLine>;
export const describeSpec: ListSpec<DescribeLine> = {
  columns: [
    col({ id: 'label', title: 'describe.field', min: 16, max: 16, priority: 0 }).shows((l) => ({
      text: l.label,
      role: 'muted',
    })),
    col({ id: 'value', title: 'describe.value', min: 30, flex: 1, priority: 0 }).shows((l) => ({ text: l.value })),
  ],
  defaultSort: { column: 'order', desc: false },
  key: (l) => String(l.order),
  fallbackSort: (l) => l.order,
  searchText: (l) => `${searchKey(l.label)} ${searchKey(l.value)}`,
};
