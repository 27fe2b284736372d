import { describe, expect, it } from 'vitest';
import {
  alertKey,
  countIncidents,
  describeIncident,
  groupIncidents,
  isNewSince,
  shortUnitName,
  unacknowledgedKeys,
  unitPath,
  type Alert,
  type AlertLabels,
  type RuleId,
  type Severity,
  type SummaryParams,
} from '../../src/alerts/index.js';
import type { Agency } from '../../src/protocol/index.js';

const MIN = 60_000;
const DAY = 1440 * MIN;
const T = Date.UTC(2026, 10, 18, 3, 0);

function alert(
  rule: RuleId,
  labels: AlertLabels,
  over: { severity?: Severity; since?: number; params?: SummaryParams; folded?: Alert[]; ack?: boolean } = {},
): Alert {
  const since = over.since ?? T - 10 * MIN;
  return {
    key: alertKey(rule, labels),
    rule,
    labels,
    severity: over.severity ?? 'warning',
    phase: 'firing',
    activeSince: since,
    firingSince: since,
    keptFiringSince: null,
    resolvedAt: null,
    params: over.params ?? {},
    ack: over.ack ? { by: 'truc-dem', at: T } : null,
    folded: over.folded ?? [],
  };
}

const BEHIND: Record<string, string[]> = { 'MCBM-001': ['A3', 'A1', 'A2'] };
const behind = (s: string) => BEHIND[s] ?? [];

describe('incidents', () => {
  const overdue = (agency: string, n: number, since: number) =>
    alert('overdue-replies', { agency }, { params: { overdue: n, oldestDueAt: T - DAY }, since });
  const alerts = [
    ...Array.from({ length: 70 }, (_, i) => overdue(`O${i}`, 1 + (i % 5), T - 5 * DAY + i)),
    overdue('O-worst', 24, T - 3 * DAY),
    alert(
      'certificate-expiring',
      { server: 'MCBM-009' },
      { severity: 'critical', params: { expiresAt: T - 16 * DAY } },
    ),
    alert(
      'server-disconnected',
      { server: 'MCBM-001' },
      {
        severity: 'critical',
        since: T - 5 * MIN,
        params: { name: 'MCBM Hà Nội', agencies: 3 },
        folded: [alert('delivery-failures', { agency: 'A1', server: 'MCBM-001' })],
      },
    ),
    alert('signature-failures', { agency: 'S1' }, { since: T - 2 * MIN, params: { failed: 12, verified: 12 } }),
    alert('signature-failures', { agency: 'S2' }, { params: { failed: 90, verified: 99, standing: 1 } }),
    alert('duplicate-sends', { agency: 'D1' }, { severity: 'critical', since: T - 20 * MIN }),
  ];
  const incidents = groupIncidents(alerts, behind);

  it('puts acute before standing, then severity, then newest first', () => {
    expect(incidents.map((i) => [i.kind, i.id])).toEqual([
      ['acute', 'server-disconnected server=MCBM-001'],
      ['acute', 'duplicate-sends agency=D1'],
      ['acute', 'signature-failures agency=S1'],
      ['standing', 'standing certificate-expiring'],
      ['standing', 'standing signature-failures'],
      ['standing', 'standing overdue-replies'],
    ]);
  });

  it('makes one server outage one incident listing every agency behind it', () => {
    const outage = incidents[0]!;
    expect(outage.subject).toEqual({ server: 'MCBM-001' });
    expect(outage.agencies).toEqual(['A1', 'A2', 'A3']);
    expect(outage.alerts).toHaveLength(2);
  });

  it('groups 71 overdue agencies into one line naming the worst', () => {
    const line = incidents.find((i) => i.id === 'standing overdue-replies')!;
    expect(line.alerts).toHaveLength(71);
    expect(line.worst.labels.agency).toBe('O-worst');
    expect(describeIncident(line, { lang: 'en', now: T })).toBe(
      'Overdue replies — 71 agencies, worst: O-worst: 24 replies overdue, oldest by 24 h',
    );
    expect(describeIncident(line, { lang: 'vi', now: T })).toBe(
      'Quá hạn trả lời — 71 cơ quan, nặng nhất: O-worst: 24 văn bản quá hạn trả lời, lâu nhất 24 giờ',
    );
  });

  it('makes a server both flapping and pending down one incident, led by the firing alert', () => {
    const pendingDown = {
      ...alert('server-disconnected', { server: 'MCBM-001' }, { severity: 'critical' }),
      phase: 'pending' as const,
    };
    const flapping = alert('server-flapping', { server: 'MCBM-001' }, { params: { drops: 4 } });
    const [one, ...rest] = groupIncidents([pendingDown, flapping], behind);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ id: 'server-flapping server=MCBM-001', rule: 'server-flapping', phase: 'firing' });
    expect(one!.alerts.map((a) => a.rule)).toEqual(['server-flapping', 'server-disconnected']);
    expect(one!.agencies).toEqual(['A1', 'A2', 'A3']);
  });

  it('counts firing incidents by kind', () => {
    expect(countIncidents(incidents)).toEqual({ acute: 3, standing: 3 });
  });

  it('is acknowledged when every alert it stands for is, and lists those still to acknowledge', () => {
    const outage = incidents[0]!;
    expect(outage.ack).toBeNull();
    expect(unacknowledgedKeys(outage)).toEqual([
      'server-disconnected server=MCBM-001',
      'delivery-failures server=MCBM-001 agency=A1',
    ]);
    const [done] = groupIncidents([alert('duplicate-sends', { agency: 'D1' }, { ack: true })], behind);
    expect(done?.ack).toEqual({ by: 'truc-dem', at: T });
    expect(unacknowledgedKeys(done!)).toEqual([]);
  });

  it('marks what began after the operator last looked', () => {
    expect(incidents.filter((i) => isNewSince(i, T - 3 * MIN)).map((i) => i.id)).toEqual([
      'signature-failures agency=S1',
    ]);
    expect(incidents.every((i) => isNewSince(i, null))).toBe(true);
  });
});

