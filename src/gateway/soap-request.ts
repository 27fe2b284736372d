/** The SOAP requests the gateway sends as the monitoring client (X-Road message protocol 4.0). */
import { randomBytes } from 'node:crypto';
import type { ServerTarget } from './registry-map.js';

/** The X-Road client the gateway speaks as: `INSTANCE/CLASS/MEMBER/SUBSYSTEM`. */
export interface XRoadClient {
  readonly instance: string;
  readonly memberClass: string;
  readonly memberCode: string;
  readonly subsystemCode?: string;
}

/** Parses `INSTANCE/CLASS/MEMBER[/SUBSYSTEM]`; undefined when it has another shape. */
export function parseClientId(textValue: string): XRoadClient | undefined {
  const parts = textValue.split('/');
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => p.trim() === '')) return undefined;
  const [instance, memberClass, memberCode, subsystemCode] = parts as [string, string, string, string?];
  return { instance, memberClass, memberCode, subsystemCode };
}

const escape = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

type MonitoringService =
  'getSecurityServerOperationalData' | 'getSecurityServerHealthData' | 'getSecurityServerMetrics';

function envelope(client: XRoadClient, target: ServerTarget, service: MonitoringService, inner = ''): string {
  const ns = service === 'getSecurityServerMetrics' ? 'm' : 'om';
  const body = inner ? `<${ns}:${service}>${inner}</${ns}:${service}>` : `<${ns}:${service}/>`;
  const id = randomBytes(16).toString('hex');
  const objectType = client.subsystemCode ? 'SUBSYSTEM' : 'MEMBER';
  return `<?xml version="1.0" encoding="utf-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xroad="http://x-road.eu/xsd/xroad.xsd" xmlns:om="http://x-road.eu/xsd/op-monitoring.xsd" xmlns:m="http://x-road.eu/xsd/monitoring" xmlns:id="http://x-road.eu/xsd/identifiers">
  <SOAP-ENV:Header>
    <xroad:client id:objectType="${objectType}">
      <id:xRoadInstance>${escape(client.instance)}</id:xRoadInstance>
      <id:memberClass>${escape(client.memberClass)}</id:memberClass>
      <id:memberCode>${escape(client.memberCode)}</id:memberCode>${client.subsystemCode ? `\n      <id:subsystemCode>${escape(client.subsystemCode)}</id:subsystemCode>` : ''}
    </xroad:client>
    <xroad:service id:objectType="SERVICE">
      <id:xRoadInstance>${escape(target.instance)}</id:xRoadInstance>
      <id:memberClass>${escape(target.ownerClass)}</id:memberClass>
      <id:memberCode>${escape(target.ownerCode)}</id:memberCode>
      <id:serviceCode>${service}</id:serviceCode>
    </xroad:service>
    <xroad:securityServer id:objectType="SERVER">
      <id:xRoadInstance>${escape(target.instance)}</id:xRoadInstance>
      <id:memberClass>${escape(target.ownerClass)}</id:memberClass>
      <id:memberCode>${escape(target.ownerCode)}</id:memberCode>
      <id:serverCode>${escape(target.serverCode)}</id:serverCode>
    </xroad:securityServer>
    <xroad:id>${id}</xroad:id>
    <xroad:protocolVersion>4.0</xroad:protocolVersion>
  </SOAP-ENV:Header>
  <SOAP-ENV:Body>
    ${body}
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>
`;
}

/** Records whose `monitoringDataTs` (seconds) lies in [from, to]. */
export const operationalDataRequest = (client: XRoadClient, target: ServerTarget, from: number, to: number): string =>
  envelope(
    client,
    target,
    'getSecurityServerOperationalData',
    `<om:searchCriteria><om:recordsFrom>${from}</om:recordsFrom><om:recordsTo>${to}</om:recordsTo></om:searchCriteria>`,
  );

export const healthDataRequest = (client: XRoadClient, target: ServerTarget): string =>
  envelope(client, target, 'getSecurityServerHealthData');

/** Only the certificates are asked for: the rest of the metrics the console does not show. */
export const metricsRequest = (client: XRoadClient, target: ServerTarget): string =>
  envelope(
    client,
    target,
    'getSecurityServerMetrics',
    '<m:outputSpec><m:outputField>Certificates</m:outputField></m:outputSpec>',
  );
