import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { failureReasonOf, signatureResultOf } from '../../src/gateway/fault-codes.js';
import { parseSharedParams } from '../../src/gateway/globalconf.js';
import {
  certificateExpiry,
  healthConcern,
  parseCertificates,
  parseHealthData,
} from '../../src/gateway/health-metrics.js';
import { exchangeKey, parseRecords } from '../../src/gateway/op-records.js';
import { mapRegistry } from '../../src/gateway/registry-map.js';
import { parseOperationalDataResponse, SoapFault } from '../../src/gateway/soap-response.js';
import { EXAMPLE_RECORD, fixture, soapFault } from '../support/fake-xroad.js';
import { sharedParams } from '../support/xroad-world.js';

describe('global configuration', () => {
  it.each(['shared-params-v3.xml', 'shared-params-v6.xml'])('reads X-Road’s sample %s', (name) => {
    const conf = parseSharedParams(fixture(name));
    expect(conf.instance).toBe('EE');
    expect(conf.members.map((m) => m.memberCode)).toEqual(expect.arrayContaining(['producer', 'consumer', 'foo']));
    expect(conf.members.find((m) => m.memberCode === 'foo')?.subsystems[0]?.code).toBe('foosubsystem');
    const producer = conf.servers.find((s) => s.serverCode === 'producerServerCode');
    expect(producer).toMatchObject({ owner: 'producerId', address: '127.0.0.1' });
    expect(producer?.clients).toEqual(['consumerId', 'fooId', 'foosubsystemId']);
    // Codes of the sample are no mã định danh: no agency, each named among the skipped.
    const mapped = mapRegistry(conf);
    expect(mapped.agencies).toEqual([]);
    expect(mapped.skipped.join('\n')).toContain('BUSINESS/producer (member code is no mã định danh)');
    expect(mapped.servers.length).toBe(conf.servers.length);
  });

  it('reads maintenance mode from the v6 sample', () => {
    const conf = parseSharedParams(fixture('shared-params-v6.xml'));
    expect(conf.servers.filter((s) => s.maintenance !== undefined).map((s) => s.maintenance)).toEqual([
      'Test maintenance mode',
    ]);
  });

  it('maps members and subsystems shaped as mã định danh to agencies with level, parent and server', () => {
    const mapped = mapRegistry(parseSharedParams(sharedParams()));
    const byId = new Map(mapped.agencies.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual(
      ['000.00.00.G01', '000.00.00.G12', '000.00.00.G22', '000.00.00.H41', '000.00.07.H41', '000.00.08.H41'].sort(),
    );
    expect(byId.get('000.00.07.H41')).toEqual({
      id: '000.00.07.H41',
      name: 'Sở Tài chính tỉnh Nghệ An',
      connection: 'lgsp',
      securityServer: 'MCBM-NGHEAN',
      level: 2,
      parent: '000.00.00.H41',
    });
    expect(byId.get('000.00.00.G22')).toMatchObject({ level: 1, parent: null, connection: 'direct' });
    expect(mapped.agencyOf('GOV', '000.00.00.H41', '000.00.08.H41')).toBe('000.00.08.H41');
    expect(mapped.agencyOf('GOV', '000.00.00.G22', 'VBDH')).toBe('000.00.00.G22');
    expect(mapped.agencyOf('GOV', 'COM-12345')).toBeUndefined();
    expect(mapped.servers.find((s) => s.id === 'MCBM-VPCP')).toMatchObject({
      instance: 'VN',
      ownerClass: 'GOV',
      ownerCode: '000.00.00.G22',
      serverCode: 'MCBM-VPCP',
    });
  });

  it('says what it expected of a document that is not shared parameters', () => {
    expect(() => parseSharedParams('<a/>')).toThrow('expected shared parameters');
  });
});

function multipart(json: string, next?: number): { body: Buffer; type: string } {
  const doc = fixture('operational-data-response.txt');
  const soap = doc
    .slice(doc.indexOf('<?xml'), doc.indexOf('</SOAP-ENV:Envelope>') + 20)
    .replace(
      '</om:records>',
      next === undefined ? '</om:records>' : `</om:records><om:nextRecordsFrom>${next}</om:nextRecordsFrom>`,
    );
  const b = 'xroadfngEfgBlxyLszDaqXiFfDxVzvvlbhU';
  return {
    type: `multipart/related; type="text/xml"; charset=UTF-8; boundary=${b}`,
    body: Buffer.concat([
      Buffer.from(
        `--${b}\r\ncontent-type:text/xml\r\n\r\n${soap}\r\n--${b}\r\ncontent-type:application/gzip\r\ncontent-transfer-encoding: binary\r\ncontent-id: <operational-monitoring-data.json.gz>\r\n\r\n`,
      ),
      gzipSync(json),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}

describe('operational data answers', () => {
  it('reads the multipart answer of Annex C.2: count, next page, gzip JSON attachment', () => {
    const json = fixture('operational-data-records.json');
    const { body, type } = multipart(json, 1477633846);
    const page = parseOperationalDataResponse(body, type);
    expect(page).toEqual({ recordsCount: 122, nextRecordsFrom: 1477633846, json });
  });

  it('turns a SOAP fault into a SoapFault with its code', () => {
    const fault = soapFault('Server.ClientProxy.network_error', 'Connection refused');
    expect(() => parseOperationalDataResponse(Buffer.from(fault), 'text/xml')).toThrow(SoapFault);
    expect(() => parseOperationalDataResponse(Buffer.from(fault), 'text/xml')).toThrow(
      'network_error: Connection refused',
    );
  });

  it('reads the example record of Annex C.2.1 with its units', () => {
    const { records, rejected, unknownFields } = parseRecords(fixture('operational-data-records.json'));
    expect(rejected).toEqual([]);
    expect(unknownFields).toBe(0);
    expect(records[0]).toMatchObject({
      monitoringDataTs: 1477633845,
      requestInTs: 1477633844973,
      responseOutTs: 1477633845243,
      side: 'Client',
      messageId: '1TzYPstxXyYPtNsos4TNEAPykJh50aJz',
      messageIssue: '453465',
      xRequestId: 'fd83f20e-bc19-4eb4-9602-e37f94c09fbe',
      requestSize: 1629,
      requestAttachmentCount: 0,
      succeeded: true,
      client: { instance: 'EE', memberClass: 'GOV', memberCode: '00000001', subsystemCode: 'subsystem1' },
    });
  });

  it("counts a field named like an object's own property (constructor, toString) as unknown, not as an older name", () => {
    const parsed = parseRecords(JSON.stringify({ records: [{ ...EXAMPLE_RECORD, constructor: 1, toString: 'x' }] }));
    expect(parsed.olderNames).toBe(0);
    expect(parsed.unknownFields).toBe(2);
    expect(parsed.records).toHaveLength(1);
  });

  it('counts unknown fields, reads older names, fills missing optional fields, sets aside what it cannot use', () => {
    const { xRequestId: _x, messageIssue: _m, requestAttachmentCount: _a, requestSize: _s, ...bare } = EXAMPLE_RECORD;
    const json = JSON.stringify({
      records: [
        { ...EXAMPLE_RECORD, newField: 1, anotherNewField: 'x' },
        { ...bare, requestSoapSize: 777 },
        { ...EXAMPLE_RECORD, messageId: undefined },
        { ...EXAMPLE_RECORD, securityServerType: 'Proxy' },
        42,
      ],
    });
    const parsed = parseRecords(json);
    expect(parsed.unknownFields).toBe(2);
    expect(parsed.olderNames).toBe(1);
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records[1]).toMatchObject({ requestSize: 777, requestAttachmentCount: 0 });
    expect(parsed.records[1]?.xRequestId).toBeUndefined();
    expect(parsed.rejected.map((r) => r.reason)).toEqual([
      'messageId: expected a message id, got none',
      'securityServerType: expected "Client" or "Producer", got "Proxy"',
      'expected a record object, got another value',
    ]);
  });

  it('sets a malformed page aside whole', () => {
    const parsed = parseRecords('{"records":[{"messageId":');
    expect(parsed.records).toEqual([]);
    expect(parsed.rejected[0]?.reason).toMatch(/^expected JSON, got /);
  });

  it('pairs both sides of an exchange by messageId, parties and xRequestId', () => {
    const client = parseRecords(JSON.stringify({ records: [EXAMPLE_RECORD] })).records[0]!;
    const producer = parseRecords(
      JSON.stringify({
        records: [{ ...EXAMPLE_RECORD, securityServerType: 'Producer', monitoringDataTs: 1477633846 }],
      }),
    ).records[0]!;
    const other = parseRecords(JSON.stringify({ records: [{ ...EXAMPLE_RECORD, xRequestId: 'another' }] })).records[0]!;
    expect(exchangeKey(client)).toBe(exchangeKey(producer));
    expect(exchangeKey(client)).not.toBe(exchangeKey(other));
  });
});

describe('health data and metrics', () => {
  it('sums the health data example of Annex C.4', () => {
    const h = parseHealthData(fixture('health-data-response.xml'));
    expect(h).toEqual({ periodSeconds: 600, successful: 1, unsuccessful: 0 });
    expect(healthConcern(h)).toBeUndefined();
    expect(healthConcern({ ...h, successful: 3, unsuccessful: 5 })).toBe('5 of 8 requests failed in the last 600 s');
  });

  it('finds no certificates in the metrics example, and the earliest active signing certificate when listed', () => {
    expect(parseCertificates(fixture('metrics-response.xml'))).toEqual([]);
    const certs = [
      { type: 'AUTH_OR_SIGN', notAfter: '2027-03-31T00:00:00Z', active: true },
      { type: 'AUTH_OR_SIGN', notAfter: '2026-01-01T00:00:00Z', active: false },
      { type: 'SECURITY_SERVER_TLS', notAfter: '2026-02-01T00:00:00Z', active: true },
    ];
    expect(certificateExpiry(certs)).toBe('2027-03-31T00:00:00.000Z');
    expect(certificateExpiry(certs.slice(2))).toBe('2026-02-01T00:00:00.000Z');
    expect(certificateExpiry([])).toBeUndefined();
  });
});

describe('fault codes', () => {
  it.each([
    ['Server.ServerProxy.missing_signature', '', 'missing', 'package_rejected'],
    ['Server.ServerProxy.invalid_signature_value', '', 'invalid', 'package_rejected'],
    ['Client.InternalError.signature_verification', '', 'invalid', 'package_rejected'],
    [
      'Server.ServerProxy.cert_validation',
      'Certificate is not valid after 2026-01-01',
      'expired_certificate',
      'package_rejected',
    ],
    [
      'Server.ServerProxy.cert_validation',
      'OCSP response indicates certificate status is REVOKED',
      'revoked_certificate',
      'package_rejected',
    ],
    [
      'Server.ServerProxy.cert_validation',
      'Certificate is not issued by approved certification service provider',
      'untrusted_issuer',
      'package_rejected',
    ],
    ['Server.ServerProxy.incorrect_validation_info', '', 'incomplete_info', 'package_rejected'],
    ['Server.ClientProxy.network_error', 'Connection refused', undefined, 'security_server_unreachable'],
    ['Server.ClientProxy.network_error', 'Read timed out', undefined, 'timeout'],
    ['Server.ServerProxy.ServiceFailed.io_error', '', undefined, 'security_server_unreachable'],
    ['Server.ServerProxy.ServiceFailed', 'Internal error', undefined, 'recipient_unreachable'],
    ['Server.ServerProxy.access_denied', '', undefined, 'package_rejected'],
  ] as const)('%s "%s" → %s, %s', (code, message, signature, reason) => {
    expect(signatureResultOf(code, message)).toBe(signature);
    expect(failureReasonOf(code, message)).toBe(reason);
  });
});
