/** Signature verification per sending agency (chữ ký số) as rows. */
import type { SignatureFailure, SignatureRow } from '../../metrics/types.js';
import type { MessageKey } from '../i18n/index.js';
import { judgeSignatureFailure } from '../status/judge.js';
import { formatCount, formatPercent } from '../text/format-number.js';
import { levelRole } from './agencies-spec.js';
import type { ListSpec } from './list-spec.js';
import { searchKey } from './search.js';

export interface SignatureModel extends SignatureRow {
  readonly name: string;
  /** The most frequent failure kind; null when nothing failed. */
  readonly topReason: SignatureFailure | null;
}

export const reasonKey = (reason: SignatureFailure): MessageKey => `reason.${reason}`;

export function toSignatureModel(row: SignatureRow, name: string): SignatureModel {
  let top: SignatureFailure | null = null;
  let most = 0;
  for (const [reason, n] of Object.entries(row.byReason) as [SignatureFailure, number][]) {
    if (n > most) [top, most] = [reason, n];
  }
  return { ...row, name, topReason: top };
}

export const signaturesSpec: ListSpec<SignatureModel> = {
  columns: [
    { id: 'name', title: 'col.name', min: 14, flex: 3, priority: 0 },
    { id: 'id', title: 'col.id', min: 13, max: 13, priority: 2 },
    { id: 'verified', title: 'col.verified', min: 7, priority: 1, align: 'right', descFirst: true },
    { id: 'failed', title: 'col.failed', min: 6, priority: 1, align: 'right', descFirst: true },
    { id: 'rate', title: 'col.rate', min: 6, priority: 0, align: 'right', descFirst: true },
    { id: 'topReason', title: 'col.topReason', min: 12, max: 22, flex: 1, priority: 3 },
  ],
  defaultSort: { column: 'rate', desc: true },
  key: (m) => m.agencyId,
  agencyId: (m) => m.agencyId,
  cells: (m, { lang, t }) => ({
    name: { text: m.name },
    id: { text: m.agencyId, role: 'muted' },
    verified: { text: formatCount(m.verified, lang) },
    failed: { text: formatCount(m.failed, lang), role: m.failed > 0 ? 'warn' : undefined },
    rate: {
      text: formatPercent(m.failureRate, lang),
      role: levelRole(judgeSignatureFailure(m.failureRate, m.verified)),
    },
    topReason: { text: m.topReason === null ? '–' : t(reasonKey(m.topReason)), role: 'muted' },
  }),
  sortValue(m, column) {
    switch (column) {
      case 'id':
        return m.agencyId;
      case 'verified':
        return m.verified;
      case 'failed':
        return m.failed;
      case 'rate':
        return m.failureRate ?? -1;
      case 'topReason':
        return m.topReason ?? '';
      default:
        return m.name;
    }
  },
  searchText: (m) => `${searchKey(m.name)} ${m.agencyId.toLowerCase()}`,
  stateKey: (m) => judgeSignatureFailure(m.failureRate, m.verified),
};
