/** What a simulated document looks like: id, recipients, size, subject, deadline, signature. */
import { vietnamIdDate, type SignatureResult } from '../protocol/index.js';
import type { Rng } from '../registry/rng.js';
import { DAY, HOUR, localMidnight } from './rhythm.js';

/** Kinds of document (thể loại văn bản) as they appear in the number: 123/QĐ-UBND. */
const KINDS = ['QĐ', 'TB', 'KH', 'BC', 'TTr', 'GM'] as const;

/** edXML document id: sender, local date, number/code (`123/BTC-VP` for công văn, else `45/QĐ-UBND`). */
export function documentId(sender: string, unitCode: string, number: number, t: number, rng: Rng): string {
  const date = vietnamIdDate(t);
  const r = rng();
  const code =
    r < 0.66 ? `${unitCode}-VP` : `${KINDS[Math.floor((r - 0.66) * (KINDS.length / 0.34))] ?? 'TB'}-${unitCode}`;
  return `${sender},${date},${number}/${code}`;
}

/** How many recipients a document goes to; mean ≈ 3.8, the hub's received/sent ratio in 2021. */
export function recipientCount(rng: Rng): number {
  const r = rng();
  if (r < 0.6) return 1;
  if (r < 0.8) return 2 + Math.floor(rng() * 2);
  if (r < 0.96) return 4 + Math.floor(rng() * 7);
  return 20 + Math.floor(rng() * 44);
}

const SUBJECTS = [
  'V/v báo cáo tình hình thực hiện nhiệm vụ',
  'V/v góp ý dự thảo Nghị định',
  'V/v triển khai Kế hoạch chuyển đổi số',
  'V/v cung cấp số liệu phục vụ báo cáo',
  'V/v mời họp trực tuyến',
  'V/v tăng cường công tác phòng, chống thiên tai',
  'V/v kiểm tra, rà soát văn bản quy phạm pháp luật',
  'V/v đôn đốc thực hiện kết luận thanh tra',
  'Thông báo kết luận của Lãnh đạo',
  'V/v phân bổ kinh phí năm',
  'V/v tổng kết công tác cải cách hành chính',
  'V/v xin ý kiến về phương án sắp xếp đơn vị hành chính',
] as const;

export const subject = (rng: Rng): string => SUBJECTS[Math.floor(rng() * SUBJECTS.length)] ?? SUBJECTS[0];

/** Attachment count and package size: a signed PDF or two, sometimes scans of tens of MB. */
export function packageShape(rng: Rng): { attachments: number; sizeBytes: number } {
  const attachments = rng() < 0.85 ? 1 + Math.floor(rng() * 2) : 3 + Math.floor(rng() * 8);
  const sizeBytes = Math.round(40_000 * attachments * Math.exp(rng() * 4));
  return { attachments, sizeBytes };
}

/** Reply deadline (hạn trả lời, edXML DueDate): 17:00 local, 3 to 15 days after sending. */
export const replyDeadline = (sent: number, rng: Rng): number =>
  localMidnight(sent) + (3 + Math.floor(rng() * 13)) * DAY + 17 * HOUR;

/** Failure kinds among unsigned or badly signed documents, most common first (seed 002). */
const FAILURES: readonly [SignatureResult, number][] = [
  ['missing', 0.7],
  ['incomplete_info', 0.1],
  ['invalid', 0.06],
  ['expired_certificate', 0.06],
  ['untrusted_issuer', 0.05],
  ['revoked_certificate', 0.03],
];

export function signatureFailure(rng: Rng): SignatureResult {
  let r = rng();
  for (const [result, share] of FAILURES) {
    if (r < share) return result;
    r -= share;
  }
  return 'missing';
}

/** The government CA (Ban Cơ yếu Chính phủ) issues the hub's trusted certificates. */
export const TRUSTED_ISSUER = 'Cục Chứng thực số và Bảo mật thông tin - Ban Cơ yếu Chính phủ';
export const UNTRUSTED_ISSUERS = ['VNPT-CA', 'Viettel-CA', 'FPT-CA', 'BKAV-CA'] as const;

/** A signature the hub cannot accept at all stops delivery; a missing one is delivered, flagged. */
export const blocksDelivery = (result: SignatureResult): boolean =>
  result === 'invalid' || result === 'revoked_certificate';
