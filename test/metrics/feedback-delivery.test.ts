import { afterEach, describe, expect, it } from 'vitest';
import { WITH_DATA } from '../../src/metrics/types.js';
import { A, docId } from '../support/telemetry.js';
import { byAgency, fixtureCache, HOUR, MIN } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 17, 30); // 00:30 in Vietnam
type Ev = [number, string, unknown];
const sent = (n: number, at: number, recipients: string[]): Ev => [
  at,
  'document.sent',
  { docId: docId(A.vpcp, n), sender: A.vpcp, recipients, attachments: 0, sizeBytes: 1 },
];
const delivered = (n: number, at: number, recipient: string): Ev => [
  at,
  'document.delivered',
  { docId: docId(A.vpcp, n), recipient },
];
const status = (n: number, at: number, agency: string, code: string): Ev => [
  at,
  'status.reported',
  { docId: docId(A.vpcp, n), agency, code },
];
const failed = (n: number, at: number, recipient: string, reason: string): Ev => [
  at,
  'document.failed',
  { docId: docId(A.vpcp, n), recipient, reason },
];

describe('status feedback', () => {
  function scenario() {
    fx = fixtureCache(NOW);
    fx.write(
      sent(1, NOW - 11 * HOUR, [A.ngheAn]),
      delivered(1, NOW - 10 * HOUR, A.ngheAn),
      status(1, NOW - 9 * HOUR, A.ngheAn, '01'),
      status(1, NOW - 8 * HOUR, A.ngheAn, '03'), // 1 h from arrival to acceptance
      sent(2, NOW - 4 * HOUR, [A.ngheAn]),
      delivered(2, NOW - 4 * HOUR, A.ngheAn),
      status(2, NOW - 3 * HOUR, A.ngheAn, '01'),
      status(2, NOW - 30 * MIN, A.ngheAn, '03'), // 2.5 h
      status(2, NOW - 10 * MIN, A.ngheAn, '06'),
      sent(3, NOW - 21 * HOUR, [A.ngheAn]),
      delivered(3, NOW - 21 * HOUR, A.ngheAn),
      status(3, NOW - 20 * HOUR, A.ngheAn, '01'),
      status(3, NOW - 19 * HOUR, A.ngheAn, '03'), // 1 h
      sent(4, NOW - 6 * HOUR, [A.ngheAn, A.caoBang]),
      delivered(4, NOW - 5 * HOUR, A.ngheAn), // no status after 5 h: counts
      delivered(4, NOW - 5 * HOUR, A.caoBang),
      status(4, NOW - 4 * HOUR, A.caoBang, '02'),
      sent(5, NOW - 2 * HOUR, [A.ngheAn]),
      delivered(5, NOW - HOUR, A.ngheAn), // no status after 1 h: not yet
    );
    return fx;
  }

  it('gives codes reported, the median arrival→acceptance time, silent documents and the funnel', () => {
    const rows = byAgency(scenario().metrics.feedback(NOW, '24h'));
    expect(rows[A.ngheAn]).toEqual({
      agencyId: A.ngheAn,
      codesReported: ['01', '03', '06'],
      arrivalToAcceptMedianMs: HOUR, // median of 1 h, 2.5 h, 1 h
      withoutStatus: 1,
      funnel: { '01': 3, '02': 0, '03': 3, '04': 0, '05': 0, '06': 1, '13': 0, '15': 0, '16': 0 },
    });
    expect(rows[A.caoBang]).toMatchObject({ codesReported: ['02'], arrivalToAcceptMedianMs: null, withoutStatus: 0 });
    expect(rows[A.quiet]).toMatchObject({ codesReported: [], arrivalToAcceptMedianMs: null, withoutStatus: 0 });
  });

  it.each([
    { window: '5m' as const, codes: [], median: null },
    { window: '1h' as const, codes: ['03', '06'], median: 2.5 * HOUR },
  ])('only counts what happened in the $window window', ({ window, codes, median }) => {
    const row = byAgency(scenario().metrics.feedback(NOW, window))[A.ngheAn]!;
    expect(row.codesReported).toEqual(codes);
    expect(row.arrivalToAcceptMedianMs).toBe(median);
  });
});

describe('delivery problems', () => {
  it('counts failures by reason, packages still undelivered after the grace period, and duplicate sends', () => {
    fx = fixtureCache(NOW);
    fx.write(
      sent(1, NOW - 50 * MIN, [A.caoBang, A.ngheAn, A.quiet]),
      failed(1, NOW - 49 * MIN, A.caoBang, 'security_server_unreachable'),
      delivered(1, NOW - 49 * MIN, A.ngheAn), // quiet: never delivered, 50 min > 15 min grace
      sent(2, NOW - 30 * MIN, [A.caoBang]),
      failed(2, NOW - 3 * MIN, A.caoBang, 'security_server_unreachable'),
      sent(3, NOW - 3 * HOUR, [A.caoBang]),
      failed(3, NOW - 2 * HOUR, A.caoBang, 'timeout'), // outside the 1 h window
      sent(4, NOW - 5 * MIN, [A.ngheAn]), // within the grace period: not yet undelivered
      sent(1, NOW - 10 * MIN, [A.caoBang, A.ngheAn, A.quiet]), // the same document id again
    );
    const rows = byAgency(fx.metrics.delivery(NOW, '1h'));
    expect(rows[A.caoBang]).toEqual({
      agencyId: A.caoBang,
      failed: 2,
      failedByReason: {
        security_server_unreachable: 2,
        recipient_unreachable: 0,
        package_rejected: 0,
        timeout: 0,
        attachment_mismatch: 0,
      },
      undelivered: 0,
      duplicateSends: 0,
      duplicateDeliveries: 0,
    });
    expect(rows[A.quiet]).toMatchObject({ failed: 0, undelivered: 1, duplicateSends: 0 });
    expect(rows[A.ngheAn]).toMatchObject({ failed: 0, undelivered: 0 });
    expect(rows[A.vpcp]).toMatchObject({ duplicateSends: 1 });
    // Documents 1, 2 and 4 in the window: the repeat of document 1 is a duplicate, not a send.
    expect(fx.metrics.totals(NOW, '1h')).toMatchObject({ deliveryFailures: 2, sent: 3, received: 1 });
    // Asked for the agencies with data only: every one with a figure, rows unchanged, the
    // agencies with nothing counted in the window left out.
    const all = fx.metrics.delivery(NOW, '1h');
    const some = fx.metrics.delivery(NOW, '1h', WITH_DATA);
    const busy = all.filter((r) => r.failed + r.undelivered + r.duplicateSends > 0).map((r) => r.agencyId);
    expect(busy.sort()).toEqual([A.caoBang, A.quiet, A.vpcp].sort());
    expect(some.map((r) => r.agencyId)).toEqual(expect.arrayContaining(busy));
    expect(some.length).toBeLessThan(all.length);
    expect(some).toEqual(all.filter((r) => some.some((x) => x.agencyId === r.agencyId)));
  });
});
