/**
 * The plan under a province or centrally-run city (UBND tỉnh/thành phố): departments, districts,
 * their offices, communes and wards, and at level 4 the schools and health stations numbered
 * under a district's education office and health centre.
 */
import type { PlanUnit } from './plan.js';
import { PlanBuilder, ownedName } from './plan.js';
import { intBetween } from './rng.js';
import {
  COMMUNE_NAMES,
  DEPARTMENT_OFFICES,
  DISTRICT_NAMES,
  DISTRICT_OFFICES,
  DISTRICTS_OF,
  EDUCATION_OFFICE,
  OPTIONAL_DEPARTMENTS,
  PROVINCIAL_DEPARTMENTS,
  SCHOOL_KINDS,
} from './names-local.js';

/** Real district counts of the two largest cities; elsewhere the count is drawn. */
const DISTRICT_COUNT: Readonly<Record<string, number>> = { 'Hà Nội': 30, 'Hồ Chí Minh': 22 };

export function planProvince(b: PlanBuilder, agencyName: string): PlanUnit[] {
  const isCity = agencyName.startsWith('UBND Thành phố ');
  const place = agencyName.replace(/^UBND (Tỉnh|Thành phố) /, '');
  const owner = `${isCity ? 'thành phố' : 'tỉnh'} ${place}`;
  const departments = [
    `Văn phòng UBND ${owner}`,
    ...PROVINCIAL_DEPARTMENTS.map((d) => `${d} ${owner}`),
    ...OPTIONAL_DEPARTMENTS.filter(() => b.chance(0.5)).map((d) => `${d} ${owner}`),
    `Thanh tra ${owner}`,
  ].map((name) => b.unit(name, 1, 1, name.startsWith('Sở ') ? departmentOffices(b, name) : []));
  const districts = districtNames(b, place, isCity).map((d) => district(b, d));
  return [...departments, ...districts];
}

function departmentOffices(b: PlanBuilder, department: string): PlanUnit[] {
  const owner = department.replace(/ (tỉnh|thành phố) .*$/, '');
  return b.some(DEPARTMENT_OFFICES, 3, 6).map((office) => b.unit(ownedName(office, owner), 3, 0.4));
}

/** District names with their kind ("huyện Quỳ Hợp", "quận Ba Đình", "thị xã Cửa Lò"). */
function districtNames(b: PlanBuilder, place: string, isCity: boolean): string[] {
  const real = DISTRICTS_OF[place];
  if (real) return [...real];
  const count = DISTRICT_COUNT[place] ?? (isCity ? intBetween(b.rng, 6, 10) : intBetween(b.rng, 8, 14));
  if (place === 'Hồ Chí Minh') {
    const numbered = Array.from({ length: 12 }, (_, i) => `Quận ${i + 1}`);
    return [...numbered, ...b.some(DISTRICT_NAMES, count - 12, count - 12).map((n) => `huyện ${n}`)];
  }
  const names = b.some(DISTRICT_NAMES, count, count);
  if (isCity) return names.map((n, i) => (i < Math.ceil(count * 0.6) ? `quận ${n}` : `huyện ${n}`));
  const towns = intBetween(b.rng, 0, 2);
  return [`thành phố ${place}`, ...names.slice(1).map((n, i) => (i < towns ? `thị xã ${n}` : `huyện ${n}`))];
}

function district(b: PlanBuilder, district: string): PlanUnit {
  const urban = /^(quận|Quận|thành phố|thị xã)/.test(district);
  const communes = communeNames(b, district);
  const offices = DISTRICT_OFFICES.map((office) => {
    const name = urbanOffice(office, urban);
    const schools =
      office === EDUCATION_OFFICE
        ? communes.flatMap((c) =>
            SCHOOL_KINDS.map((k) => b.unit(`${k} ${c.replace(/^(xã|phường|thị trấn) /, '')}`, 4, 0.2)),
          )
        : [];
    return b.unit(`${name} ${district}`, 3, 0.4, schools);
  });
  const healthStations = communes.map((c) => b.unit(`Trạm Y tế ${c}`, 4, 0.1));
  const healthCentre = b.unit(`Trung tâm Y tế ${district}`, 3, 0.3, healthStations);
  const communeUnits = communes.map((c) => b.unit(`UBND ${c}`, 2, 0.6));
  return b.unit(`UBND ${district}`, 1, 1.5, [...communeUnits, ...offices, healthCentre]);
}

/** Communes and wards of one district ("xã Tân Lập", "phường Quang Trung", "thị trấn ..."). */
function communeNames(b: PlanBuilder, district: string): string[] {
  if (/^Quận \d+$/.test(district)) {
    return Array.from({ length: intBetween(b.rng, 8, 14) }, (_, i) => `Phường ${i + 1}`);
  }
  const urban = /^(quận|thành phố|thị xã)/.test(district);
  const names = b.some(COMMUNE_NAMES, 8, urban ? 14 : 20);
  if (district.startsWith('quận')) return names.map((n) => `phường ${n}`);
  if (urban) return names.map((n) => (b.chance(0.7) ? `phường ${n}` : `xã ${n}`));
  const seat = district.replace(/^huyện /, '');
  return [`thị trấn ${seat}`, ...names.slice(1).map((n) => `xã ${n}`)];
}

/** Urban districts have an economy office and an urban-management office instead of the rural two. */
function urbanOffice(office: string, urban: boolean): string {
  if (!urban) return office;
  if (office === 'Phòng Nông nghiệp và Phát triển nông thôn') return 'Phòng Kinh tế';
  if (office === 'Phòng Kinh tế và Hạ tầng') return 'Phòng Quản lý đô thị';
  return office;
}
