/** X-Road fault codes → signature results and delivery failure reasons (docs/GATEWAY.md's table). */
import type { DeliveryFailureReason, SignatureResult } from '../protocol/index.js';

/** Codes whose fault means the message's signature was missing or did not verify. */
const SIGNATURE: Readonly<Record<string, SignatureResult>> = {
  missing_signature: 'missing',
  invalid_signature_value: 'invalid',
  signature_verification: 'invalid',
  malformed_signature: 'invalid',
  invalid_reference: 'invalid',
  invalid_hash_chain: 'invalid',
  malformed_hash_chain: 'invalid',
  incorrect_validation_info: 'incomplete_info',
};

/** Codes about the signer's certificate: expired, revoked or untrusted, told by the fault string. */
const CERTIFICATE = new Set([
  'cert_validation',
  'invalid_cert_path',
  'cannot_create_cert_path',
  'incorrect_certificate',
  'ssl_authentication_failed',
]);

/** Codes meaning the other side's security server could not be reached. */
const UNREACHABLE = new Set(['network_error', 'unknown_host', 'io_error', 'maintenance_mode', 'http_error']);

/** The X-Road error code inside a fault code such as `Server.ServerProxy.ServiceFailed.timeout`. */
const codes = (faultCode: string): string[] => faultCode.split('.').map((s) => s.toLowerCase());

/** The signature result a fault means, or undefined when it is no signature problem. */
export function signatureResultOf(faultCode: string, faultString = ''): SignatureResult | undefined {
  for (const c of codes(faultCode)) {
    const direct = SIGNATURE[c];
    if (direct) return direct;
    if (CERTIFICATE.has(c)) {
      if (/revoked/i.test(faultString)) return 'revoked_certificate';
      if (/expired|not valid after|notafter/i.test(faultString)) return 'expired_certificate';
      return 'untrusted_issuer';
    }
  }
  return undefined;
}

/** Why a failed exchange failed, in the protocol's closed list. */
export function failureReasonOf(faultCode = '', faultString = ''): DeliveryFailureReason {
  if (signatureResultOf(faultCode, faultString)) return 'package_rejected';
  const list = codes(faultCode);
  if (list.includes('timeout') || /timed? ?out/i.test(faultString)) return 'timeout';
  if (list.some((c) => UNREACHABLE.has(c))) return 'security_server_unreachable';
  if (list.includes('servicefailed') || list.includes('service_failed')) return 'recipient_unreachable';
  return 'package_rejected';
}
