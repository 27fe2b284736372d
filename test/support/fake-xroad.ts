/**
 * Fake X-Road security servers answering the monitoring services with the payloads of
 * X-Road's own documentation (see test/gateway/README.md): each a real HTTP server on 127.0.0.1, plus
 * the gateway's own server, which routes a request by its `securityServer` header as a real
 * client proxy does and answers a fault when the target cannot be reached.
 */
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { repoRoot } from './bin.js';

/** X-Road's payloads, kept with the gateway's tests. */
const fixtures = path.join(repoRoot, 'test', 'gateway', 'fixtures');
export const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

/** The example record of the protocol document (Annex C.2.1), the template of every record. */
export const EXAMPLE_RECORD: Record<string, unknown> = (
  JSON.parse(fixture('operational-data-records.json')) as { records: Record<string, unknown>[] }
).records[0] as Record<string, unknown>;

const xml = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true });

/** The SOAP part of the answer, as Annex C.2 shows it, with the counts of this page. */
function operationalSoap(count: number, next: number | undefined): string {
  const doc = fixture('operational-data-response.txt');
  const start = doc.indexOf('<?xml');
  const end = doc.indexOf('</SOAP-ENV:Envelope>') + '</SOAP-ENV:Envelope>'.length;
  return doc
    .slice(start, end)
    .replace('<om:recordsCount>122</om:recordsCount>', `<om:recordsCount>${count}</om:recordsCount>`)
    .replace(
      '</om:records>',
      `</om:records>${next === undefined ? '' : `\n      <om:nextRecordsFrom>${next}</om:nextRecordsFrom>`}`,
    );
}

/** A certificate as X-Road's MetricsRpcService lists it in the `Certificates` metric set. */
export interface FakeCertificate {
  readonly sha1: string;
  readonly type: 'AUTH_OR_SIGN' | 'SECURITY_SERVER_TLS' | 'INTERNAL_IS_CLIENT_TLS';
  readonly notBefore: string;
  readonly notAfter: string;
  readonly active: boolean;
}

function metricsAnswer(certs: readonly FakeCertificate[]): string {
  const s = (name: string, value: string) =>
    `<m:stringMetric><m:name>${name}</m:name><m:value>${value}</m:value></m:stringMetric>`;
  const set = certs
    .map(
      (c) =>
        `<m:metricSet><m:name>certificate-${c.sha1}</m:name>${s('sha1Hash', c.sha1)}${s('notBefore', c.notBefore)}${s('notAfter', c.notAfter)}${s('certificateType', c.type)}${s('active', String(c.active))}</m:metricSet>`,
    )
    .join('');
  const doc = fixture('metrics-response.xml');
  // The example's systemMetrics set, with the Certificates set added to it.
  const at = doc.lastIndexOf('</m:metricSet>', doc.lastIndexOf('</m:metricSet>') - 1);
  return `${doc.slice(0, at)}<m:metricSet><m:name>Certificates</m:name>${set}</m:metricSet>\n            ${doc.slice(at)}`;
}

