/** Per-agency figures over [from, to) for `hubmon report`: rollups, deliveries (processed, answered), downtime. */
import type Database from 'better-sqlite3';
import { STATUS_CODES, type ServerState, type StatusCode } from '../protocol/index.js';
import { downtime } from './servers.js';
import { foldedUntil } from '../store/hour-packs.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** One agency over a period. */
export interface AgencyRangeRow {
  readonly agencyId: string;
  /** Documents it sent through the hub (đã gửi). */
  readonly sent: number;
  /** Documents delivered to it (đã nhận). */
  readonly received: number;
  /** Of those, the ones it reported status 03–06 for (đã tiếp nhận, xử lý), as of now. */
  readonly processed: number;
  /** Delivered documents that carried a reply deadline (văn bản có thời hạn phải trả lời). */
  readonly deadlineReceived: number;
  /** Of those, answered before the end of the period (đã trả lời)… */
  readonly answered: number;
  /** …and by their deadline (đúng hạn). */
  readonly answeredOnTime: number;
  /** Documents it sent whose signature verified as valid (có ký số hợp lệ). */
  readonly signed: number;
  /** Documents it sent whose signature was checked at all, valid or not. */
  readonly signatureChecked: number;
  /** Repeats (FIGURES.md): sends of a document id it had sent already (gửi trùng)… */
  readonly duplicateSends: number;
  /** …and deliveries to it of a document already delivered (nhận trùng). */
  readonly duplicateDeliveries: number;
  /** Status codes it reported back in the period, ascending (trạng thái phản hồi). */
  readonly statusCodes: readonly StatusCode[];
  /** Its security server (máy chủ bảo mật), with that server's downtime and drops in the period. */
  readonly serverId: string | null;
  readonly serverDowntimeMs: number;
  readonly serverDrops: number;
}

// One definition per figure: docs/FIGURES.md.
const COLUMNS = ['sent', 'received', 'sig_valid', 'sig_checked', 'dup_sent', 'dup_received']
  .concat(STATUS_CODES.map((c) => `st_${c}`))
  .join(', ');
const SUMS = `sum(sent) sent, sum(received) received, sum(sig_valid) signed, sum(sig_checked) checked,
  sum(dup_sent) dup_sent, sum(dup_received) dup_received, ${STATUS_CODES.map((c) => `sum(st_${c}) st_${c}`).join(', ')}`;

/** One agency's rollup sums: `agency`, `sent`, `received`, `signed`, `checked`, `st_01`… */
type RollupSums = Record<string, number> & { agency: number };

/** Bits of statuses 03–06 in `deliveries.statuses` (bit i = STATUS_CODES[i]). */
const PROCESSED_MASK = (['03', '04', '05', '06'] as const).reduce((m, c) => m | (1 << STATUS_CODES.indexOf(c)), 0);

/** Every agency the cache knows, with a name (its code when the registry never named it). */
export function rangeAgencies(db: Database.Database) {
  const rows = db
    .prepare(
      'SELECT code AS id, coalesce(name, code) AS name, level, server AS serverId FROM agencies WHERE removed_at IS NULL',
    )
    .all() as { id: string; name: string; level: number | null; serverId: string | null }[];
  return rows.map((r) => ({ ...r, level: r.level ?? levelFromCode(r.id) }));
}

/** The level an identifier encodes, for agencies seen in events before the registry named them. */
function levelFromCode(code: string): number {
  const m = /^(\d{3})\.(\d{2})\.(\d{2})\./.exec(code);
  if (!m) return 0;
  if (m[3] === '00') return 1;
  if (m[2] === '00') return 2;
  return m[1] === '000' ? 3 : 4;
}

/** Rollup sums per agency over [from, to), to the minute: whole folded hours from `rollup_hour`, the rest by minute. */
function rollupSums(db: Database.Database, from: number, to: number): Map<number, RollupSums> {
  const folded = foldedUntil(db);
  const m1 = Math.ceil(from / MINUTE);
  const m2 = Math.ceil(to / MINUTE);
  const h1 = Math.ceil(from / HOUR);
  const h2 = folded === null ? h1 : Math.min(Math.floor(to / HOUR), folded);
  // Without a whole folded hour, the minutes [m1, m2) alone.
  const [a, b] = h2 > h1 ? [h1 * 60, h2 * 60] : [m2, m2];
  const rows = db
    .prepare(
      `SELECT agency, ${SUMS} FROM (
         SELECT agency, ${COLUMNS} FROM rollup_minute WHERE minute >= @m1 AND minute < @a
         UNION ALL SELECT agency, ${COLUMNS} FROM rollup_minute WHERE minute >= @b AND minute < @m2
         UNION ALL SELECT agency, ${COLUMNS} FROM rollup_hour WHERE hour >= @h1 AND hour < @h2
       ) GROUP BY agency`,
    )
    .all({ m1, m2, a, b, h1, h2 }) as RollupSums[];
  return new Map(rows.map((r) => [r.agency, r]));
}

