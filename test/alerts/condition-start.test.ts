/**
 * An alert's age as the console shows it counts from when its condition began, where the data
 * says (a server's own `since`, a certificate's expiry), not from when the console saw it;
 * expired certificates are not called merely "expiring"; a server name the hub sends
 * decomposed is not named twice.
 */
import { describe, expect, it } from 'vitest';
import { describeAlert, type AlertState } from '../../src/alerts/index.js';
import { alertView } from '../../src/app/console-sources.js';
import { RULE_TITLES } from '../../src/alerts/describe.js';

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 18, 3, 0);

const alert = (over: Partial<AlertState>): AlertState => ({
  key: 'server-disconnected server=MCBM-056',
  rule: 'server-disconnected',
  labels: { server: 'MCBM-056' },
  severity: 'critical',
  phase: 'firing',
  activeSince: NOW - 2 * MIN,
  firingSince: NOW - 23_000,
  keptFiringSince: null,
  resolvedAt: null,
  params: { name: 'Máy chủ bảo mật Bộ Tài chính', agencies: 3 },
  ack: null,
  ...over,
});

describe('an alert dates from its condition', () => {
  it('a server down 2 min that fired 23 s ago is shown since 2 min', () => {
    const view = alertView({ ...alert({}), folded: [] }, NOW, 'en', () => undefined);
    expect(view.since).toBe(NOW - 2 * MIN);
  });

  it('a certificate that lapsed 38 days ago is shown since then by the engine, whenever it first looked', () => {
    const view = alertView(
      {
        ...alert({
          key: 'certificate-expiring server=MCBM-056',
          rule: 'certificate-expiring',
          activeSince: NOW - 38 * DAY,
          firingSince: NOW - 3 * MIN,
          params: { name: 'Máy chủ bảo mật Bộ Tài chính', expiresAt: NOW - 38 * DAY },
        }),
        folded: [],
      },
      NOW,
      'vi',
      () => undefined,
    );
    expect(view.since).toBe(NOW - 38 * DAY);
    expect(view.summary).toContain('đã hết hạn');
  });

  it('calls the certificate rule "expired or expiring" in both languages', () => {
    expect(RULE_TITLES['certificate-expiring']).toEqual({
      vi: 'Chứng thư số đã hết hạn hoặc sắp hết hạn',
      en: 'Certificate expired or expiring',
    });
  });

  it('names a server whose name came decomposed (NFD) once', () => {
    const name = 'Máy chủ bảo mật Bộ Tài chính'.normalize('NFD');
    const text = describeAlert(alert({ params: { name, agencies: 3 } }), { lang: 'vi', now: NOW });
    expect(text.normalize('NFC')).toBe('Máy chủ bảo mật Bộ Tài chính mất kết nối — 3 cơ quan phía sau');
  });
});
