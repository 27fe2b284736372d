/**
 * Rows a drill-down list could not tell apart: three `Phường 1` behind one security server, each
 * in its own district. The list adds the parent unit to names that repeat, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Agency } from '../../src/protocol/index.js';
import type { MemoryData } from '../support/memory-metrics.js';
import { fixtureMetrics, NOW } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';
import { placeOf } from '../../src/ui/view/display-name.js';

afterEach(() => cleanup());

const SERVER = 'MCBM-030';
const DISTRICTS = [
  ['000.01.00.H30', 'UBND Quận 1', '000.01.01.H30'],
  ['000.03.00.H30', 'UBND Quận 3', '000.03.01.H30'],
  ['000.05.00.H30', 'UBND Quận 5', '000.05.01.H30'],
] as const;

function threeWards(): MemoryData {
  const city: Agency = {
    id: '000.00.00.H30',
    name: 'UBND Thành phố Hồ Chí Minh',
    level: 1,
    parent: null,
    connection: 'lgsp',
    securityServer: SERVER,
  };
  const agencies: Agency[] = [city];
  for (const [district, name, ward] of DISTRICTS) {
    agencies.push({ id: district, name, level: 2, parent: city.id, connection: 'lgsp', securityServer: SERVER });
    agencies.push({
      id: ward,
      name: 'UBND Phường 1',
      level: 3,
      parent: district,
      connection: 'lgsp',
      securityServer: SERVER,
    });
  }
  return {
    stream: { hubName: 'Trục liên thông văn bản quốc gia', newestEventTs: NOW - 5_000, lastSeq: 10, events: 10 },
    agencies,
    throughput: [],
    servers: [
      {
        serverId: SERVER,
        name: 'Máy chủ bảo mật UBND Thành phố Hồ Chí Minh',
        state: 'connected',
        since: NOW - 60_000,
        lastHeartbeat: NOW - 2_000,
        latencyMs: 40,
        downtimeMs: 0,
        drops: 0,
        certificateExpiresAt: NOW + 300 * 86_400_000,
        agencyIds: agencies.map((a) => a.id),
      },
    ],
    signatures: [],
    deadlines: [],
  };
}

describe.each(['en', 'vi'] as const)('names that repeat in a list (%s)', (lang) => {
  it('are told apart by their parent unit behind one server, at 80 columns', async () => {
    const app = await renderConsoleAt(80, 24, { lang, metrics: fixtureMetrics(threeWards()) });
    const lines = (await app.press('3', KEY.enter)).split('\n');
    for (const [, district, ward] of DISTRICTS) {
      const row = lines.find((l) => l.includes(ward));
      expect(row, ward).toBeDefined();
      expect(row).toContain(`Phường 1, ${district.replace('UBND ', '')}`);
    }
    // A name that does not repeat stays as it is.
    const city = lines.find((l) => l.includes('000.00.00.H30'));
    expect(city).toContain('Hồ Chí Minh ');
    expect(city).not.toContain(',');
  });
});

describe('the parent added to a repeated name', () => {
  it('drops a district kind before a place name, keeps it before a number', () => {
    expect(placeOf('thị xã Ngã Năm')).toBe('Ngã Năm');
    expect(placeOf('thành phố Sóc Trăng')).toBe('Sóc Trăng');
    expect(placeOf('Quận 3')).toBe('Quận 3');
  });
});