describe('unit path', () => {
  const a = (id: string, name: string, parent: string | null): Agency => ({
    id,
    name,
    level: 1,
    parent,
    connection: 'direct',
    securityServer: 'MCBM-001',
  });
  const byId = new Map(
    [
      a('H', 'UBND Thành phố Hà Nội', null),
      a('D', 'UBND huyện Sóc Sơn', 'H'),
      a('X', 'UBND xã Thanh Xuân', 'D'),
      a('S', 'Sở Y tế', 'H'),
    ].map((x) => [x.id, x]),
  );
  it.each([
    ['X', 'UBND xã Thanh Xuân · Sóc Sơn · Hà Nội'],
    ['S', 'Sở Y tế · Hà Nội'],
    ['H', 'UBND Thành phố Hà Nội'],
    ['?', '?'],
  ])('%s → %s', (id, path) => expect(unitPath(id, byId)).toBe(path));
  it('keeps a name of another shape whole', () => expect(shortUnitName('Bộ Y tế')).toBe('Bộ Y tế'));
});

describe('the alert counts of the console header and hubmon status', () => {
  it('count incidents firing unacknowledged by severity, and those pending', async () => {
    const { alertCounts, incidentState } = await import('../../src/alerts/index.js');
    const { incidentView } = await import('../../src/app/console-sources.js');
    const down = alert(
      'server-disconnected',
      { server: 'MCBM-001' },
      {
        severity: 'critical',
        folded: [
          alert('agency-silent', { agency: 'A1' }),
          alert('agency-silent', { agency: 'A2' }),
          alert('delivery-failures', { agency: 'A3' }, { severity: 'critical' }),
        ],
      },
    );
    const overdue = ['B1', 'B2', 'B3'].map((a) => alert('overdue-replies', { agency: a }, { params: { overdue: 2 } }));
    const acked = alert('duplicate-sends', { agency: 'C1' }, { severity: 'critical', ack: true });
    const waiting = { ...alert('status-silence', { agency: 'D1' }), phase: 'pending' as const, firingSince: null };
    const incidents = groupIncidents([down, ...overdue, acked, waiting], behind);
    const status = alertCounts(incidents.map((i) => ({ severity: i.severity, state: incidentState(i) })));
    const header = alertCounts(incidents.map((i) => incidentView(i, T, 'en', () => undefined)));
    expect(status).toEqual({ critical: 1, warning: 1, pending: 1 });
    expect(header).toEqual(status);
  });
});
