import { describe, expect, it } from 'vitest';
import { alertKey, type Alert, type RuleId, type Severity } from '../../src/alerts/types.js';
import { firingSummary } from '../../src/status/check.js';

const T = Date.parse('2026-11-23T02:00:00Z');
let n = 0;

/** A firing alert of `rule` about its own agency, acknowledged by `by` when given. */
function firing(rule: RuleId, severity: Severity, by?: string): Alert {
  const labels = { agency: `000.00.00.H${String(++n).padStart(2, '0')}` };
  return {
    key: alertKey(rule, labels),
    rule,
    labels,
    severity,
    phase: 'firing',
    activeSince: T,
    firingSince: T,
    keptFiringSince: null,
    resolvedAt: null,
    params: {},
    ack: by === undefined ? null : { by, at: T },
    folded: [],
  };
}

describe('the summary of firing alerts', () => {
  it.each<[string, Alert[], string]>([
    [
      'the acknowledgement with the group it belongs to, not the last one',
      [
        firing('certificate-expiring', 'warning'),
        firing('certificate-expiring', 'warning', 'lan'),
        firing('certificate-expiring', 'warning'),
        firing('delivery-failures', 'warning'),
        firing('delivery-failures', 'warning'),
        firing('delivery-failures', 'warning'),
      ],
      '3 agencies with delivery failures, 3 server certificates expired or expiring (1 acknowledged)',
    ],
    [
      'critical causes first, each group with its own count',
      [
        firing('overdue-replies', 'warning', 'minh'),
        firing('overdue-replies', 'warning', 'lan'),
        firing('server-disconnected', 'critical', 'lan'),
      ],
      '1 security server down (1 acknowledged), 2 agencies with overdue replies (2 acknowledged)',
    ],
    [
      'acute incidents before standing problems, however many and however critical',
      [
        firing('overdue-replies', 'critical'),
        firing('overdue-replies', 'warning'),
        firing('duplicate-sends', 'warning'),
        { ...firing('signature-failures', 'critical'), params: { standing: 1 } },
      ],
      '1 agency sending duplicates, 2 agencies with overdue replies, 1 agency failing signatures day after day',
    ],
    [
      'nothing said when nobody acknowledged',
      [firing('signature-failures', 'critical'), firing('agency-silent', 'warning')],
      '1 agency over the signature-failure threshold, 1 agency silent in working hours',
    ],
  ])('%s', (_, alerts, summary) => {
    expect(firingSummary(alerts)).toBe(summary);
  });
});
