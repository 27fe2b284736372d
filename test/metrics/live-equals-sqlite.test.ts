import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, liveMetrics, WINDOWS, type Metrics } from '../../src/metrics/index.js';
import {
  DELIVERY_FAILURE_REASONS,
  SIGNATURE_RESULTS,
  STATUS_CODES,
  type TelemetryMessage,
} from '../../src/protocol/index.js';
import { mulberry32 } from '../../src/registry/rng.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { A, hello, iso, msg, tempDir } from '../support/telemetry.js';
import { AGENCIES, DAY, HOUR, MIN, registrySnapshot, S1, S2 } from './fixture.js';

/** Every figure of every window, as a console, the alert rules, status and report ask for them. */
function everything(m: Metrics, now: number, scope: readonly string[]) {
  const agencyIds = { agencyIds: scope };
  return {
    stream: m.stream(),
    agencies: m.agencies(),
    servers: m.securityServers(),
    deadlines: m.deadlines(now),
    deadlinesScoped: m.deadlines(now, agencyIds),
    deadlinesWithData: m.deadlines(now, { withData: true }),
    overdue: m.overdueDocuments(now),
    windows: WINDOWS.map((w) => ({
      totals: m.totals(now, w),
      throughput: m.throughput(now, w),
      throughputBare: m.throughput(now, w, undefined, 0),
      throughputScoped: m.throughput(now, w, agencyIds),
      serverRows: m.servers(now, w),
      signatures: m.signatures(now, w),
      signaturesScoped: m.signatures(now, w, { withData: true }),
      feedback: m.feedback(now, w),
      delivery: m.delivery(now, w, agencyIds),
    })),
    over: [15 * MIN, 3 * HOUR, 2 * DAY, 10 * DAY].map((ms) => ({
      signatures: m.signaturesOver(now, ms),
      throughput: m.throughputOver(now, ms),
      statusReports: m.statusReportsOver(now, ms),
    })),
  };
}

const SEED = Number(process.env.HUBMON_SEED ?? Math.floor(Math.random() * 2 ** 31));
const NEW_AGENCIES = ['000.00.00.H01', '000.00.00.H02', '000.00.02.H41', '000.00.00.H03'];

let done: (() => void) | undefined;
afterEach(() => done?.());

