/**
 * The seeds' look-alike provinces (Đồng Nai / Đồng Tháp; Quảng Bình / Nam / Ngãi / Ninh / Trị)
 * told apart on every list at 80 and 200 columns, with the identifier beside the name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Agency } from '../../src/protocol/index.js';
import type { MemoryData } from '../support/memory-metrics.js';
import { fixtureMetrics, NOW } from './fixture.js';
import { renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const PROVINCES = [
  ['H19', 'Đồng Nai', 'MCBM-043'],
  ['H20', 'Đồng Tháp', 'MCBM-044'],
  ['H46', 'Quảng Bình', 'MCBM-070'],
  ['H47', 'Quảng Nam', 'MCBM-071'],
  ['H48', 'Quảng Ngãi', 'MCBM-072'],
  ['H49', 'Quảng Ninh', 'MCBM-073'],
  ['H50', 'Quảng Trị', 'MCBM-074'],
] as const;

const idOf = (code: string) => `000.00.00.${code}`;

function lookAlikes(): MemoryData {
  const agencies: Agency[] = PROVINCES.map(([code, place, server]) => ({
    id: idOf(code),
    name: `UBND Tỉnh ${place}`,
    level: 1,
    parent: null,
    connection: 'lgsp',
    securityServer: server,
  }));
  return {
    stream: { hubName: 'Trục liên thông văn bản quốc gia', newestEventTs: NOW - 5_000, lastSeq: 10, events: 10 },
    agencies,
    throughput: PROVINCES.map(([code], i) => ({
      agencyId: idOf(code),
      sent: 60 * (i + 1),
      received: 120 * (i + 1),
      sentPerMin: i + 1,
      receivedPerMin: 2 * (i + 1),
      sentWeekAgo: null,
      receivedWeekAgo: null,
      spark: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    })),
    servers: PROVINCES.map(([code, place, server], i) => ({
      serverId: server,
      name: `Máy chủ bảo mật UBND Tỉnh ${place}`,
      state: i % 2 === 0 ? 'disconnected' : 'connected',
      since: NOW - (i + 1) * 60_000,
      lastHeartbeat: NOW - 2_000,
      latencyMs: 40,
      downtimeMs: i % 2 === 0 ? (i + 1) * 60_000 : 0,
      drops: i,
      certificateExpiresAt: NOW + 300 * 86_400_000,
      agencyIds: [idOf(code)],
    })),
    signatures: PROVINCES.map(([code], i) => ({
      agencyId: idOf(code),
      verified: 100,
      failed: 10 + i,
      failureRate: (10 + i) / 100,
      byReason: {
        missing: 10 + i,
        invalid: 0,
        expired_certificate: 0,
        revoked_certificate: 0,
        untrusted_issuer: 0,
        incomplete_info: 0,
      },
    })),
    deadlines: PROVINCES.map(([code], i) => ({
      agencyId: idOf(code),
      open: 10 + i,
      dueWithin24h: 1,
      overdue: 3 + i,
      oldestOverdueMs: (i + 1) * 86_400_000,
      answeredOnTime: 5,
      answeredLate: 1,
    })),
  };
}

const SCREENS = [
  ['2', 'Agencies'],
  ['4', 'Signatures'],
  ['5', 'Deadlines'],
] as const;

describe.each(['en', 'vi'] as const)('look-alike provinces (%s)', (lang) => {
  it.each([
    [80, 24],
    [200, 60],
  ])('are told apart at %i×%i, identifier beside the name', async (columns, rows) => {
    const app = await renderConsoleAt(columns, rows, { lang, metrics: fixtureMetrics(lookAlikes()) });
    for (const [key, screen] of SCREENS) {
      const lines = (await app.press(key)).split('\n');
      for (const [code, place] of PROVINCES) {
        const row = lines.find((l) => l.includes(idOf(code)));
        expect(row, `${screen}: ${idOf(code)}`).toBeDefined();
        expect(row, `${screen}: ${place}`).toContain(place);
      }
    }
    const servers = (await app.press('3')).split('\n');
    for (const [, place, server] of PROVINCES) {
      const row = servers.find((l) => l.includes(server));
      expect(row, `Servers: ${server}`).toBeDefined();
      expect(row, `Servers: ${place}`).toContain(place);
    }
  });
});

describe('the Overview on a tall terminal', () => {
  it('lists more of the worst agencies per concern than at 24 rows', async () => {
    const concernRows = (frame: string, concern: string): number =>
      frame.split('\n').filter((l) => l.slice(1).startsWith(concern)).length;
    const small = await renderConsoleAt(80, 24, { metrics: fixtureMetrics(lookAlikes()) });
    expect(concernRows(small.frame(), 'Signature')).toBe(5);
    cleanup();
    const tall = await renderConsoleAt(200, 60, { metrics: fixtureMetrics(lookAlikes()) });
    expect(concernRows(tall.frame(), 'Signature')).toBe(7);
    expect(concernRows(tall.frame(), 'Overdue')).toBe(7);
  });
});

describe('durations in narrow columns', () => {
  it('show the largest unit whole rather than a cut second one (vi, 80 columns)', async () => {
    const app = await renderConsoleAt(80, 24, { lang: 'vi', metrics: fixtureMetrics(lookAlikes()) });
    const frame = await app.press('5');
    expect(frame).not.toMatch(/ngày \d…/);
    expect(frame).toMatch(/ 7 ngày /);
  });
});
