/** Signature verification per sending agency (chữ ký số) as rows. */
import type { SignatureFailure, SignatureRow } from '../../metrics/types.js';
import { SIGNATURE_RESULTS } from '../../protocol/index.js';
import type { MessageKey } from '../i18n/translate.js';
import { judgeSignatureFailure, signatureRank } from '../status/judge.js';
import { formatPercent } from '../text/format-number.js';
import { levelRole } from './agencies-spec.js';
import { column, type ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { ID_COLUMN, NAME_COLUMN } from './columns.js';

export const reasonKey = (reason: SignatureFailure): MessageKey => `reason.${reason}`;

/** Failure kinds in the order the rows list them (the first of equal counts is the top one). */
const FAILURE_KINDS = SIGNATURE_RESULTS.filter((r): r is SignatureFailure => r !== 'valid');

/**
 * A row with its name and top failure kind (null when nothing failed). Field by field and by index: the Signatures
 * screen makes one per agency (12,000) at each refresh, and spreading the row and its entries cost ~35 ms of it.
 */
export function toSignatureModel(row: SignatureRow, name: string) {
  let top: SignatureFailure | null = null;
  let most = 0;
  for (let i = 0; i < FAILURE_KINDS.length; i++) {
    const reason = FAILURE_KINDS[i]!;
    const n = row.byReason[reason];
    if (n > most) {
      top = reason;
      most = n;
    }
  }
  return {
    agencyId: row.agencyId,
    verified: row.verified,
    failed: row.failed,
    failureRate: row.failureRate,
    byReason: row.byReason,
    name,
    topReason: top,
  };
}

const col = column<ReturnType<typeof toSignatureModel>>;
export const signaturesSpec: ListSpec<ReturnType<typeof toSignatureModel>> = {
  columns: [
    col(NAME_COLUMN).shows((m) => ({ text: m.name })),
    col(ID_COLUMN).text((m) => m.agencyId, 'muted'),
    col({ id: 'verified', title: 'col.verified', min: 7, priority: 1 }).counts((m) => m.verified),
    col({ id: 'failed', title: 'col.failed', min: 6, priority: 1 }).counts((m) => m.failed, 'warn'),
    col({ id: 'rate', title: 'col.rate', min: 6, priority: 0, align: 'right', descFirst: true })
      // Ranked by the rate it surely has, as the alert judges: 100 % of 1 is not a burst.
      .sortBy((m) => (m.verified > 0 ? signatureRank(m.failed, m.verified) : -1))
      .shows((m, { lang }) => ({
        text: formatPercent(m.failureRate, lang),
        role: levelRole(judgeSignatureFailure(m.failed, m.verified)),
      })),
    col({ id: 'topReason', title: 'col.topReason', min: 12, max: 22, flex: 1, priority: 3 })
      .sortBy((m) => m.topReason ?? '')
      .shows((m, { t }) => ({ text: m.topReason === null ? '–' : t(reasonKey(m.topReason)), role: 'muted' })),
  ],
  defaultSort: { column: 'rate', desc: true },
  key: (m) => m.agencyId,
  agencyId: (m) => m.agencyId,
  fallbackSort: (m) => m.name,
  searchText: (m) => `${searchKey(m.name)} ${m.agencyId.toLowerCase()}`,
  stateKey: (m) => judgeSignatureFailure(m.failed, m.verified),
};
