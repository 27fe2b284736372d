import { describe, expect, it } from 'vitest';
import type { DeadlineRow, SignatureRow } from '../../src/metrics/types.js';
import { toDeadlineModel } from '../../src/ui/view/deadlines-spec.js';
import { toSignatureModel } from '../../src/ui/view/signatures-spec.js';

const byReason = (counts: Partial<SignatureRow['byReason']>): SignatureRow['byReason'] => ({
  missing: 0,
  invalid: 0,
  expired_certificate: 0,
  revoked_certificate: 0,
  untrusted_issuer: 0,
  incomplete_info: 0,
  ...counts,
});

const signatureRow = (counts: Partial<SignatureRow['byReason']>): SignatureRow => {
  const reasons = byReason(counts);
  const failed = Object.values(reasons).reduce((a, b) => a + b, 0);
  return { agencyId: '000.00.01.H53', verified: 40, failed, failureRate: failed / 40, byReason: reasons };
};

describe('signature rows as the Signatures screen lists them', () => {
  it('names the most frequent failure kind', () => {
    const m = toSignatureModel(signatureRow({ invalid: 2, revoked_certificate: 5, missing: 1 }), 'UBND tỉnh Hà Giang');
    expect(m.topReason).toBe('revoked_certificate');
    expect(m).toEqual({
      agencyId: '000.00.01.H53',
      verified: 40,
      failed: 8,
      failureRate: 0.2,
      byReason: byReason({ invalid: 2, revoked_certificate: 5, missing: 1 }),
      name: 'UBND tỉnh Hà Giang',
      topReason: 'revoked_certificate',
    });
  });

  it('between equal counts, the kind the protocol lists first', () => {
    expect(toSignatureModel(signatureRow({ untrusted_issuer: 3, expired_certificate: 3 }), 'x').topReason).toBe(
      'expired_certificate',
    );
  });

  it('none when nothing failed', () => {
    expect(toSignatureModel(signatureRow({}), 'x').topReason).toBeNull();
  });
});

describe('deadline rows as the Deadlines screen lists them', () => {
  it('keeps every figure of the row and adds the name', () => {
    const row: DeadlineRow = {
      agencyId: '000.00.01.H53',
      open: 7,
      dueWithin24h: 2,
      overdue: 3,
      oldestOverdueMs: 5_400_000,
      answeredOnTime: 11,
      answeredLate: 4,
    };
    expect(toDeadlineModel(row, 'Sở Tư pháp')).toEqual({ ...row, name: 'Sở Tư pháp' });
  });
});
