/** Alerts and incidents in one line of the operator's language; rules store numbers only, the words are chosen here. */
import type { Lang } from '../config/settings.js';
import { WINDOW_MS, type WindowKey } from '../metrics/types.js';
import type { Agency } from '../protocol/index.js';
import type { Incident } from './incidents.js';
import type { AlertState, RuleId } from './types.js';

const REASONS: Record<string, { vi: string; en: string }> = {
  missing: { vi: 'không có chữ ký', en: 'no signature' },
  invalid: { vi: 'chữ ký không hợp lệ', en: 'invalid signature' },
  expired_certificate: { vi: 'chứng thư hết hạn', en: 'expired certificate' },
  revoked_certificate: { vi: 'chứng thư bị thu hồi', en: 'revoked certificate' },
  untrusted_issuer: { vi: 'nhà cung cấp không tin cậy', en: 'untrusted issuer' },
  incomplete_info: { vi: 'thiếu thông tin xác thực', en: 'missing verification info' },
  security_server_unreachable: { vi: 'không tới được máy chủ bảo mật', en: 'security server unreachable' },
  recipient_unreachable: { vi: 'không tới được nơi nhận', en: 'recipient unreachable' },
  package_rejected: { vi: 'gói tin bị từ chối', en: 'package rejected' },
  timeout: { vi: 'quá thời gian', en: 'timeout' },
  attachment_mismatch: { vi: 'tệp đính kèm không khớp', en: 'attachment mismatch' },
};

/** `90 phút` / `2 giờ` / `3 ngày`, or the English; whole units, as an operator reads them. */
function spanText(ms: number, lang: Lang): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  const [n, vi, en] =
    min < 120
      ? [min, 'phút', 'min']
      : min < 48 * 60
        ? [Math.round(min / 60), 'giờ', 'h']
        : [Math.round(min / 1440), 'ngày', 'd'];
  return lang === 'vi' ? `${n} ${vi}` : `${n} ${en}`;
}

/** A server's name as is when it already says "máy chủ …", else with the word in front. */
function serverNamed(server: string, lang: Lang): string {
  if (/^(máy chủ|security server)/iu.test(server.normalize('NFC'))) return server;
  return lang === 'vi' ? `máy chủ ${server}` : `server ${server}`;
}

/** `n` with the English noun in the number it takes: `1 reply`, `3 replies`. */
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface DescribeOptions {
  readonly lang: Lang;
  readonly now: number;
  /** Display name of an agency or server id; defaults to the id. */
  readonly nameOf?: (id: string) => string | undefined;
}

