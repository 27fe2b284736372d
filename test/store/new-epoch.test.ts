/**
 * A new epoch is a new history: the open items of the earlier one end with it, and the new
 * history's figures are those a fresh cache of the same hub reads.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/index.js';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { openCache } from '../../src/store/index.js';
import { A, docId, hello, iso, msg, tempDir } from '../support/telemetry.js';

const T0 = Date.UTC(2026, 10, 22, 1, 0);
const H = 3_600_000;
const NOW = T0 + 10 * H;

const sent = (seq: number, n: number, ts: number, replyBy?: number): TelemetryMessage =>
  msg(seq, ts, 'document.sent', {
    docId: docId(A.vpcp, n),
    sender: A.vpcp,
    recipients: [A.ngheAn, A.caoBang],
    attachments: 1,
    sizeBytes: 1,
    ...(replyBy !== undefined && { replyBy: iso(replyBy) }),
  });
const delivered = (seq: number, n: number, ts: number, to: string = A.ngheAn) =>
  msg(seq, ts, 'document.delivered', { docId: docId(A.vpcp, n), recipient: to });
const replied = (seq: number, n: number, ts: number, by: string = A.ngheAn) =>
  msg(seq, ts, 'document.replied', { docId: docId(A.vpcp, n), agency: by, replyDocId: `${by},x,${n}/TL` });

/** The first history: documents 1 (deadline passed, unanswered) and 2 (answered), 1 undelivered to Cao Bằng. */
const first = [
  sent(1, 1, T0, T0 + 2 * H),
  delivered(2, 1, T0 + 60_000),
  sent(3, 2, T0 + 120_000, T0 + 3 * H),
  delivered(4, 2, T0 + 180_000),
  delivered(5, 2, T0 + 190_000, A.caoBang),
  replied(6, 2, T0 + H),
  replied(7, 2, T0 + H, A.caoBang),
];
/** The second history: document 2's id again (unanswered now), and document 3 with a deadline passed. */
const second = [
  sent(1, 2, T0 + 5 * H, T0 + 6 * H),
  delivered(2, 2, T0 + 5 * H + 60_000),
  sent(3, 3, T0 + 5 * H + 120_000, T0 + 7 * H),
  delivered(4, 3, T0 + 5 * H + 180_000, A.caoBang),
];

describe('a new epoch', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  const figures = (path: string) => {
    const cache = openCache({ path, now: () => NOW });
    const m = createMetrics(cache);
    const out = {
      // Open items only: answers given in the earlier history stay counted as given.
      deadlines: m
        .deadlines(NOW)
        .filter((r) => r.open + r.overdue > 0)
        .map((r) => [r.agencyId, r.open, r.overdue, r.dueWithin24h]),
      overdue: m.totals(NOW, '24h').overdueReplies,
      undelivered: m.delivery(NOW, '24h').filter((r) => r.undelivered > 0),
      sent: m.totals(NOW, '24h').sent,
    };
    const epoch = cache.db.prepare("SELECT value FROM meta WHERE key = 'epoch_change'").pluck().get() as
      string | undefined;
    cache.close();
    return { out, epoch };
  };

  it('ends the earlier history’s open items: figures equal a fresh cache of the new history', () => {
    const carried = join(tmp.dir, 'carried.sqlite');
    const c = openCache({ path: carried, now: () => NOW });
    c.applyBatch([hello('e1', 7, 'hub-test', T0), ...first], [], { receivedAt: T0 + 2 * H });
    const before = createMetrics(c).totals(T0 + 4 * H, '24h').overdueReplies;
    expect(before).toBe(2); // document 1, to Nghệ An and to Cao Bằng
    c.applyBatch([hello('e2', 4, 'hub-test', T0 + 5 * H), ...second], [], { receivedAt: T0 + 5 * H + 200_000 });
    c.close();

    const fresh = join(tmp.dir, 'fresh.sqlite');
    const f = openCache({ path: fresh, now: () => NOW });
    f.applyBatch([hello('e2', 4, 'hub-test', T0 + 5 * H), ...second], [], { receivedAt: T0 + 5 * H + 200_000 });
    f.close();

    const a = figures(carried);
    const b = figures(fresh);
    expect(a.out.overdue).toBe(b.out.overdue);
    expect(a.out.overdue).toBe(4); // documents 2 and 3, to both recipients, in the new history
    expect(a.out.deadlines).toEqual(b.out.deadlines);
    expect(a.out.undelivered).toEqual(b.out.undelivered);
    // The new history's sends count afresh; the old history's stay counted where they were.
    expect(a.out.sent).toBe(b.out.sent + 2);
    expect(JSON.parse(a.epoch!)).toEqual({ at: T0 + 5 * H + 200_000, from: 'e1', to: 'e2', ended: 2 });
    expect(b.epoch).toBeUndefined();
  });
});
