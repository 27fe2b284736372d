/**
 * A small generated stream of one hub's document traffic, and what a cache derives from it:
 * for the tests that store the same events in different orders and compare the results.
 */
import fc from 'fast-check';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMetrics } from '../../src/metrics/index.js';
import {
  DELIVERY_FAILURE_REASONS,
  SIGNATURE_RESULTS,
  STATUS_CODES,
  type TelemetryMessage,
} from '../../src/protocol/index.js';
import { ROLLUP_COLUMNS } from '../../src/store/rollup-columns.js';
import { openCache } from '../../src/store/index.js';
import { DEADLINE_COUNTS } from '../support/table-rows.js';
import { hello, iso, msg } from '../support/telemetry.js';

export const T0 = Date.UTC(2026, 10, 22, 1, 0);
const MIN = 60_000;
/** Every event lies in [T0, T0 + SPAN): three hours, so that hours fold between them. */
export const SPAN = 180 * MIN;
/** When the caches are read: after the last event. */
export const NOW = T0 + SPAN + 10 * MIN;

export const AGENCIES = ['000.00.00.G22', '000.00.00.H41', '000.00.00.H14', '000.00.00.G05', '000.00.00.H01'];

/** The registry, so that every order gives each agency the same id. */
export const registry = (): TelemetryMessage =>
  msg(0, T0, 'registry.snapshot', {
    part: 1,
    parts: 1,
    agencies: AGENCIES.map((id) => ({
      id,
      name: `Đơn vị ${id}`,
      level: 1 as const,
      parent: null,
      connection: 'direct' as const,
      securityServer: 'MCBM-001',
    })),
    securityServers: [{ id: 'MCBM-001', name: 'MCBM 1', certificateExpiresAt: '2030-01-01T00:00:00Z' }],
  });

type Draft = { at: number; type: string; data: Record<string, unknown> };

const offset = fc.integer({ min: 0, max: SPAN - 1 });

/** One document and everything that follows it, each event at its own time. */
const documentEvents = (n: number): fc.Arbitrary<Draft[]> =>
  fc
    .record({
      sender: fc.integer({ min: 0, max: AGENCIES.length - 1 }),
      recipients: fc.uniqueArray(fc.integer({ min: 0, max: AGENCIES.length - 1 }), { minLength: 1, maxLength: 3 }),
      replyBy: fc.option(offset, { nil: null }),
      sends: fc.array(offset, { minLength: 1, maxLength: 2 }),
      follow: fc.array(
        fc.record({
          to: fc.nat(),
          at: offset,
          kind: fc.oneof(
            fc.constant({ type: 'document.delivered' }),
            fc.constantFrom(...DELIVERY_FAILURE_REASONS).map((reason) => ({ type: 'document.failed', reason })),
            fc.constantFrom(...STATUS_CODES).map((code) => ({ type: 'status.reported', code })),
            fc.constant({ type: 'document.replied' }),
          ),
        }),
        { maxLength: 6 },
      ),
      signatures: fc.array(
        fc.record({
          at: offset,
          result: fc.constantFrom(...SIGNATURE_RESULTS),
          kind: fc.constantFrom('organisation', 'personal', undefined),
        }),
        { maxLength: 3 },
      ),
    })
    .map((d) => {
      const docId = `${AGENCIES[d.sender]},2026/11/22,${n}/VB`;
      const recipients = d.recipients.map((i) => AGENCIES[i]!);
      const out: Draft[] = d.sends.map((at) => ({
        at,
        type: 'document.sent',
        data: {
          docId,
          sender: AGENCIES[d.sender],
          recipients,
          attachments: 1,
          sizeBytes: 100,
          ...(d.replyBy !== null && { replyBy: iso(T0 + d.replyBy) }),
        },
      }));
      for (const f of d.follow) {
        const recipient = recipients[f.to % recipients.length]!;
        const { type, ...rest } = f.kind;
        const party = type === 'status.reported' || type === 'document.replied' ? 'agency' : 'recipient';
        const data: Record<string, unknown> = { docId, [party]: recipient, ...rest };
        if (type === 'document.replied') data.replyDocId = `${recipient},2026/11/22,${n}/TL`;
        out.push({ at: f.at, type, data });
      }
      for (const s of d.signatures) {
        const data = { docId, agency: AGENCIES[d.sender], result: s.result, ...(s.kind && { kind: s.kind }) };
        out.push({ at: s.at, type: 'signature.verified', data });
      }
      return out;
    });

