import { afterEach, describe, expect, it } from 'vitest';
import { A, docId } from '../support/telemetry.js';
import { DAY, fixtureCache, HOUR } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 3, 0);
const D = docId(A.vpcp, 1);

describe('one document, for the describe view', () => {
  it('holds its sender, reply-by and where it got to with each recipient', () => {
    fx = fixtureCache(NOW);
    fx.write(
      [
        NOW - 2 * DAY,
        'document.sent',
        {
          docId: D,
          sender: A.vpcp,
          recipients: [A.ngheAn, A.caoBang],
          attachments: 1,
          sizeBytes: 10,
          subject: 'Báo cáo tình hình',
          replyBy: new Date(NOW - 1 * DAY).toISOString(),
        },
      ],
      [NOW - 2 * DAY + HOUR, 'document.delivered', { docId: D, recipient: A.ngheAn }],
      [NOW - 2 * DAY + HOUR, 'status.reported', { docId: D, agency: A.ngheAn, code: '01' }],
      [NOW - 2 * DAY + 2 * HOUR, 'status.reported', { docId: D, agency: A.ngheAn, code: '03' }],
      [NOW - 2 * DAY + 3 * HOUR, 'document.replied', { docId: D, agency: A.ngheAn, replyDocId: docId(A.ngheAn, 9) }],
    );
    const doc = fx.metrics.document?.(D);
    expect(doc).toMatchObject({
      docId: D,
      sender: A.vpcp,
      sentAt: NOW - 2 * DAY,
      replyBy: NOW - DAY,
      subject: 'Báo cáo tình hình',
      sends: 1,
    });
    const byRecipient = Object.fromEntries((doc?.recipients ?? []).map((r) => [r.recipient, r]));
    expect(byRecipient[A.ngheAn]).toMatchObject({
      deliveredAt: NOW - 2 * DAY + HOUR,
      statuses: ['01', '03'],
      answeredAt: NOW - 2 * DAY + 3 * HOUR,
    });
    expect(byRecipient[A.caoBang]).toMatchObject({
      deliveredAt: null,
      statuses: [],
      answeredAt: null,
      replyBy: NOW - DAY,
    });
    expect(fx.metrics.document?.(docId(A.vpcp, 2))).toBeNull();
  });
});
