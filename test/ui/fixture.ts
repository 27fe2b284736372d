/**
 * Known figures for the console's rendering tests: a small tree (a ministry, a province with
 * a district and two communes), three security servers (one down), alerts in each state.
 */
import type { Agency } from '../../src/protocol/index.js';
import type { SignatureRow, ThroughputRow } from '../../src/metrics/types.js';
import { memoryMetrics, type MemoryData } from '../support/memory-metrics.js';
import type { AlertsSource, AlertView } from '../../src/ui/data/sources.js';

export const NOW = Date.UTC(2024, 2, 12, 20, 0, 0); // 03:00 in Hà Nội
const MIN = 60_000;

export const AGENCIES: Agency[] = [
  {
    id: '000.00.00.G22',
    name: 'Văn phòng Chính phủ',
    level: 1,
    parent: null,
    connection: 'direct',
    securityServer: 'MCBM-001',
  },
  {
    id: '000.00.00.H41',
    name: 'UBND Tỉnh Nghệ An',
    level: 1,
    parent: null,
    connection: 'lgsp',
    securityServer: 'MCBM-041',
  },
  {
    id: '000.00.01.H41',
    name: 'UBND Huyện Nam Đàn',
    level: 2,
    parent: '000.00.00.H41',
    connection: 'lgsp',
    securityServer: 'MCBM-041',
  },
  {
    id: '000.01.01.H41',
    name: 'UBND Xã Kim Liên',
    level: 3,
    parent: '000.00.01.H41',
    connection: 'lgsp',
    securityServer: 'MCBM-099',
  },
  {
    id: '000.02.01.H41',
    name: 'UBND Xã Nam Giang',
    level: 3,
    parent: '000.00.01.H41',
    connection: 'lgsp',
    securityServer: 'MCBM-041',
  },
];

const spark = (level: number): number[] => Array.from({ length: 12 }, (_, i) => level * (i + 1));
const tp = (
  agencyId: string,
  sentPerMin: number,
  receivedPerMin: number,
  weekAgo: number | null,
  s: number[],
): ThroughputRow => ({
  agencyId,
  sent: sentPerMin * 60,
  received: receivedPerMin * 60,
  sentPerMin,
  receivedPerMin,
  sentWeekAgo: weekAgo === null ? null : weekAgo / 2,
  receivedWeekAgo: weekAgo === null ? null : weekAgo / 2,
  spark: s,
});
const sig = (agencyId: string, verified: number, failed: number, missing = failed): SignatureRow => ({
  agencyId,
  verified,
  failed,
  failureRate: verified > 0 ? failed / verified : null,
  byReason: {
    missing,
    invalid: failed - missing,
    expired_certificate: 0,
    revoked_certificate: 0,
    untrusted_issuer: 0,
    incomplete_info: 0,
  },
});