export function soapFault(code: string, message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>${code}</faultcode><faultstring>${message}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export interface FakeServerOptions {
  /** X-Road's maxRecordsInPayload (default 10,000). */
  readonly maxRecords?: number;
  /** Seconds before now the monitoring daemon still commits (X-Road's default 60). */
  readonly offsetSec?: number;
  readonly certificates?: readonly FakeCertificate[];
  readonly now?: () => number;
}

/** One security server's monitoring, as its operational monitoring daemon answers. */
export class FakeSecurityServer {
  records: Record<string, unknown>[] = [];
  certificates: FakeCertificate[];
  /** Replaces the gzip attachment's text (malformed JSON tests). */
  payloadOverride?: string;
  requests = { operational: 0, health: 0, metrics: 0 };
  private server?: Server;
  port = 0;

  constructor(
    readonly serverCode: string,
    private readonly options: FakeServerOptions = {},
  ) {
    this.certificates = [...(options.certificates ?? [])];
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, type, body } = this.answer(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(status, { 'content-type': type, 'content-length': body.length });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Stops answering: the port refuses connections. */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private answer(text: string): { status: number; type: string; body: Buffer } {
    const body = (xml.parse(text) as { Envelope: { Body: Record<string, Record<string, unknown>> } }).Envelope.Body;
    if ('getSecurityServerHealthData' in body) {
      this.requests.health++;
      return { status: 200, type: 'text/xml; charset=utf-8', body: Buffer.from(fixture('health-data-response.xml')) };
    }
    if ('getSecurityServerMetrics' in body) {
      this.requests.metrics++;
      return { status: 200, type: 'text/xml; charset=utf-8', body: Buffer.from(metricsAnswer(this.certificates)) };
    }
    const criteria = body['getSecurityServerOperationalData']?.['searchCriteria'] as Record<string, string>;
    this.requests.operational++;
    return this.operationalData(Number(criteria['recordsFrom']), Number(criteria['recordsTo']));
  }

  /** OperationalDataRequestHandler and OperationalDataRecordManager, step by step. */
  private operationalData(from: number, requestedTo: number): { status: number; type: string; body: Buffer } {
    const now = (this.options.now ?? Date.now)();
    const availableBefore = Math.floor(now / 1000) - (this.options.offsetSec ?? 60);
    let to = requestedTo;
    let next: number | undefined;
    if (to >= availableBefore) {
      to = availableBefore - 1;
      next = availableBefore;
    }
    const ts = (r: Record<string, unknown>) => r['monitoringDataTs'] as number;
    const inRange = this.records.filter((r) => ts(r) >= from && ts(r) <= to).sort((a, b) => ts(a) - ts(b));
    const max = this.options.maxRecords ?? 10_000;
    let page = inRange.slice(0, max);
    if (page.length === max) {
      const last = ts(page[max - 1]!);
      // Overflow: every record of the last second goes in, so a second is never split.
      page = [...page.filter((r) => ts(r) !== last), ...inRange.filter((r) => ts(r) === last)];
      if (inRange.some((r) => ts(r) > last)) next = last + 1;
    }
    const payload = this.payloadOverride ?? JSON.stringify({ records: page });
    const boundary = 'xroadfngEfgBlxyLszDaqXiFfDxVzvvlbhU';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-type:text/xml\r\n\r\n${operationalSoap(page.length, next)}\r\n`),
      Buffer.from(
        `--${boundary}\r\ncontent-type:application/gzip\r\ncontent-transfer-encoding: binary\r\ncontent-id: <operational-monitoring-data.json.gz>\r\n\r\n`,
      ),
      gzipSync(payload),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { status: 200, type: `multipart/related; type="text/xml"; charset=UTF-8; boundary=${boundary}`, body };
  }
}

/**
 * The gateway's own security server: forwards each request to the target named by its
 * `securityServer` header; a target that refuses or stays silent becomes the fault X-Road's
 * client proxy answers (`Server.ClientProxy.network_error`).
 */
export async function startRouter(targets: () => ReadonlyMap<string, FakeSecurityServer>, timeoutMs = 2_000) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks);
      const header = (
        xml.parse(text.toString('utf8')) as { Envelope: { Header: { securityServer: { serverCode: string } } } }
      ).Envelope.Header;
      const target = targets().get(header.securityServer.serverCode);
      const fault = (message: string) => {
        if (res.headersSent) return;
        res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(soapFault('Server.ClientProxy.network_error', message));
      };
      if (!target) return fault(`Could not find addresses for service provider "${header.securityServer.serverCode}"`);
      const out = request(
        { host: '127.0.0.1', port: target.port, method: 'POST', headers: req.headers, timeout: timeoutMs },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('timeout', () => out.destroy(new Error('Connection timed out')));
      out.on('error', (err) => fault(err.message));
      out.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