/** A stream: events in seq order, their times rising with seq (ties allowed), cut into batches. */
export const streamArb = (maxDocuments: number): fc.Arbitrary<TelemetryMessage[][]> =>
  fc
    .integer({ min: 1, max: maxDocuments })
    .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => documentEvents(i + 1))))
    .chain((docs) => {
      const events = docs
        .flat()
        .sort((a, b) => a.at - b.at)
        .map((e, i) => msg(i + 1, T0 + e.at, e.type as 'document.sent', e.data as never));
      return fc
        .array(fc.integer({ min: 1, max: 4 }), { minLength: events.length, maxLength: events.length })
        .map((sizes) => {
          const batches: TelemetryMessage[][] = [];
          for (let i = 0, b = 0; i < events.length; i += sizes[b++]!) batches.push(events.slice(i, i + sizes[b]!));
          return batches;
        });
    });

/** Rollup rows with any count: a count moved away leaves a row of zeros, which says nothing. */
const rollup = (table: string, unit: string) =>
  `(SELECT ${unit}, agency, ${ROLLUP_COLUMNS.join(', ')} FROM ${table} WHERE ${ROLLUP_COLUMNS.map((c) => `${c} != 0`).join(' OR ')})`;

/** Every derived table, documents and deliveries by document id (row ids follow arrival). */
export const DERIVED_TABLES = [
  'events',
  'event_agencies',
  rollup('rollup_minute', 'minute'),
  rollup('rollup_hour', 'hour'),
  '(SELECT doc_id, sender, sent_at, reply_by, subject, recipients, sends FROM documents)',
  `(SELECT d.doc_id, x.recipient, x.sent_at, x.reply_by, x.delivered_at, x.failed_at, x.fail_reason, x.statuses,
      x.arrived_at, x.accepted_at, x.answered_at FROM deliveries x JOIN documents d ON d.id = x.doc)`,
  DEADLINE_COUNTS,
  '(SELECT k.doc_id, m.mark, m.at FROM doc_marks m JOIN doc_keys k ON k.key = m.doc)',
  'held_events',
  'agencies',
] as const;

/** Stores `batches` in the order given (after hello and the registry) and reads back every table and metric. */
export function storeAndRead(dir: string, name: string, batches: readonly TelemetryMessage[][]) {
  const path = join(dir, `${name}.sqlite`);
  // A copy of one migrated empty file: migrating each of hundreds of files costs more than the case.
  const template = join(dir, 'template.sqlite');
  if (!existsSync(template)) openCache({ path: template, now: () => NOW }).close();
  copyFileSync(template, path);
  const cache = openCache({ path, now: () => NOW });
  cache.applyBatch([hello('e1', 0, 'hub-test', T0), registry()]);
  for (const b of batches) cache.applyBatch(b);
  const metrics = createMetrics(cache);
  const figures = JSON.stringify({
    totals: metrics.totals(NOW, '24h'),
    signatures: metrics.signatures(NOW, '24h'),
    delivery: metrics.delivery(NOW, '24h'),
    deadlines: metrics.deadlines(NOW),
    feedback: metrics.feedback(NOW, '24h'),
  });
  const gaps = cache.gaps().length;
  const rejected = cache.db.prepare('SELECT count(*) FROM rejections').pluck().get() as number;
  // As rowSet reads them (test/support/table-rows.ts), on the connection already open.
  const rows = (t: string) =>
    (cache.db.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  const tables = Object.fromEntries(DERIVED_TABLES.map((t) => [t, rows(t)]));
  cache.close();
  return { tables, figures, gaps, rejected };
}
