/**
 * The plan under a central body: vụ, cục, tổng cục; their offices; a tổng cục's regional branches (chi cục). Names
 * are generic but for a few well-known general departments.
 */
import { ownedName, type PlanBuilder, type PlanUnit } from './plan.js';

/** Units every ministry-level body has (cấp vụ, cục và tương đương). */
// prettier-ignore
const STANDARD_UNITS = [
  'Văn phòng', 'Vụ Tổ chức cán bộ', 'Vụ Kế hoạch - Tài chính', 'Vụ Pháp chế', 'Vụ Hợp tác quốc tế',
] as const;

/** Subjects for generic divisions and departments ("Vụ Tổng hợp", "Cục Quản lý chất lượng"). */
// prettier-ignore
const UNIT_SUBJECTS = [
  'Tổng hợp', 'Kinh tế', 'Khoa học, Công nghệ và Môi trường', 'Quản lý chất lượng', 'Thi đua - Khen thưởng',
  'Kiểm soát thủ tục hành chính', 'Công nghệ thông tin', 'Quản lý đầu tư', 'Thống kê', 'Chính sách', 'Đào tạo',
  'Thông tin và Truyền thông', 'Quản lý doanh nghiệp', 'Văn thư - Lưu trữ', 'Quản trị - Tài vụ', 'Kiểm tra',
  'Giám sát', 'Phát triển nguồn nhân lực', 'An toàn', 'Hành chính',
] as const;

/** Well-known general departments (tổng cục) by ministry name; each gets its own security server. */
const GENERAL_DEPARTMENTS_OF: Readonly<Record<string, readonly string[]>> = {
  'Bộ Tài chính': ['Tổng cục Thuế', 'Tổng cục Hải quan', 'Kho bạc Nhà nước', 'Tổng cục Dự trữ Nhà nước'],
  'Bộ Tài nguyên và Môi trường': [
    'Tổng cục Quản lý đất đai',
    'Tổng cục Khí tượng Thủy văn',
    'Tổng cục Biển và Hải đảo Việt Nam',
  ],
  'Bộ Nông nghiệp và Phát triển nông thôn': ['Tổng cục Lâm nghiệp', 'Tổng cục Thủy lợi', 'Tổng cục Thủy sản'],
  'Bộ Kế hoạch và Đầu tư': ['Tổng cục Thống kê'],
  'Bộ Giao thông vận tải': ['Tổng cục Đường bộ Việt Nam'],
  'Bộ Công Thương': ['Tổng cục Quản lý thị trường'],
  'Bộ Văn hóa, Thể thao và Du lịch': ['Tổng cục Du lịch', 'Tổng cục Thể dục thể thao'],
};

/** Offices inside a division or department (cấp phòng và tương đương). */
// prettier-ignore
const UNIT_OFFICES = [
  'Phòng Tổng hợp', 'Phòng Hành chính - Quản trị', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ 1',
  'Phòng Nghiệp vụ 2', 'Phòng Nghiệp vụ 3', 'Phòng Kiểm tra', 'Phòng Công nghệ thông tin',
] as const;

/** Regions used to name the branches (chi cục) of a general department's departments. */
const REGIONS = ['khu vực I', 'khu vực II', 'khu vực III', 'khu vực IV', 'khu vực V', 'khu vực VI'] as const;

export function planCentral(b: PlanBuilder, agencyName: string): PlanUnit[] {
  const isMinistry = agencyName.startsWith('Bộ ');
  // Bodies that are not ministries name their divisions "Ban" (Đài, Viện, Thông tấn xã...).
  const division = isMinistry || agencyName.startsWith('Văn phòng') ? 'Vụ' : 'Ban';
  const subjects = b.some(UNIT_SUBJECTS, isMinistry ? 5 : 2, isMinistry ? 12 : 6);
  const departmentCount = Math.floor(subjects.length / 2);
  const units = [
    ...STANDARD_UNITS.map((u) => ownedName(u, agencyName)),
    ...(isMinistry ? [`Thanh tra ${agencyName}`] : []),
    ...subjects.map((s, i) => ownedName(`${i < departmentCount ? 'Cục' : division} ${s}`, agencyName)),
  ].map((name) => b.unit(name, 1, name.includes('Cục') ? 1.5 : 1, offices(b, unitTitle(name))));
  const general = (GENERAL_DEPARTMENTS_OF[agencyName] ?? []).map((g) => generalDepartment(b, g));
  return [...units, ...general];
}

/** The unit's own title, without its owner ("Vụ Pháp chế, Bộ Tài chính" → "Vụ Pháp chế"). */
const unitTitle = (name: string): string => name.split(', ')[0] ?? name;

const offices = (b: PlanBuilder, owner: string): PlanUnit[] =>
  b.some(UNIT_OFFICES, 2, 5).map((o) => b.unit(ownedName(o, owner), 4, 0.4));

/** A general department: far more traffic, its own departments and branches, its own security server. */
function generalDepartment(b: PlanBuilder, name: string): PlanUnit {
  const departments = b.some(UNIT_SUBJECTS, 3, 8).map((s) => {
    const branches = b.some(REGIONS, 2, 6).map((r) => b.unit(`Chi cục ${s} ${r}, ${name}`, 4, 0.5));
    return b.unit(`Cục ${s}, ${name}`, 3, 1.5, branches);
  });
  const office = b.unit(`Văn phòng ${name}`, 3, 0.6, offices(b, `Văn phòng ${name}`));
  return b.unit(name, 1, 4, [office, ...departments], true);
}