describe('the live model', () => {
  it(`gives every figure SQLite gives, after every random batch (seed ${SEED})`, () => {
    const random = mulberry32(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const tmp = tempDir('hubmon-live-');
    let clock = Date.UTC(2026, 10, 10, 1, 0);
    const cache: Cache = openCache({
      path: join(tmp.dir, 'hub.sqlite'),
      now: () => clock,
      // A hub far ahead (its heartbeats below) leaves documents and folds to later slices.
      deferBacklog: 50,
      retention: { rawEventsDays: 3, minuteRollupDays: 2, hourlyRollupDays: 7.1, documentsDays: 4 },
    });
    done = () => {
      cache.close();
      tmp.cleanup();
    };
    const live = liveMetrics(cache);
    const codes = [...AGENCIES.map((a) => a.id), ...NEW_AGENCIES];
    let epoch = 1;
    let seq = 0;
    let docs = 0;
    /** Documents sent so far, each with its recipients, for the follow-ups. */
    const sentDocs: { docId: string; recipients: string[] }[] = [];
    /** Events held back from their batch, stored later: holes filled out of order. */
    let heldBack: TelemetryMessage[] = [];
    /** Every event stored, some of which are sent again (repeats). */
    const history: TelemetryMessage[] = [];

    /** An event time: mostly the last minutes, some late by hours, a day, or a week (a week-ago window's). */
    const when = (): number => {
      const r = random();
      const lag =
        r < 0.6
          ? random() * 3 * MIN
          : r < 0.8
            ? random() * 3 * HOUR
            : r < 0.9
              ? random() * DAY
              : 7 * DAY - random() * HOUR;
      return Math.round(clock - lag);
    };
    const event = (): TelemetryMessage => {
      const ts = when();
      const r = random();
      if (r < 0.3 || sentDocs.length === 0) {
        const recipients = [...new Set([pick(codes), pick(codes)])];
        const again = sentDocs.length > 0 && random() < 0.1;
        const docId = again ? pick(sentDocs).docId : `${A.vpcp},2026/11/22,${++docs}/VB`;
        if (!again) sentDocs.push({ docId, recipients });
        const replyBy = random() < 0.5 ? iso(ts + (random() * 3 - 0.5) * DAY) : undefined;
        return msg(++seq, ts, 'document.sent', {
          docId,
          sender: pick(codes),
          recipients,
          attachments: 1,
          sizeBytes: 100,
          ...(replyBy !== undefined && { replyBy }),
        });
      }
      const doc = pick(sentDocs);
      const recipient = pick(doc.recipients);
      if (r < 0.45) return msg(++seq, ts, 'document.delivered', { docId: doc.docId, recipient });
      if (r < 0.5)
        return msg(++seq, ts, 'document.failed', {
          docId: doc.docId,
          recipient,
          reason: pick(DELIVERY_FAILURE_REASONS),
        });
      if (r < 0.62)
        return msg(++seq, ts, 'status.reported', { docId: doc.docId, agency: recipient, code: pick(STATUS_CODES) });
      if (r < 0.75)
        return msg(++seq, ts, 'document.replied', {
          docId: doc.docId,
          agency: recipient,
          replyDocId: `${recipient},x,${seq}/VB`,
        });
      if (r < 0.88)
        return msg(++seq, ts, 'signature.verified', {
          docId: doc.docId,
          agency: pick(codes),
          result: pick(SIGNATURE_RESULTS),
        });
      if (r < 0.92)
        return msg(++seq, ts, 'server.state', {
          serverId: pick([S1, S2]),
          state: pick(['connected', 'degraded', 'disconnected'] as const),
        });
      if (r < 0.95) return msg(++seq, ts, 'server.heartbeat', { serverId: pick([S1, S2]), latencyMs: 20 });
      if (r < 0.98) {
        const code = pick(NEW_AGENCIES);
        return msg(++seq, ts, 'agency.upsert', {
          agency: {
            id: code,
            name: `Đơn vị ${code}`,
            level: 1,
            parent: null,
            connection: 'direct',
            securityServer: S1,
          },
        });
      }
      return msg(++seq, ts, 'agency.removed', { id: pick(NEW_AGENCIES) });
    };

    cache.applyBatch([hello('e1'), registrySnapshot(clock)]);
    for (let batch = 0; batch < 45; batch++) {
      // The clock moves seconds, minutes or hours; now and then the hub starts a new epoch.
      clock += Math.round(pick([5_000, 40_000, 3 * MIN, 20 * MIN, 2 * HOUR, 9 * HOUR]) * random());
      const messages: TelemetryMessage[] = [];
      if (batch > 0 && random() < 0.05) {
        seq = 0;
        heldBack = [];
        history.length = 0;
        messages.push(hello(`e${++epoch}`, 0, 'hub-test', clock));
      }
      if (random() < 0.1) messages.push(registrySnapshot(clock));
      if (random() < 0.2) {
        const newestSeq = seq + (random() < 0.5 ? 500 : 0);
        messages.push(msg(newestSeq, clock, 'heartbeat', { serverTime: iso(clock), newestSeq }));
      }
      const fresh: TelemetryMessage[] = [];
      for (let n = Math.floor(random() * 40); n > 0; n--) fresh.push(event());
      // Some held back (holes), earlier ones filled, some stored again (repeats), out of order.
      const kept = fresh.filter(() => random() > 0.1);
      const stored = [...kept, ...heldBack];
      heldBack = fresh.filter((m) => !kept.includes(m));
      for (let n = Math.floor(random() * 3); n > 0 && history.length > 0; n--) stored.push(pick(history));
      stored.sort(() => random() - 0.5);
      messages.push(...stored);
      history.push(...kept);
      cache.applyBatch(messages);
      if (random() < 0.15) cache.prune(clock);
      if (random() < 0.3) cache.projectPending(5);
      if (random() < 0.2) cache.foldPending();

      const plain = createMetrics(cache);
      const scope = [pick(codes), pick(codes)];
      // At the clock, and at a moment before it (a paused or replayed console).
      for (const now of [clock, clock - Math.round(random() * 2 * DAY)]) {
        const label = `seed ${SEED}, batch ${batch}, now ${iso(now)}`;
        expect(everything(live, now, scope), label).toEqual(everything(plain, now, scope));
      }
    }
  }, 120_000);
});
