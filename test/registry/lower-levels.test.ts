import { describe, expect, it } from 'vitest';
import { agencySchema, securityServerSchema } from '../../src/protocol/index.js';
import { districtsOf } from '../../src/registry/admin-units.js';
import { buildRegistry, DEMO_COMMUNES_IN, levelOf, loadFixtures } from '../../src/registry/index.js';
import type { Registry } from '../../src/registry/index.js';

const big = buildRegistry({ totalAgencies: 12_000, seed: 7 });
const byId = new Map(big.agencies.map((a) => [a.id, a]));

describe('buildRegistry', () => {
  it('defaults to the 95 top-level agencies and the 87 fixture servers', () => {
    const r = buildRegistry();
    expect(r.agencies).toHaveLength(95);
    expect(r.securityServers).toHaveLength(87);
    expect(r.agencies.every((a) => a.level === 1 && a.parent === null)).toBe(true);
    expect(r.profiles.get('000.00.00.G22')).toEqual(
      loadFixtures().agencies.find((a) => a.id === '000.00.00.G22')?.profile,
    );
  });

  it('gives the same registry for the same seed and a different one for another seed', () => {
    const again = buildRegistry({ totalAgencies: 12_000, seed: 7 });
    expect(again.agencies).toEqual(big.agencies);
    expect(again.securityServers).toEqual(big.securityServers);
    expect([...again.profiles]).toEqual([...big.profiles]);
    const other = buildRegistry({ totalAgencies: 12_000, seed: 8 });
    expect(other.agencies.map((a) => a.name)).not.toEqual(big.agencies.map((a) => a.name));
  });

  it('grows by prefix: a smaller registry is the start of a larger one with the same seed', () => {
    const small = buildRegistry({ totalAgencies: 3_000, seed: 7 });
    expect(big.agencies.slice(0, 3_000)).toEqual(small.agencies);
  });

  it.each([95, 96, 500, 3_000, 12_000, 20_000])('builds exactly %i agencies with unique ids', (total) => {
    const r = total === 12_000 ? big : buildRegistry({ totalAgencies: total, seed: 7 });
    expect(r.agencies).toHaveLength(total);
    expect(new Set(r.agencies.map((a) => a.id)).size).toBe(total);
    expect(r.profiles.size).toBe(total);
  });

  it('puts every agency on the wire unchanged: valid against the protocol schema', () => {
    for (const a of big.agencies) expect(agencySchema.safeParse(a).success, a.id).toBe(true);
    for (const s of big.securityServers) expect(securityServerSchema.safeParse(s).success, s.id).toBe(true);
  });

  it('lists parents before children; the level matches the identifier and is one below the parent', () => {
    const seen = new Set<string>();
    for (const a of big.agencies) {
      expect(levelOf(a.id), a.id).toBe(a.level);
      if (a.parent !== null) {
        expect(seen.has(a.parent), `${a.id} before its parent`).toBe(true);
        expect(byId.get(a.parent)?.level, a.id).toBe(a.level - 1);
        expect(a.id.slice(-3), a.id).toBe(a.parent.slice(-3));
      }
      seen.add(a.id);
    }
  });

  it('ends every parent chain at a level-1 agency', () => {
    for (const a of big.agencies) {
      let current = a;
      for (let steps = 0; current.parent !== null; steps++) {
        expect(steps, a.id).toBeLessThan(4);
        current = byId.get(current.parent) ?? expect.unreachable(`missing parent ${current.parent}`);
      }
      expect(current.level).toBe(1);
    }
  });

  it('gives 12,000 a plausible shape: every province has districts and communes, every ministry departments', () => {
    const levels = [1, 2, 3, 4].map((l) => big.agencies.filter((a) => a.level === l).length);
    expect(levels[0]).toBe(95);
    expect(levels[1]).toBeGreaterThan(1_200); // seed 002: 1,200 sở/huyện connected through LGSP alone
    expect(levels[2]).toBeGreaterThan(5_000); // communes and wards
    for (const top of big.agencies.filter((a) => a.level === 1)) {
      const children = big.agencies.filter((a) => a.parent === top.id);
      expect(children.length, top.name).toBeGreaterThan(3);
      if (top.id.includes('.H')) {
        expect(
          children.some((c) => /^UBND (huyện|quận|thị xã|thành phố|Quận)/.test(c.name)),
          top.name,
        ).toBe(true);
        expect(
          big.agencies.some((a) => a.id.endsWith(top.id.slice(-3)) && /^UBND (xã|phường|thị trấn|Phường)/.test(a.name)),
          top.name,
        ).toBe(true);
      }
    }
  });

  it('keeps the real Nghệ An districts under H41', () => {
    const districts = big.agencies.filter((a) => a.parent === '000.00.00.H41' && a.name.startsWith('UBND '));
    expect(districts.map((d) => d.name)).toContain('UBND huyện Quỳ Hợp');
  });

  it('puts every district and commune under its real province, with its real kind', () => {
    const provinces = big.agencies.filter((a) => a.level === 1 && a.name.startsWith('UBND '));
    for (const p of provinces) {
      const place = p.name.replace(/^UBND (Tỉnh|Thành phố) /, '');
      const real = new Map(districtsOf(place).map((d) => [`UBND ${d.name}`, d]));
      const districts = big.agencies.filter(
        (a) => a.parent === p.id && /^UBND (quận|huyện|thị xã|thành phố) /.test(a.name),
      );
      expect(districts.length, place).toBeGreaterThan(0);
      for (const d of districts) {
        const known = real.get(d.name) ?? expect.unreachable(`${d.name} is not a district of ${place}`);
        const communes = new Set(known.communes.map((c) => `UBND ${c}`));
        for (const c of big.agencies.filter((a) => a.parent === d.id && a.name.startsWith('UBND '))) {
          expect(communes.has(c.name), `${c.name} in ${d.name}`).toBe(true);
        }
      }
    }
    const ninhBinh = big.agencies.find((a) => a.name === 'UBND huyện Hoa Lư');
    expect(ninhBinh?.parent).toBe('000.00.00.H42'); // UBND Tỉnh Ninh Bình
    expect(big.agencies.some((a) => a.name === 'UBND quận Ba Tri')).toBe(false);
  });

  it('reaches the commune in the demo provinces first, whatever the total', () => {
    const demo = buildRegistry({ totalAgencies: 1_500, communesIn: DEMO_COMMUNES_IN });
    for (const top of DEMO_COMMUNES_IN) {
      const code = top.slice(-3);
      const communes = demo.agencies.filter(
        (a) => a.level === 3 && a.id.endsWith(code) && /^UBND (xã|phường|thị trấn) /.test(a.name),
      );
      const all = districtsOf(demo.agencies.find((a) => a.id === top)?.name.replace(/^UBND Tỉnh /, '') ?? '');
      expect(communes.length, top).toBe(all.reduce((n, d) => n + d.communes.length, 0));
    }
    expect(
      demo.agencies.filter((a) => a.level === 2 && !DEMO_COMMUNES_IN.includes(`000.00.00.${a.id.slice(-3)}`)).length,
    ).toBeGreaterThan(400);
  });

  it('connects lower levels like their top-level unit, mostly through its security server', () => {
    const top = (id: string) => byId.get(`000.00.00.${id.slice(-3)}`);
    const serverIds = new Set(big.securityServers.map((s) => s.id));
    let own = 0;
    for (const a of big.agencies.filter((x) => x.level > 1)) {
      expect(a.connection, a.id).toBe(top(a.id)?.connection);
      expect(serverIds.has(a.securityServer), a.id).toBe(true);
      if (a.securityServer !== byId.get(a.parent ?? '')?.securityServer) own++;
    }
    expect(own).toBeGreaterThan(0); // general departments run their own
    expect(own).toBe(big.securityServers.length - 87);
  });

  it('scales profiles down: children of a unit together send less than it does', () => {
    const sentBy = (r: Registry, id: string) => r.profiles.get(id)?.sentPerYear ?? 0;
    const province = '000.00.00.H19';
    const childSum = big.agencies.filter((a) => a.parent === province).reduce((sum, a) => sum + sentBy(big, a.id), 0);
    expect(childSum).toBeGreaterThan(0);
    expect(childSum).toBeLessThan(sentBy(big, province));
    expect(big.profiles.get('000.00.01.H19')?.statusCodesReported).toEqual(
      big.profiles.get(province)?.statusCodesReported,
    );
  });

  it.each([[94], [95.5], [1_000_000]])('refuses totalAgencies = %s', (total) => {
    expect(() => buildRegistry({ totalAgencies: total, seed: 7 })).toThrow(RangeError);
  });
});
