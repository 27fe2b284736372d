/**
 * Operational data records (X-Road's query_operational_data_response_payload_schema) from the attachment's JSON:
 * unknown fields counted, X-Road 6 names read as today's, a record lacking what an exchange needs set aside.
 */
import type { XRoadClient } from './soap-request.js';

export interface OperationalRecord {
  /** Seconds, when the monitoring daemon received the record. */
  readonly monitoringDataTs: number;
  readonly side: 'Client' | 'Producer';
  /** Milliseconds. */
  readonly requestInTs: number;
  readonly responseOutTs?: number;
  readonly client: XRoadClient;
  readonly service: XRoadClient;
  readonly serviceCode: string;
  readonly messageId: string;
  readonly xRequestId?: string;
  readonly messageIssue?: string;
  readonly requestSize: number;
  readonly requestAttachmentCount: number;
  readonly succeeded: boolean;
  readonly faultCode?: string;
  readonly faultString?: string;
}

interface RecordRejection {
  readonly reason: string;
  readonly raw: string;
}

interface ParsedRecords {
  readonly records: OperationalRecord[];
  readonly rejected: RecordRejection[];
  /** Fields the schema does not name, summed over the records. */
  readonly unknownFields: number;
  /** Fields read under an older name. */
  readonly olderNames: number;
}

/** Every field of the payload schema; anything else is counted as unknown. */
const KNOWN = new Set(
  [
    'monitoringDataTs securityServerInternalIp securityServerType requestInTs requestOutTs responseInTs',
    'responseOutTs clientXRoadInstance clientMemberClass clientMemberCode clientSubsystemCode',
    'serviceXRoadInstance serviceMemberClass serviceMemberCode serviceSubsystemCode serviceCode',
    'restMethod restPath xRoadVersion serviceVersion representedPartyClass representedPartyCode messageId',
    'messageUserId messageIssue messageProtocolVersion clientSecurityServerAddress',
    'serviceSecurityServerAddress requestMimeSize requestAttachmentCount responseMimeSize',
    'responseAttachmentCount succeeded faultCode faultString requestSize responseSize statusCode',
    'serviceType xRequestId',
  ]
    .join(' ')
    .split(' '),
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
function readRecord(r: Record<string, unknown>): OperationalRecord | string {
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
  const monitoringDataTs = int(r['monitoringDataTs']) ?? Math.floor(requestInTs / 1000);
  const responseOutTs = int(r['responseOutTs']);
  const xRequestId = str(r['xRequestId']);
  const messageIssue = str(r['messageIssue']);
  const faultCode = str(r['faultCode']);
  const faultString = str(r['faultString']);
  return {
    monitoringDataTs,
    side,
    requestInTs,
    ...(responseOutTs !== undefined && { responseOutTs }),
    client,
    service,
    serviceCode,
    messageId,
    ...(xRequestId && { xRequestId }),
    ...(messageIssue && { messageIssue }),
    requestSize: int(r['requestMimeSize']) ?? int(r['requestSize']) ?? int(r['requestSoapSize']) ?? 0,
    requestAttachmentCount: int(r['requestAttachmentCount']) ?? 0,
    succeeded: r['succeeded'],
    ...(faultCode && { faultCode }),
    ...(faultString && { faultString }),
  };
}

/** Reads the attachment's JSON; malformed JSON rejects the page as a whole. */
export function parseRecords(json: string): ParsedRecords {
  const out: ParsedRecords = { records: [], rejected: [], unknownFields: 0, olderNames: 0 };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    out.rejected.push({ reason: `expected JSON, got ${(err as Error).message}`, raw: json.slice(0, 8192) });
    return out;
  }
  const list = (doc as { records?: unknown } | null)?.records;
  if (!Array.isArray(list)) {
    out.rejected.push({
      reason: 'expected an object with a records array, got another value',
      raw: json.slice(0, 8192),
    });
    return out;
  }
  let unknown = 0;
  let older = 0;
  for (const item of list) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      out.rejected.push({
        reason: 'expected a record object, got another value',
        raw: JSON.stringify(item).slice(0, 8192),
      });
      continue;
    }
    const r = item as Record<string, unknown>;
    for (const k of Object.keys(r)) {
      if (k in OLDER_NAMES) older++;
      else if (!KNOWN.has(k)) unknown++;
    }
    const read = readRecord(r);
    if (typeof read === 'string') out.rejected.push({ reason: read, raw: JSON.stringify(r).slice(0, 8192) });
    else out.records.push(read);
  }
  return { ...out, unknownFields: unknown, olderNames: older };
}

/** What both sides' records of one exchange share: message id, parties, service, and X-Road's request id if any. */
export function exchangeKey(r: OperationalRecord): string {
  const p = (x: XRoadClient) => `${x.instance}/${x.memberClass}/${x.memberCode}/${x.subsystemCode ?? ''}`;
  return `${r.messageId}|${p(r.client)}|${p(r.service)}|${r.serviceCode}${r.xRequestId ? `|${r.xRequestId}` : ''}`;
}
