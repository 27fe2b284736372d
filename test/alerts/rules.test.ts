import { describe, expect, it } from 'vitest';
import {
  defaultAlertConfig,
  RULES,
  type AlertConfig,
  type Candidate,
  type RuleContext,
  type RuleId,
} from '../../src/alerts/index.js';
import {
  agency,
  deadlines,
  delivery,
  emptyData,
  fakeMetrics,
  server,
  signatures,
  throughput,
  type FakeData,
} from './fake-metrics.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Wednesday 18 November 2026, 10:00 in Hà Nội (UTC+7). */
const WED_10 = Date.UTC(2026, 10, 18, 3, 0);
/** Local time on that Wednesday (or `day` days later) in Hà Nội. */
const hanoi = (hh: number, mm = 0, day = 0) => Date.UTC(2026, 10, 18 + day, hh - 7, mm);

function evaluate(rule: RuleId, data: FakeData, now = WED_10, config: AlertConfig = defaultAlertConfig()) {
  const metrics = fakeMetrics(data);
  const serverOf = new Map(data.agencies.map((a) => [a.id, a.securityServer]));
  const ctx: RuleContext = {
    metrics,
    now,
    config: config.rules,
    serverOf: (id) => serverOf.get(id),
    servers: () => data.servers,
  };
  return { found: RULES[rule].evaluate(ctx), asked: metrics.asked };
}

const severities = (found: Candidate[]) => found.map((c) => c.severity);
const A = '000.00.00.H41';

describe('server-disconnected', () => {
  it.each<[string, Parameters<typeof server>[1], string[]]>([
    ['connected', { state: 'connected' }, []],
    ['degraded', { state: 'degraded', since: WED_10 - HOUR }, []],
    ['never heard of', { state: 'unknown' }, []],
    ['disconnected', { state: 'disconnected', since: WED_10 - 5 * MIN }, ['critical']],
  ])('a %s server', (_name, row, expected) => {
    const data = { ...emptyData(), servers: [server('MCBM-001', row)] };
    expect(severities(evaluate('server-disconnected', data).found)).toEqual(expected);
  });

  it('carries the disconnection time, so `for` can be judged without history', () => {
    const data = {
      ...emptyData(),
      servers: [server('MCBM-002', { state: 'disconnected', since: WED_10 - 5 * MIN, agencyIds: [A, 'x'] })],
    };
    expect(evaluate('server-disconnected', data).found).toEqual([
      {
        key: 'server-disconnected server=MCBM-002',
        rule: 'server-disconnected',
        labels: { server: 'MCBM-002' },
        severity: 'critical',
        since: WED_10 - 5 * MIN,
        params: { name: 'Server MCBM-002', agencies: 2 },
      },
    ]);
  });
});

describe('signature-failures (Wilson lower bound > 5 % with ≥ 3 failures; critical from 20 %)', () => {
  it.each<[number, number, string[]]>([
    [1, 1, []], // 100 % of 1 is no evidence
    [20, 1, []],
    [100, 5, []], // 5 %, surely at least 2 %
    [20, 2, []],
    [100, 12, ['warning']], // surely at least 7 %
    [40, 8, ['warning']], // surely at least 10.5 %
    [100, 30, ['critical']], // surely at least 21.9 %
    [12, 12, ['critical']], // a burst at a small agency: surely at least 75.7 %
    [20, 20, ['critical']],
  ])('%i verified, %i failed', (verified, failed, expected) => {
    const data = { ...emptyData(), agencies: [agency(A, 'MCBM-009')], signatures: [signatures(A, verified, failed)] };
    const { found } = evaluate('signature-failures', data);
    expect(severities(found)).toEqual(expected);
    if (found[0]) expect(found[0].labels).toEqual({ agency: A, server: 'MCBM-009' });
  });

  it('reads exactly 15 minutes, then the day before it when something fails', () => {
    const data = { ...emptyData(), signatures: [signatures(A, 12, 12)] };
    const { found, asked } = evaluate('signature-failures', data);
    expect(asked).toEqual(['signaturesOver:900000', `signaturesOver:${DAY + 15 * MIN}`]);
    expect(found[0]?.params).toEqual({
      failed: 12,
      verified: 12,
      windowMs: 15 * MIN,
      reason: 'invalid',
      sure: 0.757,
      standing: 0,
    });
  });

  it('marks an agency failing as much over the day before as standing', () => {
    const now = signatures(A, 12, 12);
    const day = signatures(A, 212, 150);
    const metrics = fakeMetrics({ ...emptyData(), signatures: [now] });
    metrics.signaturesOver = (_t, ms) => (ms === 15 * MIN ? [now] : [day]);
    const found = RULES['signature-failures'].evaluate({
      metrics,
      now: WED_10,
      config: defaultAlertConfig().rules,
      serverOf: () => undefined,
      servers: () => [],
    });
    expect(found[0]?.params.standing).toBe(1);
  });
});

