import type Database from 'better-sqlite3';
import { keepRaw } from '../protocol/index.js';
import type { MessageOf, Rejection, TelemetryMessage, UnknownMessage } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import type { BatchReport } from './batch-report.js';
import type { EventLog } from './event-log.js';
import { Prepared } from './multi-row.js';
import type { StreamState } from './streams.js';

/** A stretch of sequence numbers missing from a stream. */
export interface Gap {
  readonly fromSeq: number;
  readonly toSeq: number;
  /** `missing`: seen as a jump in seq, may still arrive; otherwise the hub's word (e.g. lost). */
  readonly reason: string;
  readonly noticedAt: number;
}

export const GAP_COLUMNS = 'from_seq AS fromSeq, to_seq AS toSeq, reason, noticed_at AS noticedAt';

/** A durable event: one the log keeps. */
export type Durable =
  Exclude<TelemetryMessage, { type: 'hello' | 'heartbeat' | 'reset' | 'registry.snapshot' }> | UnknownMessage;

/** An event as far as filing goes: its type and data (the writer's messages, a loader's rows). */
type Filed = {
  [T in TelemetryMessage['type']]: { readonly type: T; readonly data: MessageOf<T>['data'] };
}[TelemetryMessage['type']];

const isUnknown = (m: Filed | UnknownMessage): m is UnknownMessage => (m as UnknownMessage).unknown === true;

/** The agency an event is filed under for an agency's recent activity. */
export function agencyOf(m: Filed | UnknownMessage): string | null {
  if (isUnknown(m)) return null;
  switch (m.type) {
    case 'document.sent':
      return m.data.sender;
    case 'document.delivered':
    case 'document.failed':
      return m.data.recipient;
    case 'status.reported':
    case 'document.replied':
    case 'signature.verified':
      return m.data.agency;
    case 'agency.upsert':
      return m.data.agency.id;
    case 'agency.removed':
      return m.data.id;
    default:
      return null;
  }
}

/** Every agency code an event names: the codes it may add to the id space. */
export function agencyCodes(m: Filed | UnknownMessage): string[] {
  if (!isUnknown(m) && m.type === 'document.sent') return [m.data.sender, ...m.data.recipients];
  const code = agencyOf(m);
  return code === null ? [] : [code];
}

/** A message set aside for `reason`, as the rejections keep it. */
export function setAside(m: Pick<Rejection, 'seq' | 'type'>, reason: Rejection['reason'], detail: string): Rejection {
  return { reason, detail, raw: keepRaw(JSON.stringify(m)), seq: m.seq, type: m.type };
}

/** How far ahead of its receipt an event's time may be by default: 5 minutes. */
export const DEFAULT_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Whether two parsed JSON values are equal whatever their fields' order (a hub may order them differently). */
const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** A value as the log gives it back: through JSON, so fields holding `undefined` are gone. */
const asStored = (value: unknown): unknown => (JSON.parse(JSON.stringify([value])) as unknown[])[0];

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The seq rules of the event log. An event past the newest stored seq is stored (a jump opens a gap); one inside a gap
 * fills it; one already stored with the same content is a duplicate and changes nothing; any other is kept aside as
 * `seq_regression`. The gaps (`gaps`) are opened by a jump, narrowed or closed as events fill them.
 */
export class EventIntake extends Prepared {
  private readonly insertGap = this.db.prepare(
    `INSERT INTO gaps (stream, from_seq, to_seq, reason, noticed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (stream, from_seq) DO UPDATE SET reason = excluded.reason WHERE to_seq = excluded.to_seq`,
  );
  private readonly gapHolding = this.db.prepare<[number, number], Gap>(
    `SELECT ${GAP_COLUMNS} FROM gaps WHERE stream = ? AND from_seq <= ? ORDER BY from_seq DESC LIMIT 1`,
  );
  private readonly removeGap = this.db.prepare('DELETE FROM gaps WHERE stream = ? AND from_seq = ?');