export function fixtureData(): MemoryData {
  return {
    stream: { hubName: 'Trục liên thông văn bản quốc gia', newestEventTs: NOW - 5_000, lastSeq: 1234, events: 1234 },
    agencies: AGENCIES.map((a) => ({ ...a })),
    throughput: [
      tp('000.00.00.G22', 12, 30, 2400, spark(1)),
      tp('000.00.00.H41', 4, 9, 800, spark(2)),
      tp('000.00.01.H41', 1, 2, 200, spark(0)),
      tp('000.01.01.H41', 0, 0.5, 300, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      tp('000.02.01.H41', 0.2, 0.3, null, spark(1)),
    ],
    servers: [
      {
        serverId: 'MCBM-001',
        name: 'MCBM VPCP',
        state: 'connected',
        since: NOW - 3 * 86_400_000,
        lastHeartbeat: NOW - 2000,
        latencyMs: 41,
        downtimeMs: 0,
        drops: 0,
        certificateExpiresAt: NOW + 200 * 86_400_000,
        agencyIds: ['000.00.00.G22'],
      },
      {
        serverId: 'MCBM-041',
        name: 'MCBM Nghệ An',
        state: 'degraded',
        since: NOW - 20 * MIN,
        lastHeartbeat: NOW - 4000,
        latencyMs: 950,
        downtimeMs: 4 * MIN,
        drops: 2,
        certificateExpiresAt: NOW + 10 * 86_400_000,
        agencyIds: ['000.00.00.H41', '000.00.01.H41', '000.02.01.H41'],
      },
      {
        serverId: 'MCBM-099',
        name: 'MCBM Xã Kim Liên',
        state: 'disconnected',
        since: NOW - 12 * MIN,
        lastHeartbeat: NOW - 12 * MIN,
        latencyMs: null,
        downtimeMs: 12 * MIN,
        drops: 1,
        certificateExpiresAt: NOW + 400 * 86_400_000,
        agencyIds: ['000.01.01.H41'],
      },
    ],
    serverHistory: [
      { serverId: 'MCBM-099', at: NOW - 12 * MIN, from: 'connected', to: 'disconnected', reason: 'mất kết nối TLS' },
    ],
    signatures: [sig('000.00.00.G22', 700, 0), sig('000.00.00.H41', 200, 30, 20), sig('000.02.01.H41', 10, 1)],
    deadlines: [
      {
        agencyId: '000.00.00.H41',
        open: 20,
        dueWithin24h: 3,
        overdue: 12,
        oldestOverdueMs: 3 * 86_400_000,
        answeredOnTime: 40,
        answeredLate: 5,
      },
      {
        agencyId: '000.02.01.H41',
        open: 2,
        dueWithin24h: 0,
        overdue: 2,
        oldestOverdueMs: 2 * 3_600_000,
        answeredOnTime: 1,
        answeredLate: 0,
      },
    ],
    overdue: [
      {
        docId: '000.00.00.G22,2024/03/01,712/VPCP-TH',
        sender: '000.00.00.G22',
        recipient: '000.02.01.H41',
        replyBy: NOW - 2 * 3_600_000,
        overdueMs: 2 * 3_600_000,
        subject: 'Báo cáo tình hình',
      },
    ],
    documents: [
      {
        docId: '000.00.00.G22,2024/03/01,712/VPCP-TH',
        sender: '000.00.00.G22',
        sentAt: NOW - 3 * 86_400_000,
        replyBy: NOW - 2 * 3_600_000,
        subject: 'Báo cáo tình hình',
        sends: 1,
        recipients: [
          {
            recipient: '000.02.01.H41',
            replyBy: NOW - 2 * 3_600_000,
            deliveredAt: NOW - 3 * 86_400_000 + 60_000,
            failedAt: null,
            failReason: null,
            statuses: ['01', '03'],
            arrivedAt: NOW - 3 * 86_400_000 + 60_000,
            acceptedAt: NOW - 3 * 86_400_000 + 600_000,
            answeredAt: null,
          },
        ],
      },
    ],
    feedback: [
      {
        agencyId: '000.00.00.H41',
        codesReported: ['01', '03', '06'],
        arrivalToAcceptMedianMs: 60_000,
        withoutStatus: 0,
        funnel: { '01': 500, '02': 1, '03': 480, '04': 300, '05': 200, '06': 150, '13': 0, '15': 0, '16': 0 },
      },
    ],
    events: [
      {
        agencyId: '000.01.01.H41',
        seq: 1200,
        ts: NOW - 12 * MIN,
        type: 'document.failed',
        facts: { docId: 'D-77', reason: 'security_server_unreachable' },
      },
    ],
  };
}

export const fixtureMetrics = (data: MemoryData = fixtureData()) => memoryMetrics(data);

export function fixtureAlerts(): AlertsSource & { items: AlertView[] } {
  const items: AlertView[] = [
    {
      id: 'a1',
      rule: 'server_down',
      severity: 'critical',
      state: 'firing',
      agencyId: '000.01.01.H41',
      subject: 'MCBM-099',
      summary: 'Security server down 12 min',
      since: NOW - 12 * MIN,
      acknowledgedBy: null,
      acknowledgedAt: null,
      folded: [
        {
          id: 'a1.1',
          agencyId: '000.01.01.H41',
          subject: 'Sở Y tế Nghệ An',
          summary: 'Sở Y tế Nghệ An sent nothing for 40 min',
          severity: 'warning',
        },
        {
          id: 'a1.2',
          agencyId: '000.00.00.H41',
          subject: 'UBND Tỉnh Nghệ An',
          summary: 'UBND Tỉnh Nghệ An: 3 packages failed',
          severity: 'warning',
        },
      ],
    },
    {
      id: 'a2',
      rule: 'overdue',
      severity: 'warning',
      state: 'firing',
      agencyId: '000.00.00.H41',
      subject: 'UBND Tỉnh Nghệ An',
      summary: '12 overdue replies',
      since: NOW - 60 * MIN,
      acknowledgedBy: null,
      acknowledgedAt: null,
      folded: [],
    },
    {
      id: 'a3',
      rule: 'signature',
      severity: 'warning',
      state: 'pending',
      agencyId: '000.00.00.H41',
      subject: 'UBND Tỉnh Nghệ An',
      summary: 'Signature failures 15%',
      since: NOW - 2 * MIN,
      acknowledgedBy: null,
      acknowledgedAt: null,
      folded: [],
    },
    {
      id: 'a4',
      rule: 'drop',
      severity: 'warning',
      state: 'acknowledged',
      agencyId: '000.00.00.G22',
      subject: 'Văn phòng Chính phủ',
      summary: 'Throughput −60%',
      since: NOW - 90 * MIN,
      acknowledgedBy: 'trucdem',
      acknowledgedAt: NOW - 30 * MIN,
      folded: [],
    },
  ];
  return {
    items,
    list: () => items,
    acknowledge(id) {
      const i = items.findIndex((a) => a.id === id);
      const a = items[i];
      if (!a || a.state === 'acknowledged') return false;
      items[i] = { ...a, state: 'acknowledged', acknowledgedBy: 'operator', acknowledgedAt: NOW };
      return true;
    },
  };
}
