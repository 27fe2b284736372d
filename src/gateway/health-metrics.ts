/** What a security server says about itself: health data and the metrics' `Certificates` set. */
import { soapBody } from './soap-response.js';
import { child, children, text, type XmlNode } from './xml.js';

const num = (s: string | undefined): number => (s === undefined || !Number.isFinite(Number(s)) ? 0 : Number(s));

/** Sums the services' statistics of a health data answer; throws on a fault or another document. */
export function parseHealthData(xml: string) {
  const response = soapBody(xml);
  const period = text(response, 'statisticsPeriodSeconds');
  if (period === undefined) throw new Error('expected statisticsPeriodSeconds in the health data, found none');
  let successful = 0;
  let unsuccessful = 0;
  for (const e of children(child(response, 'servicesEvents'), 'serviceEvents')) {
    const stats = child(e, 'lastPeriodStatistics');
    successful += num(text(stats, 'successfulRequestCount'));
    unsuccessful += num(text(stats, 'unsuccessfulRequestCount'));
  }
  return { periodSeconds: num(period), successful, unsuccessful };
}

/** Half or more of the period's requests failing makes a server degraded; the reason says so. */
export function healthConcern(h: ReturnType<typeof parseHealthData>): string | undefined {
  const total = h.successful + h.unsuccessful;
  if (total === 0 || h.unsuccessful * 2 < total) return undefined;
  return `${h.unsuccessful} of ${total} requests failed in the last ${h.periodSeconds} s`;
}

const metricValue = (set: XmlNode, name: string): string | undefined =>
  children(set, 'stringMetric').find((m) => text(m, 'name') === name)?.['value'] as string | undefined;

function findSet(set: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!set || text(set, 'name') === name) return set;
  return children(set, 'metricSet').reduce<XmlNode | undefined>((found, c) => found ?? findSet(c, name), undefined);
}

/** The certificates a metrics answer lists (none when the answer has no `Certificates` set). */
export function parseCertificates(xml: string) {
  const certs = findSet(child(soapBody(xml), 'metricSet'), 'Certificates');
  return children(certs, 'metricSet').flatMap((c) => {
    const notAfter = metricValue(c, 'notAfter');
    if (notAfter === undefined || Number.isNaN(Date.parse(notAfter))) return [];
    return [{ type: metricValue(c, 'certificateType') ?? '', notAfter, active: metricValue(c, 'active') !== 'false' }];
  });
}

/** The earliest `notAfter` of the active auth/sign certificates (else of any), as ISO 8601 UTC. */
export function certificateExpiry(certs: ReturnType<typeof parseCertificates>): string | undefined {
  const own = certs.filter((c) => c.active && c.type === 'AUTH_OR_SIGN');
  const pool = own.length > 0 ? own : certs;
  if (pool.length === 0) return undefined;
  return new Date(Math.min(...pool.map((c) => Date.parse(c.notAfter)))).toISOString();
}
