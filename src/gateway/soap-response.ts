/** The answers of X-Road's monitoring services: the SOAP body or its fault; operational data's gzip attachment in its multipart. */
import { gunzipSync } from 'node:zlib';
import { child, parseXml, text, type XmlNode } from './xml.js';

/** A SOAP fault from the security server (e.g. `Server.ClientProxy.network_error`). */
export class SoapFault extends Error {
  override readonly name = 'SoapFault';
  constructor(
    readonly faultCode: string,
    readonly faultString: string,
  ) {
    super(`${faultCode}: ${faultString}`);
  }
}

/** The element inside `Body`; throws a {@link SoapFault} for a fault, an Error for a non-SOAP text. */
export function soapBody(xml: string): XmlNode {
  const body = child(child(parseXml(xml), 'Envelope'), 'Body');
  if (body === undefined) throw new Error('expected a SOAP envelope with a Body, got another document');
  const fault = child(body, 'Fault');
  if (fault) throw new SoapFault(text(fault, 'faultcode') ?? '', text(fault, 'faultstring') ?? '');
  const name = Object.keys(body).find((k) => !k.startsWith('@') && k !== '#text');
  if (name === undefined) throw new Error('expected an element in the SOAP Body, found it empty');
  return child(body, name) as XmlNode;
}

/**
 * Reads a getSecurityServerOperationalData answer (a fault may come as plain text/xml): its records' count, where
 * the next query starts (seconds) when the answer did not reach `recordsTo`, the attachment gunzipped (JSON text).
 */
export function parseOperationalDataResponse(body: Buffer, contentType: string | undefined) {
  if (!isMultipart(contentType)) {
    soapBody(body.toString('utf8'));
    throw new Error(`expected a multipart/related answer, got ${contentType ?? 'no content type'}`);
  }
  const boundary = boundaryOf(contentType as string);
  if (!boundary) throw new Error('expected a boundary in the multipart content type, found none');
  const parts = parseMultipart(body, boundary);
  const soap = parts[0];
  if (!soap) throw new Error('expected a SOAP part in the multipart answer, found none');
  const response = soapBody(soap.body.toString('utf8'));
  const count = Number(text(response, 'recordsCount'));
  const ref = text(response, 'records');
  if (!Number.isInteger(count) || ref === undefined)
    throw new Error('expected recordsCount and records in the answer, one is missing');
  const nextText = text(response, 'nextRecordsFrom');
  const attachment = partByCid(parts, ref);
  if (!attachment) throw new Error(`expected the attachment ${ref}, it is not in the answer`);
  const json = gunzipSync(attachment.body).toString('utf8');
  return { recordsCount: count, ...(nextText !== undefined && { nextRecordsFrom: Number(nextText) }), json };
}

// `multipart/related` (RFC 2387) as operational data comes: parts cut out of the raw bytes (the gzip is binary).
interface MimePart {
  /** Header names in lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** The `boundary` parameter of a multipart content type, if there is one. */
function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

const isMultipart = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^\s*multipart\//i.test(contentType);

function lineEnd(buf: Buffer, from: number): number {
  const i = buf.indexOf('\n', from);
  return i === -1 ? buf.length : i + 1;
}

/** Splits a multipart body; throws when the boundary never occurs or a part is cut short. */
function parseMultipart(body: Buffer, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at === -1) throw new Error(`expected a multipart body with boundary ${boundary}, found none`);
  const parts: MimePart[] = [];
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerStart = lineEnd(body, afterDelimiter);
    const next = body.indexOf(delimiter, headerStart);
    if (next === -1) throw new Error('expected a closing multipart boundary, the body ends first');
    // The part ends at the line break that precedes the next delimiter.
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    const headers = new Map<string, string>();
    let line = headerStart;
    for (;;) {
      const stop = lineEnd(body, line);
      const textLine = body
        .subarray(line, stop)
        .toString('latin1')
        .replace(/\r?\n$/, '');
      line = stop;
      if (textLine === '' || line >= end) break;
      const colon = textLine.indexOf(':');
      if (colon > 0) headers.set(textLine.slice(0, colon).trim().toLowerCase(), textLine.slice(colon + 1).trim());
    }
    parts.push({ headers, body: body.subarray(Math.min(line, end), end) });
    at = next;
  }
}

/** The part whose `content-id` matches a `cid:` reference (angle brackets optional). */
function partByCid(parts: readonly MimePart[], cid: string): MimePart | undefined {
  const want = cid.replace(/^cid:/i, '').replace(/^<|>$/g, '');
  return parts.find((p) => (p.headers.get('content-id') ?? '').replace(/^<|>$/g, '') === want);
}
