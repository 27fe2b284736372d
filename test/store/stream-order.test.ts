import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { A, docId, msg, tempDir } from '../support/telemetry.js';
import { storeAndRead, streamArb, T0 } from './stream-order.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let run = 0;

describe('derivation whatever order the events are stored in', () => {
  it('events stored 1, 3, 4, then 2 give the same rows as 1, 2, 3, 4', () => {
    const doc = docId(A.vpcp, 7);
    const e1 = msg(1, T0, 'document.sent', {
      docId: docId(A.vpcp, 6),
      sender: A.vpcp,
      recipients: [A.caoBang],
      attachments: 1,
      sizeBytes: 1,
    });
    const e2 = msg(2, T0 + 60_000, 'document.sent', {
      docId: doc,
      sender: A.vpcp,
      recipients: [A.ngheAn],
      attachments: 1,
      sizeBytes: 1,
      replyBy: new Date(T0 + 3_600_000).toISOString(),
    });
    const e3 = msg(3, T0 + 120_000, 'document.delivered', { docId: doc, recipient: A.ngheAn });
    const e4 = msg(4, T0 + 180_000, 'status.reported', { docId: doc, agency: A.ngheAn, code: '01' });
    const inOrder = storeAndRead(tmp.dir, 'in-order', [[e1], [e2], [e3], [e4]]);
    const filled = storeAndRead(tmp.dir, 'filled', [[e1], [e3, e4], [e2]]);
    expect(filled.tables).toEqual(inOrder.tables);
    expect(filled.figures).toEqual(inOrder.figures);
    expect([filled.gaps, filled.rejected]).toEqual([0, 0]);
    // The delivery is there, delivered and arrived: not left pending for a delivery alert.
    const deliveries = inOrder.tables[Object.keys(inOrder.tables)[5]!]!;
    expect(deliveries.map((r) => JSON.parse(r) as unknown[]).find((r) => r[0] === doc)).toEqual([
      doc,
      expect.any(Number),
      T0 + 60_000,
      T0 + 3_600_000,
      T0 + 120_000,
      null,
      null,
      1,
      T0 + 180_000,
      null,
      null,
    ]);
  });

  it('stores random permutations of a stream’s batches with the same tables and figures as in seq order', () => {
    fc.assert(
      fc.property(
        streamArb(5).chain((batches) =>
          fc.tuple(fc.constant(batches), fc.shuffledSubarray(batches.slice(1), { minLength: batches.length - 1 })),
        ),
        ([batches, rest]: [TelemetryMessage[][], TelemetryMessage[][]]) => {
          const n = run++;
          const inOrder = storeAndRead(tmp.dir, `seq-${n}`, batches);
          // The batch holding seq 1 comes first: a cache learns where a stream starts from it.
          const shuffled = storeAndRead(tmp.dir, `shuffled-${n}`, [batches[0]!, ...rest]);
          expect(shuffled.tables).toEqual(inOrder.tables);
          expect(shuffled.figures).toEqual(inOrder.figures);
          expect([shuffled.gaps, shuffled.rejected]).toEqual([0, 0]);
        },
      ),
      { numRuns: 200 },
    );
    // About 15 s on an idle machine: 200 cases of two small caches each.
  }, 180_000);
});