/** What the deliveries say about documents delivered in [from, to), answers counted up to `to`. */
function deliverySums(db: Database.Database, from: number, to: number) {
  const rows = db
    .prepare(
      `SELECT recipient,
         sum((statuses & @mask) != 0) processed,
         sum(reply_by IS NOT NULL) deadline,
         sum(reply_by IS NOT NULL AND answered_at < @to) answered,
         sum(reply_by IS NOT NULL AND answered_at < @to AND answered_at <= reply_by) onTime
       FROM deliveries WHERE delivered_at >= @from AND delivered_at < @to GROUP BY recipient`,
    )
    .all({ mask: PROCESSED_MASK, from, to }) as Record<
    'recipient' | 'processed' | 'deadline' | 'answered' | 'onTime',
    number
  >[];
  return new Map(rows.map((r) => [r.recipient, r]));
}

/** Each server's downtime and drops in [from, min(to, now)): its state at `from`, then its changes in the period. */
function serverDowntimes(db: Database.Database, from: number, to: number, now: number) {
  // A period that begins after `now` holds no downtime yet.
  const end = Math.max(from, Math.min(to, now));
  const initial = db
    .prepare(
      `SELECT server, to_state FROM server_transitions t
       WHERE at = (SELECT max(at) FROM server_transitions u WHERE u.server = t.server AND u.at < ?)`,
    )
    .all(from) as { server: string; to_state: ServerState }[];
  const changes = db
    .prepare('SELECT server, at, to_state FROM server_transitions WHERE at >= ? AND at < ? ORDER BY server, at, seq')
    .all(from, to) as { server: string; at: number; to_state: ServerState }[];
  // The screens' definition of downtime (`servers.ts`), over each server's changes in the period.
  const byServer = new Map<string, { at: number; to: ServerState }[]>(initial.map((r) => [r.server, []]));
  for (const c of changes) {
    let list = byServer.get(c.server);
    if (!list) byServer.set(c.server, (list = []));
    list.push({ at: Math.min(c.at, end), to: c.to_state });
  }
  const before = new Map(initial.map((r) => [r.server, r.to_state]));
  return new Map(
    [...byServer].map(([server, list]) => [server, downtime(before.get(server) ?? 'unknown', list, from, end)]),
  );
}

/** Every agency's figures over [from, to), by code; `now` bounds an outage still open in a period reaching past it. */
export function agencyFiguresOver(
  db: Database.Database,
  from: number,
  to: number,
  now: number,
): Map<string, AgencyRangeRow> {
  const agencies = db
    .prepare<[], { id: number; code: string; server: string | null }>('SELECT id, code, server FROM agencies')
    .all();
  const rollups = rollupSums(db, from, to);
  const deliveries = deliverySums(db, from, to);
  const servers = serverDowntimes(db, from, to, now);
  const out = new Map<string, AgencyRangeRow>();
  for (const agency of agencies) {
    const r = rollups.get(agency.id);
    const d = deliveries.get(agency.id);
    const server = agency.server ? servers.get(agency.server) : undefined;
    out.set(agency.code, {
      agencyId: agency.code,
      sent: r?.sent ?? 0,
      received: r?.received ?? 0,
      processed: d?.processed ?? 0,
      deadlineReceived: d?.deadline ?? 0,
      answered: d?.answered ?? 0,
      answeredOnTime: d?.onTime ?? 0,
      signed: r?.signed ?? 0,
      signatureChecked: r?.checked ?? 0,
      duplicateSends: r?.dup_sent ?? 0,
      duplicateDeliveries: r?.dup_received ?? 0,
      statusCodes: r ? STATUS_CODES.filter((c) => (r[`st_${c}`] ?? 0) > 0) : [],
      serverId: agency.server,
      serverDowntimeMs: server?.downtimeMs ?? 0,
      serverDrops: server?.drops ?? 0,
    });
  }
  return out;
}
