/** Repeated shown names in a list (three `Phường 1`) are told apart by the parent's: `Phường 1, Quận 3`. */
import type { AgencyModel } from './agency-model.js';

const KIND = /^(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn) (?=\D)/iu;

/** A district's place without its kind, to keep the tail short (`thị xã Ngã Năm` → `Ngã Năm`; `Quận 3` stays). */
export const placeOf = (name: string): string => name.replace(KIND, '');

/** The models with repeated names told apart by `parentName` (null when a row has no parent). */
export function tellApart(models: readonly AgencyModel[], parentName: (parentId: string) => string | null) {
  const seen = new Map<string, number>();
  for (const m of models) seen.set(m.name, (seen.get(m.name) ?? 0) + 1);
  let repeated = false;
  for (const n of seen.values()) if (n > 1) repeated = true;
  if (!repeated) return models;
  return models.map((m) => {
    if ((seen.get(m.name) ?? 0) < 2 || m.parent === null) return m;
    const parent = parentName(m.parent);
    return parent === null ? m : { ...m, name: `${m.name}, ${placeOf(parent)}` };
  });
}
