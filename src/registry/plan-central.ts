/** The plan under a central body: vụ, cục, tổng cục; their offices; a tổng cục's regional branches (chi cục). */
import type { PlanUnit } from './plan.js';
import { PlanBuilder, ownedName } from './plan.js';
import { GENERAL_DEPARTMENTS_OF, REGIONS, STANDARD_UNITS, UNIT_OFFICES, UNIT_SUBJECTS } from './names-central.js';

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
  ].map((name) => b.unit(name, 1, name.includes('Cục') ? 1.5 : 1, offices(b, unitTitle(name), 4)));
  const general = (GENERAL_DEPARTMENTS_OF[agencyName] ?? []).map((g) => generalDepartment(b, g));
  return [...units, ...general];
}

/** The unit's own title, without its owner ("Vụ Pháp chế, Bộ Tài chính" → "Vụ Pháp chế"). */
function unitTitle(name: string): string {
  return name.split(', ')[0] ?? name;
}

function offices(b: PlanBuilder, owner: string, tier: 3 | 4): PlanUnit[] {
  return b.some(UNIT_OFFICES, 2, 5).map((o) => b.unit(ownedName(o, owner), tier, 0.4));
}

/** A general department: far more traffic, its own departments and branches, its own security server. */
function generalDepartment(b: PlanBuilder, name: string): PlanUnit {
  const departments = b.some(UNIT_SUBJECTS, 3, 8).map((s) => {
    const title = `Cục ${s}`;
    const branches = b.some(REGIONS, 2, 6).map((r) => b.unit(`Chi cục ${s} ${r}, ${name}`, 4, 0.5));
    return b.unit(`${title}, ${name}`, 3, 1.5, branches);
  });
  const office = b.unit(`Văn phòng ${name}`, 3, 0.6, offices(b, `Văn phòng ${name}`, 4));
  return b.unit(name, 1, 4, [office, ...departments], true);
}
