import { describe, expect, it } from 'vitest';
import { alertKey, describeAlert, type AlertState, type RuleId, type SummaryParams } from '../../src/alerts/index.js';
import { fold } from '../../src/alerts/incidents.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 18, 3, 0);

const state = (
  rule: RuleId,
  labels: AlertState['labels'],
  params: SummaryParams = {},
  phase: AlertState['phase'] = 'firing',
): AlertState => ({
  key: alertKey(rule, labels),
  rule,
  labels,
  severity: 'warning',
  phase,
  activeSince: NOW - HOUR,
  firingSince: phase === 'pending' ? null : NOW - HOUR,
  keptFiringSince: null,
  resolvedAt: null,
  params,
  ack: null,
});

const names: Record<string, string> = { '000.00.00.H41': 'UBND Tỉnh Nghệ An' };
const nameOf = (id: string) => names[id];

describe('describeAlert', () => {
  it.each<[AlertState, string, string]>([
    [
      state('server-disconnected', { server: 'MCBM-017' }, { name: 'MCBM Nghệ An', agencies: 42 }),
      'Máy chủ bảo mật MCBM Nghệ An mất kết nối — 42 cơ quan phía sau',
      'Security server MCBM Nghệ An disconnected — 42 agencies behind it',
    ],
    [
      state(
        'signature-failures',
        { agency: '000.00.00.H41' },
        { failed: 3, verified: 40, windowMs: 15 * 60_000, reason: 'expired_certificate' },
      ),
      'UBND Tỉnh Nghệ An: 3/40 chữ ký số lỗi (7,5%) trong 15 phút, chủ yếu chứng thư hết hạn',
      'UBND Tỉnh Nghệ An: 3 of 40 signatures failed (7.5%) in 15 min, mostly expired certificate',
    ],
    [
      state('overdue-replies', { agency: '000.00.00.H99' }, { overdue: 4, oldestDueAt: NOW - 3 * 24 * HOUR }),
      '000.00.00.H99: 4 văn bản quá hạn trả lời, lâu nhất 3 ngày',
      '000.00.00.H99: 4 replies overdue, oldest by 3 d',
    ],
    [
      state('overdue-replies', { agency: '000.00.00.H99' }, { overdue: 1, oldestDueAt: NOW - 2 * HOUR }),
      '000.00.00.H99: 1 văn bản quá hạn trả lời, lâu nhất 2 giờ',
      '000.00.00.H99: 1 reply overdue, oldest by 2 h',
    ],
    [
      state('server-disconnected', { server: 'MCBM-017' }, { name: 'MCBM-017', agencies: 1 }),
      'Máy chủ bảo mật MCBM-017 mất kết nối — 1 cơ quan phía sau',
      'Security server MCBM-017 disconnected — 1 agency behind it',
    ],
    [
      state('agency-silent', { agency: '000.00.00.H41' }, { windowMs: HOUR, usual: 6, basis: 'week' }),
      'UBND Tỉnh Nghệ An không gửi văn bản nào trong 60 phút giờ hành chính (6 văn bản cùng giờ tuần trước)',
      'UBND Tỉnh Nghệ An has sent nothing for 60 min of working time (6 sent same hour last week)',
    ],
    [
      state('certificate-expiring', { server: 'MCBM-003' }, { name: 'MCBM-003', expiresAt: NOW + 5 * 24 * HOUR }),
      'Chứng thư số của máy chủ MCBM-003 hết hạn sau 5 ngày',
      'Certificate of server MCBM-003 expires in 5 d',
    ],
    [
      // The hub's name already says what it is: not "máy chủ Máy chủ bảo mật …".
      state(
        'certificate-expiring',
        { server: 'MCBM-041' },
        { name: 'Máy chủ bảo mật UBND Tỉnh Nghệ An MCBM-041', expiresAt: NOW + 5 * 24 * HOUR },
      ),
      'Chứng thư số của Máy chủ bảo mật UBND Tỉnh Nghệ An MCBM-041 hết hạn sau 5 ngày',
      'Certificate of Máy chủ bảo mật UBND Tỉnh Nghệ An MCBM-041 expires in 5 d',
    ],
    [
      state('certificate-expiring', { server: 'MCBM-003' }, { name: 'MCBM-003', expiresAt: NOW - 3 * HOUR }),
      'Chứng thư số của máy chủ MCBM-003 đã hết hạn 3 giờ trước',
      'Certificate of server MCBM-003 expired 3 h ago',
    ],
    [
      state(
        'delivery-failures',
        { agency: '000.00.00.H41' },
        { failed: 5, undelivered: 2, window: '1h', reason: 'timeout' },
      ),
      'UBND Tỉnh Nghệ An: 5 gói tin lỗi, 2 chưa đến trong 60 phút (chủ yếu quá thời gian)',
      'UBND Tỉnh Nghệ An: 5 packages failed, 2 undelivered in 60 min (mostly timeout)',
    ],
  ])('summary %#', (alert, vi, en) => {
    expect(describeAlert(alert, { lang: 'vi', now: NOW, nameOf })).toBe(vi);
    expect(describeAlert(alert, { lang: 'en', now: NOW, nameOf })).toBe(en);
  });
});

describe('fold (inhibition)', () => {
  const down = state('server-disconnected', { server: 'S1' });
  const silentA = state('agency-silent', { agency: 'A', server: 'S1' });
  const deliveryB = state('delivery-failures', { agency: 'B', server: 'S1' });
  const overdueA = state('overdue-replies', { agency: 'A', server: 'S1' });
  const silentC = state('agency-silent', { agency: 'C', server: 'S2' });

  it.each<[string, AlertState[], [string, string[]][]]>([
    [
      'folds silence and delivery alerts behind a firing server, not other rules or servers',
      [down, silentA, deliveryB, overdueA, silentC],
      [
        [down.key, [silentA.key, deliveryB.key]],
        [overdueA.key, []],
        [silentC.key, []],
      ],
    ],
    [
      'folds nothing under a server that is only pending',
      [{ ...down, phase: 'pending', firingSince: null }, silentA],
      [
        [down.key, []],
        [silentA.key, []],
      ],
    ],
    [
      'leaves symptoms alone when their server is fine',
      [silentA, deliveryB],
      [
        [silentA.key, []],
        [deliveryB.key, []],
      ],
    ],
  ])('%s', (_name, states, expected) => {
    expect(fold(states, true).map((a) => [a.key, a.folded.map((f) => f.key)])).toEqual(expected);
  });

  it('folds nothing when disabled', () => {
    expect(fold([down, silentA], false).map((a) => a.folded.length)).toEqual([0, 0]);
  });
});
