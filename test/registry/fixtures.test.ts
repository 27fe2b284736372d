import { describe, expect, it } from 'vitest';
import { agencySchema, securityServerSchema } from '../../src/protocol/index.js';
import { isAgencyId, loadFixtures, parseFixtures } from '../../src/registry/index.js';

const { agencies, securityServers } = loadFixtures();
const byId = new Map(agencies.map((a) => [a.id, a]));

describe('fixtures/agencies.json', () => {
  it('holds the 95 top-level units of the 2019 review: 31 ministry-level bodies, 63 provinces, the Party office', () => {
    const count = (kind: string) => agencies.filter((a) => a.kind === kind).length;
    expect([agencies.length, count('ministry'), count('province'), count('party')]).toEqual([95, 31, 63, 1]);
  });

  it('has unique, well-shaped top-level identifiers', () => {
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length);
    for (const a of agencies) {
      expect(isAgencyId(a.id), a.id).toBe(true);
      expect(a.id.startsWith('000.00.00.'), a.id).toBe(true);
    }
  });

  it.each([
    ['000.00.00.G22', 'Văn phòng Chính phủ'],
    ['000.00.00.H41', 'UBND Tỉnh Nghệ An'],
    ['000.00.00.H14', 'UBND Tỉnh Cao Bằng'],
  ])('keeps the real code %s for %s', (id, name) => {
    expect(byId.get(id)?.name).toBe(name);
  });

  it.each([
    ['ministry', /^000\.00\.00\.G\d{2}$/],
    ['province', /^000\.00\.00\.H\d{2}$/],
    ['party', /^000\.00\.00\.T01$/],
  ])('numbers %s units in their own series', (kind, shape) => {
    for (const a of agencies.filter((x) => x.kind === kind)) expect(a.id).toMatch(shape);
  });

  it('numbers provinces H01–H63 alphabetically', () => {
    const provinces = agencies.filter((a) => a.kind === 'province');
    expect(provinces.map((a) => a.id)).toEqual(provinces.map((_, i) => `000.00.00.H${String(i + 1).padStart(2, '0')}`));
    expect(byId.get('000.00.00.H01')?.name).toBe('UBND Tỉnh An Giang');
    expect(byId.get('000.00.00.H63')?.name).toBe('UBND Tỉnh Yên Bái');
  });

  it('splits connections 35 direct / 60 through LGSP, as seed 002 part I.III.1 states', () => {
    expect(agencies.filter((a) => a.connection === 'direct')).toHaveLength(35);
    expect(agencies.filter((a) => a.connection === 'lgsp')).toHaveLength(60);
  });

  it.each([
    ['000.00.00.T01', 'direct'], // appendix I row 1
    ['000.00.00.H36', 'lgsp'], // Lâm Đồng: listed in both appendices
    ['000.00.00.H63', 'direct'], // Yên Bái: listed in neither
  ])('%s connects %s', (id, connection) => {
    expect(byId.get(id)?.connection).toBe(connection);
  });

  it('reflects status feedback: 84 report five or more statuses, 10 three or four, the Party office only "01"', () => {
    const sizes = agencies.map((a) => a.profile.statusCodesReported.length);
    expect(sizes.filter((n) => n >= 5)).toHaveLength(84);
    expect(sizes.filter((n) => n >= 3 && n < 5)).toHaveLength(10);
    expect(byId.get('000.00.00.T01')?.profile.statusCodesReported).toEqual(['01']);
  });

  it.each([
    // seed 004 table III, 2021 columns; seed 002 table V
    ['000.00.00.H19', { sentPerYear: 115556, receivedPerYear: 308572 }], // Đồng Nai
    ['000.00.00.H10', { signedShare: 0.0202, electronicShare: 0.5025 }], // Bình Phước, 2 of 99 signed
    ['000.00.00.H18', { electronicShare: 1 }], // Điện Biên: 162 electronic of 161 sent, capped
  ])('carries the seed figures for %s', (id, expected) => {
    expect(byId.get(id)?.profile).toMatchObject(expected);
  });

  it('derives reply-deadline figures from seed 000 (Ninh Bình: 26 of 315 with a deadline, 10 answered, all on time)', () => {
    expect(byId.get('000.00.00.H42')?.profile).toMatchObject({
      replyDeadlineShare: 0.0825,
      answeredShare: 0.3846,
      onTimeShare: 1,
    });
  });

  it('names a source for every unit', () => {
    for (const a of agencies) expect(a.sources.length, a.id).toBeGreaterThanOrEqual(4);
  });
});

describe('fixtures/security-servers.json', () => {
  it('lists exactly 87 servers with unique ids, each valid on the wire', () => {
    expect(securityServers).toHaveLength(87);
    expect(new Set(securityServers.map((s) => s.id)).size).toBe(87);
    for (const s of securityServers) expect(securityServerSchema.safeParse(s).success, s.id).toBe(true);
  });

  it('gives every agency a listed server, some shared by several agencies', () => {
    const users = new Map<string, number>();
    for (const a of agencies) users.set(a.securityServer, (users.get(a.securityServer) ?? 0) + 1);
    expect([...users.keys()].every((id) => securityServers.some((s) => s.id === id))).toBe(true);
    const shared = securityServers.filter((s) => s.hosting === 'shared');
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const s of shared) expect(users.get(s.id), s.id).toBeGreaterThan(1);
    for (const s of securityServers.filter((x) => x.hosting === 'dedicated')) expect(users.get(s.id), s.id).toBe(1);
  });

  it('has certificates expiring around November 2026 for the console to warn about', () => {
    const soon = securityServers.filter((s) => s.certificateExpiresAt < '2026-12-31');
    expect(soon.length).toBeGreaterThanOrEqual(2);
  });

  it('makes every top-level agency valid on the wire', () => {
    for (const a of agencies) {
      const wire = {
        id: a.id,
        name: a.name,
        level: 1,
        parent: null,
        connection: a.connection,
        securityServer: a.securityServer,
      };
      expect(agencySchema.safeParse(wire).success, a.id).toBe(true);
    }
  });
});

describe('parseFixtures', () => {
  const server = { id: 'MCBM-001', name: 'x', hosting: 'dedicated', certificateExpiresAt: '2027-01-01T00:00:00Z' };
  const agency = agencies[0];

  it.each([
    ['a duplicate agency id', [agency, agency], [server], /appears more than once/],
    [
      'an unknown security server',
      [{ ...agency, securityServer: 'MCBM-999' }],
      [server],
      /MCBM-999, which is not listed/,
    ],
    [
      'a share above 1',
      [{ ...agency, profile: { ...agency?.profile, signedShare: 1.2 } }],
      [server],
      /agencies\.json is invalid/,
    ],
    ['a badly shaped id', [{ ...agency, id: '000.00.G22' }], [server], /NNN\.NN\.NN\.XNN/],
  ])('rejects %s', (_case, rawAgencies, rawServers, message) => {
    expect(() => parseFixtures(rawAgencies, rawServers)).toThrow(message);
  });
});
