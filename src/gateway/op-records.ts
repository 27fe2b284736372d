/**
 * Operational data records (X-Road's query_operational_data_response_payload_schema) from the attachment's JSON:
 * unknown fields counted, X-Road 6 names read as today's, a record lacking what an exchange needs set aside.
 */
import type { XRoadClient } from './soap-request.js';

/** One record as the gateway reads it: times `monitoringDataTs` in seconds, `requestInTs`/`responseOutTs` in ms. */
export type OperationalRecord = Exclude<ReturnType<typeof readRecord>, string>;

/** Every field of the payload schema; anything else is counted as unknown. */
const KNOWN = new Set(
  `monitoringDataTs securityServerInternalIp securityServerType requestInTs requestOutTs responseInTs
  responseOutTs clientXRoadInstance clientMemberClass clientMemberCode clientSubsystemCode
  serviceXRoadInstance serviceMemberClass serviceMemberCode serviceSubsystemCode serviceCode
  restMethod restPath xRoadVersion serviceVersion representedPartyClass representedPartyCode messageId
  messageUserId messageIssue messageProtocolVersion clientSecurityServerAddress
  serviceSecurityServerAddress requestMimeSize requestAttachmentCount responseMimeSize
  responseAttachmentCount succeeded faultCode faultString requestSize responseSize statusCode
  serviceType xRequestId`.split(/\s+/),
);

/** X-Road 6 names and the fields that replaced them. */
const OLDER_NAMES: Readonly<Record<string, string>> = {
  requestSoapSize: 'requestSize',
  responseSoapSize: 'responseSize',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;

function party(r: Record<string, unknown>, prefix: 'client' | 'service'): XRoadClient | undefined {
  const instance = str(r[`${prefix}XRoadInstance`]);
  const memberClass = str(r[`${prefix}MemberClass`]);
  const memberCode = str(r[`${prefix}MemberCode`]);
  if (!instance || !memberClass || !memberCode) return undefined;
  const subsystemCode = str(r[`${prefix}SubsystemCode`]);
  return { instance, memberClass, memberCode, ...(subsystemCode && { subsystemCode }) };
}

/** One record, or the reason it cannot be used. */
function readRecord(r: Record<string, unknown>) {
  const side = r['securityServerType'];
  if (side !== 'Client' && side !== 'Producer')
    return `securityServerType: expected "Client" or "Producer", got ${JSON.stringify(side)}`;
  const requestInTs = int(r['requestInTs']);
  if (requestInTs === undefined) return `requestInTs: expected milliseconds, got ${JSON.stringify(r['requestInTs'])}`;
  const client = party(r, 'client');
  if (!client) return 'client: expected clientXRoadInstance, clientMemberClass and clientMemberCode';
  const service = party(r, 'service');
  if (!service) return 'service: expected serviceXRoadInstance, serviceMemberClass and serviceMemberCode';
  const serviceCode = str(r['serviceCode']);
  if (!serviceCode) return 'serviceCode: expected a service code, got none';
  const messageId = str(r['messageId']);
  if (!messageId) return 'messageId: expected a message id, got none';
  if (typeof r['succeeded'] !== 'boolean')
    return `succeeded: expected true or false, got ${JSON.stringify(r['succeeded'])}`;
  return {
    monitoringDataTs: int(r['monitoringDataTs']) ?? Math.floor(requestInTs / 1000),
    side,
    requestInTs,
    responseOutTs: int(r['responseOutTs']),
    client,
    service,
    serviceCode,
    messageId,
    xRequestId: str(r['xRequestId']),
    messageIssue: str(r['messageIssue']),
    requestSize: int(r['requestMimeSize']) ?? int(r['requestSize']) ?? int(r['requestSoapSize']) ?? 0,
    requestAttachmentCount: int(r['requestAttachmentCount']) ?? 0,
    succeeded: r['succeeded'],
    faultCode: str(r['faultCode']),
    faultString: str(r['faultString']),
  };
}

/** Reads the attachment's JSON; malformed JSON rejects the page as a whole. */
export function parseRecords(json: string) {
  const records: OperationalRecord[] = [];
  const rejected: { readonly reason: string; readonly raw: string }[] = [];
  // Fields the schema does not name, and fields read under an older name, summed over the records.
  const out = { records, rejected, unknownFields: 0, olderNames: 0 };
  const reject = (reason: string, raw: string): number => out.rejected.push({ reason, raw: raw.slice(0, 8192) });
  let list: unknown;
  try {
    list = (JSON.parse(json) as { records?: unknown } | null)?.records;
  } catch (err) {
    reject(`expected JSON, got ${(err as Error).message}`, json);
    return out;
  }
  if (!Array.isArray(list)) reject('expected an object with a records array, got another value', json);
  for (const item of Array.isArray(list) ? list : []) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      reject('expected a record object, got another value', JSON.stringify(item));
      continue;
    }
    const r = item as Record<string, unknown>;
    for (const k of Object.keys(r)) {
      if (Object.hasOwn(OLDER_NAMES, k)) out.olderNames++;
      else if (!KNOWN.has(k)) out.unknownFields++;
    }
    const read = readRecord(r);
    if (typeof read === 'string') reject(read, JSON.stringify(r));
    else out.records.push(read);
  }
  return out;
}

/** What both sides' records of one exchange share: message id, parties, service, and X-Road's request id if any. */
export function exchangeKey(r: OperationalRecord): string {
  const p = (x: XRoadClient) => `${x.instance}/${x.memberClass}/${x.memberCode}/${x.subsystemCode ?? ''}`;
  return `${r.messageId}|${p(r.client)}|${p(r.service)}|${r.serviceCode}${r.xRequestId ? `|${r.xRequestId}` : ''}`;
}
