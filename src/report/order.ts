/**
 * The seed reports' three row orders: `id` (Party Central Office, ministries, then provinces by mã định danh, as seed
 * 002's appendix; lower levels after their top unit), `sent` (seed 000), `signed` (seed 002 table V); ties by `id`.
 */
import type { ReportRow } from './types.js';

export const REPORT_SORTS = ['id', 'sent', 'signed'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** T (Party Central Office) before G (central bodies) before H (provinces); other letters after. */
const GROUP_RANK: Readonly<Record<string, number>> = { T: 0, G: 1, H: 2 };
const SHAPE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$/;

/** Sort key of an identifier: group, top-level number, then levels 2, 3, 4 (zeros first); fixed widths, so text order. */
function agencyOrderKey(id: string): string {
  const m = SHAPE.exec(id);
  return m ? `${GROUP_RANK[m[4]!] ?? 3}${m[4]}${m[5]}${m[3]}${m[2]}${m[1]}` : `9${id}`;
}

function compareAgencyIds(a: string, b: string): number {
  const [ka, kb] = [agencyOrderKey(a), agencyOrderKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
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
