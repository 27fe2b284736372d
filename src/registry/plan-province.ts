/** The plan under a province: departments, real districts and communes, offices, schools and health stations. */
import { ownedName, type PlanBuilder, type PlanUnit } from './plan.js';
import { districtsOf } from './admin-units.js';

/** Departments of a provincial People's Committee (sở, ban, ngành cấp tỉnh). */
// prettier-ignore
const PROVINCIAL_DEPARTMENTS = [
  'Sở Nội vụ', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giao thông vận tải', 'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông', 'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế',
] as const;

/** Bodies only some provinces have; each is included with some probability. */
// prettier-ignore
const OPTIONAL_DEPARTMENTS = [
  'Sở Ngoại vụ', 'Sở Du lịch', 'Ban Dân tộc', 'Ban Quản lý các khu công nghiệp', 'Ban Quản lý khu kinh tế',
  'Đài Phát thanh và Truyền hình', 'Trung tâm Phục vụ hành chính công',
] as const;

/** Offices inside a department, named after it ("Văn phòng Sở Y tế"). */
// prettier-ignore
const DEPARTMENT_OFFICES = [
  'Văn phòng', 'Thanh tra', 'Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức cán bộ', 'Phòng Pháp chế',
  'Phòng Quản lý chuyên ngành', 'Trung tâm Công nghệ thông tin',
] as const;

/** Offices of a district People's Committee (cơ quan chuyên môn cấp huyện). */
// prettier-ignore
const DISTRICT_OFFICES = [
  'Văn phòng HĐND và UBND', 'Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Thanh tra', 'Phòng Kinh tế và Hạ tầng',
  'Phòng Nông nghiệp và Phát triển nông thôn',
] as const;

/** The office under which a district's schools are numbered (level 4). */
const EDUCATION_OFFICE = 'Phòng Giáo dục và Đào tạo';
/** School kinds, one of each per commune. */
const SCHOOL_KINDS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'] as const;

/** Urban districts have an economy office and an urban-management office instead of the rural two. */
const URBAN_OFFICES: Readonly<Record<string, string>> = {
  'Phòng Nông nghiệp và Phát triển nông thôn': 'Phòng Kinh tế',
  'Phòng Kinh tế và Hạ tầng': 'Phòng Quản lý đô thị',
};

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
  const districts = districtsOf(place).map((d) => district(b, d.name, d.communes));
  return [...departments, ...districts];
}

function departmentOffices(b: PlanBuilder, department: string): PlanUnit[] {
  const owner = department.replace(/ (tỉnh|thành phố) .*$/, '');
  return b.some(DEPARTMENT_OFFICES, 3, 6).map((office) => b.unit(ownedName(office, owner), 3, 0.4));
}

function district(b: PlanBuilder, district: string, communes: readonly string[]): PlanUnit {
  const urban = /^(quận|thành phố|thị xã)/.test(district);
  const offices = DISTRICT_OFFICES.map((office) => {
    const name = urban ? (URBAN_OFFICES[office] ?? office) : office;
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
