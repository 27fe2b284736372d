import { describe, expect, it } from 'vitest';
import { translator } from '../../src/ui/i18n/translate.js';
import { eventSearchText, eventSummary, eventTypeText } from '../../src/ui/view/event-summary.js';

const DOC = '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT';

describe('an event in the operator language', () => {
  it.each([
    [
      'status.reported',
      { docId: DOC, code: '06' },
      `status 06 (completed) for ${DOC}`,
      `trạng thái 06 (đã hoàn thành) cho ${DOC}`,
    ],
    ['document.sent', { docId: DOC, recipients: 1 }, `sent ${DOC} to 1 recipient`, `gửi ${DOC} tới 1 nơi nhận`],
    [
      'document.sent',
      { docId: DOC, recipients: 3, replyBy: '2026-11-25T10:00:00Z' },
      `sent ${DOC} to 3 recipients, reply by 2026-11-25 17:00`,
      `gửi ${DOC} tới 3 nơi nhận, hạn trả lời 2026-11-25 17:00`,
    ],
    ['document.delivered', { docId: DOC }, `received ${DOC}`, `đã nhận ${DOC}`],
    [
      'document.failed',
      { docId: DOC, reason: 'security_server_unreachable' },
      `delivery of ${DOC} failed: security server unreachable`,
      `gửi ${DOC} không thành công: không tới được máy chủ bảo mật`,
    ],
    ['document.replied', { docId: DOC, replyDocId: 'R1' }, `replied to ${DOC} with R1`, `trả lời ${DOC} bằng R1`],
    [
      'signature.verified',
      { docId: DOC, result: 'valid' },
      `valid signature on ${DOC}`,
      `chữ ký số hợp lệ trên ${DOC}`,
    ],
    [
      'signature.verified',
      { docId: DOC, result: 'expired_certificate' },
      `signature failed on ${DOC}: expired cert`,
      `chữ ký số lỗi trên ${DOC}: chứng thư hết hạn`,
    ],
    ['agency.upsert', {}, 'registry entry updated', 'cập nhật thông tin trong danh mục'],
    ['status.reported', { docId: DOC, code: '42' }, `status 42 (42) for ${DOC}`, `trạng thái 42 (42) cho ${DOC}`],
  ])('%s %j', (type, facts, english, vietnamese) => {
    expect(eventSummary({ type, facts }, translator('en'))).toBe(english);
    expect(eventSummary({ type, facts }, translator('vi'))).toBe(vietnamese);
  });

  it.each([
    ['status.reported', 'status', 'trạng thái'],
    ['document.failed', 'not delivered', 'gửi lỗi'],
    ['server.state', 'server.state', 'server.state'],
  ])('%s reads as a word', (type, english, vietnamese) => {
    expect(eventTypeText(type, translator('en'))).toBe(english);
    expect(eventTypeText(type, translator('vi'))).toBe(vietnamese);
  });

  it('is found by its document id in either language', () => {
    expect(eventSearchText({ type: 'status.reported', facts: { docId: DOC, code: '06' } })).toContain(
      DOC.toLowerCase(),
    );
  });
});