  constructor(
    db: Database.Database,
    private readonly log: EventLog,
    private readonly agencies: AgencyIds,
    /** How far an event's time may run ahead of its receipt before it is marked `clock_ahead`. */
    private readonly clockToleranceMs: number,
  ) {
    super(db);
  }

  /** Records a range the hub announced as lost; returns whether it was new. */
  announceGap(stream: number, fromSeq: number, toSeq: number, reason: string, at: number): boolean {
    return toSeq >= fromSeq && this.insertGap.run(stream, fromSeq, toSeq, reason, at).changes > 0;
  }

  /** Takes `seq` out of the gap holding it, splitting the gap if `seq` falls inside; false when no gap holds it. */
  private fillGap(stream: number, seq: number): boolean {
    const gap = this.gapHolding.get(stream, seq);
    if (!gap || gap.toSeq < seq) return false;
    this.removeGap.run(stream, gap.fromSeq);
    if (gap.fromSeq < seq) this.insertGap.run(stream, gap.fromSeq, seq - 1, gap.reason, gap.noticedAt);
    if (seq < gap.toSeq) this.insertGap.run(stream, seq + 1, gap.toSeq, gap.reason, gap.noticedAt);
    return true;
  }

  /** The id of the agency an event is filed under for its recent activity, if any. */
  agencyIdOf(event: Durable): number | null {
    const code = agencyOf(event);
    return code === null ? null : this.agencies.idOf(code);
  }

  /**
   * Stores `event` (time `ts`, received at `at`) if new to `stream`. Returns whether to derive it
   * now (`mayDerive` and everything before it derived), or null when it was not stored.
   */
  take(
    event: Durable,
    ts: number,
    stream: StreamState,
    at: number,
    mayDerive: boolean,
    report: BatchReport,
  ): boolean | null {
    let derive: boolean;
    if (event.seq > stream.lastSeq) {
      // New; derived now if everything before it is, else later by `Projection`, in seq order.
      derive = mayDerive && stream.derivedSeq === stream.lastSeq;
      this.log.append(stream.id, event.seq, ts, event.type, event.data, derive ? this.agencyIdOf(event) : null);
      if (derive) stream.derivedSeq = event.seq;
      if (event.seq > stream.lastSeq + 1 && stream.events > 0) {
        this.insertGap.run(stream.id, stream.lastSeq + 1, event.seq - 1, 'missing', at);
        report.gapsOpened++;
      }
      stream.lastSeq = event.seq;
    } else if (this.fillGap(stream.id, event.seq)) {
      // A hole filled: derived now if derivation has passed it, else when it gets there.
      derive = event.seq <= stream.derivedSeq;
      this.log.append(stream.id, event.seq, ts, event.type, event.data, derive ? this.agencyIdOf(event) : null);
      report.gapsFilled++;
    } else {
      // At or below the newest stored seq and no hole: a repeat or a regression.
      const existing = this.log.find(stream.id, event.seq);
      if (existing && existing[1] === ts && existing[2] === event.type && sameValue(existing[3], asStored(event.data)))
        report.duplicates++;
      else {
        const seq = existing
          ? `${event.seq} already holds a different event`
          : `expected more than ${stream.lastSeq}, got ${event.seq}`;
        report.kept.push(setAside(event, 'seq_regression', `seq: ${seq} in epoch ${stream.epoch}`));
      }
      return null;
    }
    report.stored++;
    stream.events++;
    if (ts - at > this.clockToleranceMs) {
      // Kept and counted at its own time; "newest" stays at the receipt. A hub whose clock
      // runs ahead sends thousands such: the first of a batch is listed, all are counted.
      if (report.clockAhead++ === 0) {
        const ahead = `${Math.round((ts - at) / 60_000)} min ahead of its receipt at ${new Date(at).toISOString()}`;
        report.kept.push(setAside(event, 'clock_ahead', `ts: ${event.ts} is ${ahead}; kept, newest time not moved`));
      }
    }
    return derive;
  }
}
