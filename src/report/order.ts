/**
 * The order rows are listed in. The seed reports use three:
 * - `id` (default): the Party Central Office, then ministries and ministry-level bodies, then
 *   provinces and cities — the order of seed 002's appendix lists I–III and seed 004's table III
 *   (central bodies, then "UBND các tỉnh"). Within a group, by identifier (mã định danh):
 *   `G01, G02…`, `H01, H02…`; provinces are numbered alphabetically, so this is also the seeds'
 *   alphabetical province order. Lower levels follow their top-level unit, by their own groups.
 * - `sent`: most documents sent first, as seed 000's appendix is sorted.
 * - `signed`: highest signed share first, as seed 002's table V is sorted.
 * Ties always fall back to the `id` order, so a report is reproducible.
 */
import type { ReportRow } from './types.js';

export const REPORT_SORTS = ['id', 'sent', 'signed'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** T (Party Central Office) before G (central bodies) before H (provinces); other letters after. */
const GROUP_RANK: Readonly<Record<string, number>> = { T: 0, G: 1, H: 2 };
const SHAPE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$/;

/** Sort key of an identifier: group, top-level number, then levels 2, 3, 4 (zeros first). */
function agencyOrderKey(id: string): readonly (number | string)[] {
  const m = SHAPE.exec(id);
  if (!m) return [9, id, 0, 0, 0, 0];
  const letter = m[4] as string;
  return [GROUP_RANK[letter] ?? 3, letter, Number(m[5]), Number(m[3]), Number(m[2]), Number(m[1])];
}

function compareAgencyIds(a: string, b: string): number {
  const ka = agencyOrderKey(a);
  const kb = agencyOrderKey(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as number | string;
    const y = kb[i] as number | string;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

type Sortable = Pick<ReportRow, 'agencyId' | 'sent' | 'signedShare'>;

/** Compares two rows by the chosen order. */
export function compareRows(sort: ReportSort): (a: Sortable, b: Sortable) => number {
  return (a, b) => {
    if (sort === 'sent' && a.sent !== b.sent) return b.sent - a.sent;
    if (sort === 'signed' && a.signedShare !== b.signedShare) {
      // Agencies that sent nothing have no share: they go last.
      if (a.signedShare === null) return 1;
      if (b.signedShare === null) return -1;
      return b.signedShare - a.signedShare;
    }
    return compareAgencyIds(a.agencyId, b.agencyId);
  };
}
