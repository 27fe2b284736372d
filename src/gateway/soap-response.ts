/** The answers of X-Road's monitoring services: the SOAP body or its fault; operational data's gzip attachment. */
import { gunzipSync } from 'node:zlib';
import { boundaryOf, isMultipart, parseMultipart, partByCid } from './multipart.js';
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