describe('server-flapping (≥ 3 drops in the hour; critical from 8)', () => {
  it.each<[number, string[]]>([
    [0, []],
    [2, []],
    [3, ['warning']],
    [8, ['critical']],
  ])('%i drops', (drops, expected) => {
    const data = { ...emptyData(), servers: [server('MCBM-003', { drops, agencyIds: [A, '000.00.00.H14'] })] };
    const { found } = evaluate('server-flapping', data);
    expect(severities(found)).toEqual(expected);
    if (found[0]) expect(found[0]).toMatchObject({ labels: { server: 'MCBM-003' }, params: { agencies: 2, drops } });
  });
});

describe('duplicate-sends (≥ 3 resends of a document id in 1 h; critical from 20)', () => {
  it.each<[number, string[]]>([
    [0, []],
    [2, []],
    [3, ['warning']],
    [20, ['critical']],
  ])('%i duplicates', (duplicates, expected) => {
    const data = { ...emptyData(), delivery: [{ ...delivery(A, 0, 0), duplicateSends: duplicates }] };
    const { found, asked } = evaluate('duplicate-sends', data);
    expect(severities(found)).toEqual(expected);
    expect(asked).toEqual(['delivery:1h']);
  });
});

describe('status-silence (documents arrive, no status for 15 min, from an agency that reports arrivals)', () => {
  const run = (recent: [number, number], before: { received: number; statuses: number; arrived: number }) => {
    const metrics = fakeMetrics(emptyData());
    const asked: number[] = [];
    metrics.statusReportsOver = (_t, ms) => {
      asked.push(ms);
      if (ms === DAY) return [{ agencyId: A, ...before }];
      return [{ agencyId: A, received: recent[0], statuses: recent[1], arrived: 0 }];
    };
    const found = RULES['status-silence'].evaluate({
      metrics,
      now: WED_10,
      config: defaultAlertConfig().rules,
      serverOf: () => 'MCBM-002',
      servers: () => [],
    });
    return { found, asked };
  };
  const reports = { received: 10, statuses: 16, arrived: 10 };
  it.each<[string, [number, number], typeof reports, string[]]>([
    ['silent', [2, 0], reports, ['warning']],
    ['a status came back', [2, 1], reports, []],
    ['one document is too few to expect a status', [1, 0], reports, []],
    ['it seldom reports arrivals anyway', [5, 0], { received: 10, statuses: 6, arrived: 3 }, []],
    ['it reports arrivals for under half its documents', [5, 0], { received: 10, statuses: 9, arrived: 4 }, []],
    [
      'its silence began hours ago, a day of reports behind it',
      [5, 0],
      { received: 20, statuses: 12, arrived: 12 },
      ['warning'],
    ],
  ])('%s', (_why, recent, before, expected) => {
    const { found } = run(recent, before);
    expect(severities(found)).toEqual(expected);
    if (found[0]) expect(found[0].labels).toEqual({ agency: A, server: 'MCBM-002' });
  });
  it('reads the silence, the deliveries old enough for a status, and the day before', () => {
    expect(run([2, 0], reports).asked).toEqual([15 * MIN, 12 * MIN, DAY]);
  });
});

describe('overdue-replies (any → warning; ≥ 10, or one 7 days late → critical)', () => {
  it.each<[number, number | null, string[]]>([
    [0, null, []],
    [1, HOUR, ['warning']],
    [9, 6 * DAY, ['warning']],
    [10, HOUR, ['critical']],
    [1, 7 * DAY, ['critical']],
  ])('%i overdue, oldest %s ms late', (overdue, oldest, expected) => {
    const data = { ...emptyData(), deadlines: [deadlines(A, overdue, oldest)] };
    expect(severities(evaluate('overdue-replies', data).found)).toEqual(expected);
  });

  it('keeps the deadline, not the growing age, in its parameters', () => {
    const data = { ...emptyData(), deadlines: [deadlines(A, 3, 2 * HOUR)] };
    expect(evaluate('overdue-replies', data).found[0]?.params).toEqual({ overdue: 3, oldestDueAt: WED_10 - 2 * HOUR });
  });
});