/** The alert's summary line, e.g. `Sở Y tế Nghệ An: 3 văn bản quá hạn trả lời, cũ nhất 5 ngày`. */
export function describeAlert(alert: AlertState, opts: DescribeOptions): string {
  const { lang, now } = opts;
  const vi = lang === 'vi';
  const p = alert.params;
  const num = (k: string): number => (typeof p[k] === 'number' ? p[k] : 0);
  const agency = alert.labels.agency ? (opts.nameOf?.(alert.labels.agency) ?? alert.labels.agency) : '';
  const server = typeof p.name === 'string' ? p.name : (alert.labels.server ?? '');
  // Server names mostly begin "Máy chủ bảo mật …" already: the Vietnamese says it once.
  // Names from the hub may come decomposed (NFD): compared composed, shown as they came.
  const serverVi = /^máy chủ bảo mật/iu.test(server.normalize('NFC')) ? server : `Máy chủ bảo mật ${server}`;
  const words = REASONS[String(p.reason ?? '')];
  const why = words ? (vi ? words.vi : words.en) : '';
  // The window a rule counted over: a rollup window's key, or its length in ms.
  const span = spanText(typeof p.window === 'string' ? (WINDOW_MS[p.window as WindowKey] ?? 0) : num('windowMs'), lang);
  switch (alert.rule) {
    case 'server-disconnected':
      return vi
        ? `${serverVi} mất kết nối — ${num('agencies')} cơ quan phía sau`
        : `Security server ${server} disconnected — ${count(num('agencies'), 'agency', 'agencies')} behind it`;
    case 'server-flapping':
      return vi
        ? `${serverVi} chập chờn — mất kết nối ${num('drops')} lần trong 1 giờ, ${num('agencies')} cơ quan phía sau`
        : `Security server ${server} flapping — dropped ${num('drops')} times in 1 h, ${count(num('agencies'), 'agency', 'agencies')} behind it`;
    case 'status-silence':
      return vi
        ? `${agency}: ngừng phản hồi trạng thái — ${num('received')} văn bản đến trong ${span}, không trạng thái nào (${num('usual')} trong giờ trước)`
        : `${agency}: stopped reporting statuses — ${count(num('received'), 'document', 'documents')} arrived in ${span}, no status (${num('usual')} in the hour before)`;
    case 'duplicate-sends':
      return vi
        ? `${agency}: gửi trùng văn bản ${num('duplicates')} lần trong ${span}`
        : `${agency}: sent the same document again ${count(num('duplicates'), 'time', 'times')} in ${span}`;
    case 'signature-failures': {
      // One number format per language, as the console's figures: 30,0% (vi), 30.0% (en).
      const share = (100 * num('failed')) / Math.max(1, num('verified'));
      const rate = `${share.toLocaleString(vi ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
      return vi
        ? `${agency}: ${num('failed')}/${num('verified')} chữ ký số lỗi (${rate}) trong ${span}${why ? `, chủ yếu ${why}` : ''}`
        : `${agency}: ${num('failed')} of ${count(num('verified'), 'signature', 'signatures')} failed (${rate}) in ${span}${why ? `, mostly ${why}` : ''}`;
    }
    case 'overdue-replies': {
      const age = spanText(now - num('oldestDueAt'), lang);
      return vi
        ? `${agency}: ${num('overdue')} văn bản quá hạn trả lời, lâu nhất ${age}`
        : `${agency}: ${count(num('overdue'), 'reply', 'replies')} overdue, oldest by ${age}`;
    }
    case 'agency-silent': {
      const [basisVi, basisEn] =
        p.basis === 'week' ? ['cùng giờ tuần trước', 'same hour last week'] : ['trong 24 giờ qua', 'in the last 24 h'];
      const basis = vi ? basisVi : basisEn;
      return vi
        ? `${agency} không gửi văn bản nào trong ${span} giờ hành chính (${num('usual')} văn bản ${basis})`
        : `${agency} has sent nothing for ${span} of working time (${num('usual')} sent ${basis})`;
    }
    case 'certificate-expiring': {
      const left = num('expiresAt') - now;
      const named = serverNamed(server, lang);
      const by = spanText(Math.abs(left), lang);
      if (left <= 0)
        return vi ? `Chứng thư số của ${named} đã hết hạn ${by} trước` : `Certificate of ${named} expired ${by} ago`;
      return vi ? `Chứng thư số của ${named} hết hạn sau ${by}` : `Certificate of ${named} expires in ${by}`;
    }
    case 'delivery-failures':
      return vi
        ? `${agency}: ${num('failed')} gói tin lỗi, ${num('undelivered')} chưa đến trong ${span}${why ? ` (chủ yếu ${why})` : ''}`
        : `${agency}: ${count(num('failed'), 'package', 'packages')} failed, ${num('undelivered')} undelivered in ${span}${why ? ` (mostly ${why})` : ''}`;
  }
}

/** The rule's name, for column headers and `--json` readers. */
export const RULE_TITLES: Record<RuleId, { vi: string; en: string }> = {
  'server-disconnected': { vi: 'Máy chủ bảo mật mất kết nối', en: 'Security server disconnected' },
  'server-flapping': { vi: 'Máy chủ bảo mật chập chờn', en: 'Security server flapping' },
  'signature-failures': { vi: 'Lỗi chữ ký số', en: 'Signature failures' },
  'status-silence': { vi: 'Ngừng phản hồi trạng thái', en: 'Status silence' },
  'duplicate-sends': { vi: 'Gửi trùng văn bản', en: 'Duplicate sends' },
  'overdue-replies': { vi: 'Quá hạn trả lời', en: 'Overdue replies' },
  'agency-silent': { vi: 'Cơ quan không gửi văn bản', en: 'Agency silent' },
  'certificate-expiring': { vi: 'Chứng thư số đã hết hạn hoặc sắp hết hạn', en: 'Certificate expired or expiring' },
  'delivery-failures': { vi: 'Gói tin không đến nơi nhận', en: 'Delivery failures' },
};

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

// Agencies named with the units above them, short, as operators say it: `UBND xã Thanh Xuân · Sóc Sơn · Hà Nội`.
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
export function namer(agencies: readonly Agency[], servers: readonly { readonly id: string; readonly name: string }[]) {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const serverNames = new Map(servers.map((s) => [s.id, s.name]));
  return (id: string) => (byId.has(id) ? unitPath(id, byId) : serverNames.get(id));
}
