import { z } from 'zod';

/**
 * edXML processing status codes (Decision 28/2018/QĐ-TTg, Article 10).
 * 01 đã đến, 02 từ chối tiếp nhận, 03 đã tiếp nhận, 04 đã chuyển xử lý, 05 đang xử lý,
 * 06 đã hoàn thành, 13 thu hồi, 15 đồng ý thu hồi/cập nhật, 16 từ chối thu hồi/cập nhật.
 */
export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export const statusCodeSchema = z.enum(STATUS_CODES);
export type StatusCode = z.infer<typeof statusCodeSchema>;

/** Result of verifying a document's signature (chữ ký số, Circular 41/2017/TT-BTTTT); all but `valid` fail. */
export const SIGNATURE_RESULTS = [
  'valid',
  'missing',
  'invalid',
  'expired_certificate',
  'revoked_certificate',
  'untrusted_issuer',
  'incomplete_info',
] as const;
export type SignatureResult = (typeof SIGNATURE_RESULTS)[number];

/** Why a package did not reach one recipient. */
export const DELIVERY_FAILURE_REASONS = [
  'security_server_unreachable',
  'recipient_unreachable',
  'package_rejected',
  'timeout',
  'attachment_mismatch',
] as const;
export type DeliveryFailureReason = (typeof DELIVERY_FAILURE_REASONS)[number];

/** Security server link state as the hub sees it. */
export const serverStateSchema = z.enum(['connected', 'degraded', 'disconnected']);
export type ServerState = z.infer<typeof serverStateSchema>;

/** How an agency reaches the hub: straight from its document system, or via its LGSP. */
export const connectionKindSchema = z.enum(['direct', 'lgsp']);