describe('agency-silent (nothing sent for 1 h in working hours, by an agency that usually sends)', () => {
  it.each<[string, number, number, number | null, string[]]>([
    ['Wednesday 10:00, silent, 5 sent last week', WED_10, 0, 5, ['warning']],
    ['Wednesday 10:00, sent one', WED_10, 1, 5, []],
    ['Wednesday 10:00, silent, but only 2 last week (not a usual sender)', WED_10, 0, 2, []],
    ['Wednesday 10:00, silent, exactly 3 last week', WED_10, 0, 3, ['warning']],
    ['Wednesday 08:00 (day running only 30 min)', hanoi(8), 0, 5, []],
    ['Wednesday 08:30 (day running exactly 1 h)', hanoi(8, 30), 0, 5, ['warning']],
    ['Wednesday 16:59', hanoi(16, 59), 0, 5, ['warning']],
    ['Wednesday 17:00 (after hours)', hanoi(17), 0, 5, []],
    ['Saturday 10:00', hanoi(10, 0, 3), 0, 5, []],
    ['Monday 10:00', hanoi(10, 0, 5), 0, 5, ['warning']],
  ])('%s', (_name, now, sent, weekAgo, expected) => {
    const data = { ...emptyData(), agencies: [agency(A)], throughput: { over: [throughput(A, sent, weekAgo)] } };
    expect(severities(evaluate('agency-silent', data, now).found)).toEqual(expected);
  });

  it.each<[number, string[]]>([
    [24, ['warning']],
    [23, []],
  ])('without a week of history, judges by the last 24 h (%i sent)', (sentLastDay, expected) => {
    const data = {
      ...emptyData(),
      agencies: [agency(A)],
      throughput: { over: [throughput(A, 0, null)], '24h': [throughput(A, sentLastDay, null)] },
    };
    const { found } = evaluate('agency-silent', data);
    expect(severities(found)).toEqual(expected);
    if (found[0]) expect(found[0].params).toEqual({ windowMs: HOUR, usual: 24, basis: 'day' });
  });

  it('counts an agency the window has no row for as silent', () => {
    const data = { ...emptyData(), agencies: [agency(A)], throughput: { '24h': [throughput(A, 40, null)] } };
    expect(severities(evaluate('agency-silent', data).found)).toEqual(['warning']);
  });
});

describe('certificate-expiring (within 30 days; critical within 7)', () => {
  it.each<[string, number | null, string[]]>([
    ['no certificate date', null, []],
    ['31 days left', 31 * DAY, []],
    ['30 days left', 30 * DAY, ['warning']],
    ['8 days left', 8 * DAY, ['warning']],
    ['7 days left', 7 * DAY, ['critical']],
    ['expired yesterday', -DAY, ['critical']],
  ])('%s', (_name, left, expected) => {
    const data = {
      ...emptyData(),
      servers: [server('MCBM-003', { certificateExpiresAt: left === null ? null : WED_10 + left })],
    };
    expect(severities(evaluate('certificate-expiring', data).found)).toEqual(expected);
  });
  it.each<[string, number, number]>([
    ['lapsed 38 days ago: since it lapsed', -38 * DAY, WED_10 - 38 * DAY],
    ['8 days left: since it came within 30 days', 8 * DAY, WED_10 + 8 * DAY - 30 * DAY],
  ])('began %s', (_name, left, since) => {
    const data = { ...emptyData(), servers: [server('MCBM-003', { certificateExpiresAt: WED_10 + left })] };
    expect(evaluate('certificate-expiring', data).found[0]?.since).toBe(since);
  });
});

describe('delivery-failures (≥ 3 failed or undelivered in 1 h; critical from 20)', () => {
  it.each<[number, number, boolean, string[]]>([
    [2, 0, true, []],
    [2, 1, true, ['warning']],
    [2, 1, false, []],
    [0, 3, true, ['warning']],
    [19, 0, true, ['warning']],
    [20, 0, true, ['critical']],
    [10, 10, true, ['critical']],
  ])('%i failed, %i undelivered (counting undelivered: %s)', (failed, undelivered, includeUndelivered, expected) => {
    const config = defaultAlertConfig();
    const cfg = {
      ...config,
      rules: { ...config.rules, deliveryFailures: { ...config.rules.deliveryFailures, includeUndelivered } },
    };
    const data = {
      ...emptyData(),
      agencies: [agency(A, 'MCBM-004')],
      delivery: [delivery(A, failed, undelivered, 'recipient_unreachable')],
    };
    const { found, asked } = evaluate('delivery-failures', data, WED_10, cfg);
    expect(asked).toEqual(['delivery:1h']);
    expect(severities(found)).toEqual(expected);
    if (found[0]) expect(found[0].labels).toEqual({ agency: A, server: 'MCBM-004' });
  });

  it("leaves failures its senders' incidents explain to them: refused signatures, their server unreachable", () => {
    const refused = {
      ...delivery(A, 6, 0, 'recipient_unreachable'),
      failedByReason: { ...delivery(A, 6, 0).failedByReason },
    };
    const rows = [
      {
        ...refused,
        failedByReason: { ...refused.failedByReason, security_server_unreachable: 0, package_rejected: 6 },
      },
    ];
    const base = { ...emptyData(), agencies: [agency(A, 'MCBM-004')] };
    expect(evaluate('delivery-failures', { ...base, delivery: rows }).found).toEqual([]);
    // Its senders' servers unreachable: not its incident while its own server is up…
    const unreachable = [delivery(A, 6, 0)];
    expect(evaluate('delivery-failures', { ...base, delivery: unreachable }).found).toEqual([]);
    // …and its own when its server is the one down.
    const down = { ...base, servers: [server('MCBM-004', { state: 'disconnected' })], delivery: unreachable };
    expect(severities(evaluate('delivery-failures', down).found)).toEqual(['warning']);
  });
});
