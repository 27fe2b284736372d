/** An agency named with the units above it, short, as operators say it: `UBND xã Thanh Xuân · Sóc Sơn · Hà Nội`. */
import type { Agency } from '../protocol/index.js';

const KIND = /^(UBND|Ủy ban nhân dân)\s+(Tỉnh|tỉnh|Thành phố|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s+/u;

/** `UBND huyện Sóc Sơn` → `Sóc Sơn`; a name of another shape stays whole. */
export const shortUnitName = (name: string): string => name.replace(KIND, '');

/** The agency's name and the short names of the units above it, joined by ` · `. */
export function unitPath(agencyId: string, byId: ReadonlyMap<string, Agency>): string {
  const agency = byId.get(agencyId);
  if (!agency) return agencyId;
  const parts = [agency.name];
  let parent = agency.parent;
  // Bounded: a registry with a loop must not hang the console.
  for (let depth = 0; parent !== null && depth < 6; depth++) {
    const above = byId.get(parent);
    if (!above) break;
    parts.push(shortUnitName(above.name));
    parent = above.parent;
  }
  return parts.join(' · ');
}

/** Names ids as operators read them: an agency with the units above it, else a server by its name. */
export function namer(
  agencies: readonly Agency[],
  servers: readonly { readonly id: string; readonly name: string }[],
): (id: string) => string | undefined {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const serverNames = new Map(servers.map((s) => [s.id, s.name]));
  return (id) => (byId.has(id) ? unitPath(id, byId) : serverNames.get(id));
}
