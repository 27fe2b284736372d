/**
 * A synthetic year of national hub telemetry for benchmarks: documents sent by a weighted mix
 * of 12,000 agencies (top levels far busier), each followed by its signature check, delivery or
 * failure per recipient, status reports over hours and days, replies to deadline documents,
 * duplicate sends, security-server heartbeats and drops. Events come out in time order, in
 * day-sized slices, ready to be numbered and written.
 */
import type { Agency, MessageOf, SecurityServer, TelemetryMessage } from '../../src/protocol/index.js';
import { DELIVERY_FAILURE_REASONS, SIGNATURE_RESULTS } from '../../src/protocol/index.js';
import { mulberry32, type Rng } from '../../src/registry/rng.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface TrafficOptions {
  readonly agencies: readonly Agency[];
  readonly servers: readonly SecurityServer[];
  /** First day (UTC midnight, ms). */
  readonly start: number;
  readonly days: number;
  /** Documents sent per day on average. */
  readonly documentsPerDay: number;
  /** Minutes between two heartbeats of one security server. */
  readonly heartbeatEveryMinutes: number;
  readonly seed: number;
}

/** An event before it is numbered: its time (epoch ms), type and data. */
export type Draft = { ts: number; type: TelemetryMessage['type']; data: unknown };

/** Picks from a weighted list in O(log n). */
function weightedPicker<T>(items: readonly T[], weight: (t: T) => number, rng: Rng): () => T {
  const cum: number[] = [];
  let total = 0;
  for (const it of items) cum.push((total += weight(it)));
  return () => {
    const x = rng() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const LEVEL_WEIGHT = { 1: 60, 2: 6, 3: 1, 4: 0.4 } as const;
const SIG_FAILS = SIGNATURE_RESULTS.filter((r) => r !== 'valid');
const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => iso(ms).slice(0, 10).replace(/-/g, '/');

/** Working-hours rhythm in Vietnam (UTC+7): most documents between 08:00 and 17:00. */
function sendTime(dayStart: number, rng: Rng): number {
  const ictHour = rng() < 0.85 ? 8 + rng() * 9 : rng() * 24;
  return dayStart + ((ictHour - 7 + 24) % 24) * HOUR + Math.floor(rng() * 1000);
}

/** Yields each day's events in time order, as drafts without seq. */
export function* nationalTraffic(o: TrafficOptions): Generator<Draft[]> {
  const rng = mulberry32(o.seed);
  const pickAgency = weightedPicker(o.agencies, (a) => LEVEL_WEIGHT[a.level], rng);
  const pending = new Map<number, Draft[]>();
  const push = (d: Draft): void => {
    const k = Math.floor((d.ts - o.start) / DAY);
    let list = pending.get(k);
    if (!list) pending.set(k, (list = []));
    list.push(d);
  };
  let docNo = 0;
  for (let d = 0; d < o.days; d++) {
    const dayStart = o.start + d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const volume = Math.round(o.documentsPerDay * (weekday === 0 || weekday === 6 ? 0.25 : 1.3) * (0.8 + rng() * 0.4));
    for (let i = 0; i < volume; i++) {
      const t = sendTime(dayStart, rng);
      const sender = pickAgency();
      const nRecipients = rng() < 0.6 ? 1 : 1 + Math.floor(rng() * 5);
      const recipients = new Set<string>();
      while (recipients.size < nRecipients) {
        const r = pickAgency();
        if (r.id !== sender.id) recipients.add(r.id);
      }
      const docId = `${sender.id},${day(t)},${++docNo}/VB`;
      const replyBy = rng() < 0.1 ? t + 3 * DAY + Math.floor(rng() * 7 * DAY) : null;
      const sentData: MessageOf<'document.sent'>['data'] = {
        docId,
        sender: sender.id,
        recipients: [...recipients],
        attachments: Math.floor(rng() * 4),
        sizeBytes: 20_000 + Math.floor(rng() * 400_000),
        ...(replyBy !== null && { replyBy: iso(replyBy) }),
      };
      push({ ts: t, type: 'document.sent', data: sentData });
      if (rng() < 0.005) push({ ts: t + 10 * MIN + Math.floor(rng() * HOUR), type: 'document.sent', data: sentData });
      const sig = rng() < 0.95 ? 'valid' : SIG_FAILS[Math.floor(rng() * SIG_FAILS.length)]!;
      push({
        ts: t + 800,
        type: 'signature.verified',
        data: { docId, agency: sender.id, result: sig, kind: 'organisation' },
      });
      for (const recipient of recipients) {
        const at = t + 2000 + Math.floor(rng() * 2 * MIN);
        if (rng() < 0.02) {
          const reason = DELIVERY_FAILURE_REASONS[Math.floor(rng() * DELIVERY_FAILURE_REASONS.length)]!;
          push({ ts: at, type: 'document.failed', data: { docId, recipient, reason } });
          continue;
        }
        if (rng() < 0.003) continue; // never heard of again: undelivered
        push({ ts: at, type: 'document.delivered', data: { docId, recipient } });
        if (rng() < 0.9)
          push({
            ts: at + MIN + Math.floor(rng() * 10 * MIN),
            type: 'status.reported',
            data: { docId, agency: recipient, code: '01' },
          });
        if (rng() < 0.8)
          push({
            ts: at + 30 * MIN + Math.floor(rng() * 8 * HOUR),
            type: 'status.reported',
            data: { docId, agency: recipient, code: '03' },
          });
        if (rng() < 0.5)
          push({
            ts: at + DAY + Math.floor(rng() * 4 * DAY),
            type: 'status.reported',
            data: { docId, agency: recipient, code: '06' },
          });
        if (replyBy !== null) {
          const r = rng();
          if (r < 0.45) {
            const answeredAt = r < 0.3 ? t + Math.floor((replyBy - t) * rng()) : replyBy + Math.floor(rng() * 5 * DAY);
            push({
              ts: answeredAt,
              type: 'document.replied',
              data: { docId, agency: recipient, replyDocId: `${recipient},${day(answeredAt)},${docNo}/TL` },
            });
          }
        }
      }
    }
    for (const s of o.servers) {
      for (let m = 0; m < 24 * 60; m += o.heartbeatEveryMinutes) {
        push({
          ts: dayStart + m * MIN + Math.floor(rng() * 1000),
          type: 'server.heartbeat',
          data: { serverId: s.id, latencyMs: 5 + Math.floor(rng() * 80) },
        });
      }
    }
    for (let k = 0; k < 3; k++) {
      const s = o.servers[Math.floor(rng() * o.servers.length)]!;
      const down = dayStart + Math.floor(rng() * (DAY - HOUR));
      push({ ts: down, type: 'server.state', data: { serverId: s.id, state: 'disconnected', reason: 'mất kết nối' } });
      push({
        ts: down + MIN + Math.floor(rng() * 30 * MIN),
        type: 'server.state',
        data: { serverId: s.id, state: 'connected' },
      });
    }
    const today = pending.get(d) ?? [];
    pending.delete(d);
    today.sort((a, b) => a.ts - b.ts);
    yield today;
  }
}

/** Numbers drafts into protocol messages starting after `seq`. */
export function toMessages(drafts: readonly Draft[], seq: number): TelemetryMessage[] {
  return drafts.map(
    (d, i) => ({ v: 1, seq: seq + i + 1, ts: iso(d.ts), type: d.type, data: d.data }) as TelemetryMessage,
  );
}
