/** Posts one SOAP request to the gateway's own security server; the time limit covers the whole answer. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Most bytes one answer may have: an operational data page is bounded by X-Road (10,000 records). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** The answer, its latency from sending the request to its last byte. */
export function postSoap(url: string, envelope: string, timeoutMs: number) {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const started = performance.now();
  return new Promise<{ contentType?: string; body: Buffer; latencyMs: number }>((resolve, reject) => {
    const req = send(
      target,
      { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: '""' } },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks),
            latencyMs: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
    req.end(envelope);
  });
}
