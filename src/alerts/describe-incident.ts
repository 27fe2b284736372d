/** One line per incident in the operator's language, for the console, `status` and the report. */
import { describeAlert, RULE_TITLES, type DescribeOptions } from './describe.js';
import type { Incident } from './incidents.js';
import type { RuleId } from './types.js';

/** Titles of the standing lines where the rule's own title would mislead. */
const STANDING_TITLES: Partial<Record<RuleId, { vi: string; en: string }>> = {
  'signature-failures': { vi: 'Chữ ký số lỗi kéo dài', en: 'Signatures failing day after day' },
  'certificate-expiring': { vi: 'Chứng thư số đã hết hạn hoặc sắp hết hạn', en: 'Certificates expired or expiring' },
};

/** An acute incident reads as its cause (+ symptoms); a standing line as `Title — 241 agencies, worst: …`. */
export function describeIncident(incident: Incident, opts: DescribeOptions): string {
  const vi = opts.lang === 'vi';
  const cause = describeAlert(incident.worst, opts);
  if (incident.kind === 'acute') {
    const symptoms = incident.alerts.length - 1;
    if (symptoms === 0) return cause;
    return vi ? `${cause} (+${symptoms} cảnh báo kéo theo)` : `${cause} (+${symptoms} symptoms folded)`;
  }
  const title = STANDING_TITLES[incident.rule] ?? RULE_TITLES[incident.rule];
  const n = incident.alerts.length;
  const servers = incident.rule === 'certificate-expiring';
  const what = vi
    ? `${n} ${servers ? 'máy chủ' : 'cơ quan'}`
    : `${n} ${servers ? (n === 1 ? 'server' : 'servers') : n === 1 ? 'agency' : 'agencies'}`;
  return vi ? `${title.vi} — ${what}, nặng nhất: ${cause}` : `${title.en} — ${what}, worst: ${cause}`;
}
