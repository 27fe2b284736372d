/**
 * Names as the lists show them, without the words every row of a kind shares (`UBND Tỉnh Quảng Nam` → `Quảng Nam`,
 * `Sở Y tế tỉnh Nghệ An` → `Sở Y tế`, `Máy chủ bảo mật Bộ Y tế` → `Bộ Y tế`), a repeated one with its parent's place;
 * detail views show the full name.
 */
import type { Agency } from '../../protocol/index.js';
import type { AgencyModel } from './agency-model.js';
import { sanitize } from '../text/sanitize.js';
import { perObject } from './same-data.js';

/** A province or centrally-run city's committee: the place alone. */
const PROVINCE = /^UBND (?:Tỉnh|tỉnh|Thành phố) (?=\S)/u;
/** A district's or commune's committee: its kind stays ("huyện Quỳ Hợp", "xã Kim Liên"). */
const LOCAL = /^UBND (?=(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn|Quận|Huyện|Thị xã|Xã|Phường|Thị trấn) )/u;
/** A provincial department named after its province: the province is the row's identifier's. */
const DEPARTMENT =
  /^((?:Sở|Ban|Đài|Văn phòng UBND|Thanh tra|Trung tâm Phục vụ hành chính công)(?= )[^,]*?) (?:tỉnh|thành phố) [^,]+$/u;
const SERVER = /^Máy chủ bảo mật (?=\S)/u;

/** The agency's name without the prefix and suffix it shares with its kind. */
export function displayName(full: string): string {
  return DEPARTMENT.exec(full)?.[1] ?? full.replace(PROVINCE, '').replace(LOCAL, '');
}

/** A security server's name without `Máy chủ bảo mật`, and its agency's name shortened too. */
export const displayServerName = (full: string): string =>
  SERVER.test(full) ? displayName(full.replace(SERVER, '')) : full;

/** The name a list shows, safe to print: sanitised once per registry entry rather than per refresh. */
export const shownName = perObject((a: Agency) => sanitize(displayName(a.name)));
/** The full name, as a detail view shows it, safe to print. */
export const fullName = perObject((a: Agency) => sanitize(a.name));

const KIND = /^(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn) (?=\D)/iu;

/** A district's place without its kind, to keep the tail short (`thị xã Ngã Năm` → `Ngã Năm`; `Quận 3` stays). */
export const placeOf = (name: string): string => name.replace(KIND, '');

/** Repeated shown names in a list (three `Phường 1`) told apart by their parent's, from `byId`: `Phường 1, Quận 3`. */
export function tellApart(models: readonly AgencyModel[], byId: ReadonlyMap<string, Agency>) {
  const seen = new Map<string, number>();
  for (const m of models) seen.set(m.name, (seen.get(m.name) ?? 0) + 1);
  return models.map((m) => {
    const parent = (seen.get(m.name) ?? 0) < 2 || m.parent === null ? undefined : byId.get(m.parent);
    return parent ? { ...m, name: `${m.name}, ${placeOf(shownName(parent))}` } : m;
  });
}
