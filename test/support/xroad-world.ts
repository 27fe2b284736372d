/**
 * A small Vietnamese hub in X-Road terms: members whose codes are mã định danh, a province
 * reaching the hub through its LGSP with its departments as subsystems, one security server
 * per member; written as shared-params.xml in the shape of X-Road's v6 test samples, with
 * the exchanges between them as both sides' operational records.
 */
import { EXAMPLE_RECORD } from './fake-xroad.js';

export interface WorldMember {
  readonly code: string;
  readonly name: string;
  readonly subsystems?: readonly { code: string; name: string }[];
}

export interface World {
  readonly members: readonly WorldMember[];
  readonly servers: readonly WorldServer[];
}

export interface WorldServer {
  readonly code: string;
  readonly owner: string;
  /** Agency ids (member codes, or subsystem codes of the owner) it serves. */
  readonly clients: readonly string[];
}

export const MEMBERS: readonly WorldMember[] = [
  { code: '000.00.00.G22', name: 'Văn phòng Chính phủ' },
  { code: '000.00.00.G01', name: 'Bộ Công an' },
  { code: '000.00.00.G12', name: 'Bộ Tài chính' },
  {
    code: '000.00.00.H41',
    name: 'UBND tỉnh Nghệ An',
    subsystems: [
      { code: '000.00.07.H41', name: 'Sở Tài chính tỉnh Nghệ An' },
      { code: '000.00.08.H41', name: 'Sở Y tế tỉnh Nghệ An' },
    ],
  },
  { code: 'COM-12345', name: 'Nhà cung cấp dịch vụ (không phải cơ quan)' },
];

export const SERVERS: readonly WorldServer[] = [
  { code: 'MCBM-VPCP', owner: '000.00.00.G22', clients: ['000.00.00.G22'] },
  { code: 'MCBM-BCA', owner: '000.00.00.G01', clients: ['000.00.00.G01'] },
  { code: 'MCBM-BTC', owner: '000.00.00.G12', clients: ['000.00.00.G12'] },
  { code: 'MCBM-NGHEAN', owner: '000.00.00.H41', clients: ['000.00.00.H41', '000.00.07.H41', '000.00.08.H41'] },
];

/** The agency ids the world has (the member that is no agency left out). */
export const AGENCY_IDS = [
  '000.00.00.G22',
  '000.00.00.G01',
  '000.00.00.G12',
  '000.00.00.H41',
  '000.00.07.H41',
  '000.00.08.H41',
];

const ref = (code: string) => `id-${code.replace(/\W/g, '_')}`;

export const SMALL_WORLD: World = { members: MEMBERS, servers: SERVERS };

/**
 * A world of `n` ministries and provinces, each with its own security server and a department
 * as a subsystem (benchmarks: 87 servers as on the national hub).
 */
export function nationalWorld(n: number): World {
  const members: WorldMember[] = Array.from({ length: n }, (_, i) => {
    const top = `${i < 40 ? 'G' : 'H'}${String((i % 99) + 1).padStart(2, '0')}`;
    const code = `000.00.00.${top}`;
    return { code, name: `Cơ quan ${top}`, subsystems: [{ code: `000.00.01.${top}`, name: `Đơn vị 01 của ${top}` }] };
  });
  const servers = members.map((m, i) => ({
    code: `MCBM-${String(i + 1).padStart(3, '0')}`,
    owner: m.code,
    clients: [m.code, ...(m.subsystems ?? []).map((s) => s.code)],
  }));
  return { members, servers };
}

export const agencyIdsOf = (world: World): string[] =>
  world.members.flatMap((m) => (/^\d{3}\./.test(m.code) ? [m.code, ...(m.subsystems ?? []).map((s) => s.code)] : []));

export function sharedParams(world: World = SMALL_WORLD): string {
  const servers = world.servers;
  const members = world.members
    .map(
      (m) => `
    <member id="${ref(m.code)}">
        <memberClass>
            <code>GOV</code>
            <description>Government</description>
        </memberClass>
        <memberCode>${m.code}</memberCode>
        <name>${m.name}</name>${(m.subsystems ?? [])
          .map(
            (s) => `
        <subsystem id="${ref(s.code)}">
            <subsystemCode>${s.code}</subsystemCode>
            <subsystemName>${s.name}</subsystemName>
        </subsystem>`,
          )
          .join('')}
    </member>`,
    )
    .join('');
  const securityServers = servers
    .map(
      (s) => `
    <securityServer>
        <owner>${ref(s.owner)}</owner>
        <serverCode>${s.code}</serverCode>
        <address>${s.code.toLowerCase()}.hub.gov.vn</address>
        <authCertHash>xcuWTrx4uFeP5mNBXIhYITy+gUM72CJfL63MsWXffXM=</authCertHash>${s.clients.map((c) => `\n        <client>${ref(c)}</client>`).join('')}
    </securityServer>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<tns:conf xmlns:id="http://x-road.eu/xsd/identifiers"
    xmlns:tns="http://x-road.eu/xsd/xroad.xsd"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://x-road.eu/xsd/xroad.xsd">

    <instanceIdentifier>VN</instanceIdentifier>
${members}
${securityServers}
</tns:conf>
`;
}

/** The member and subsystem X-Road addresses an agency by. */
export function partyOf(agency: string, world: World = SMALL_WORLD): { memberCode: string; subsystemCode: string } {
  const member = world.members.find((m) => m.code === agency || m.subsystems?.some((s) => s.code === agency));
  if (!member) throw new Error(`no member for ${agency}`);
  return { memberCode: member.code, subsystemCode: agency === member.code ? 'VBDH' : agency };
}

export const serverOf = (agency: string, world: World = SMALL_WORLD): string =>
  world.servers.find((s) => s.clients.includes(agency))!.code;

export interface Exchange {
  readonly n: number;
  readonly sender: string;
  readonly recipient: string;
  readonly docId: string;
  readonly at: number;
  readonly succeeded: boolean;
  readonly faultCode?: string;
  readonly faultString?: string;
}

/**
 * Both sides' records of one exchange: the client's server writes a `Client` record, the
 * provider's a `Producer` record, with the same messageId and xRequestId.
 */
export function recordsOf(
  x: Exchange,
  serviceCode = 'sendEdoc',
  world: World = SMALL_WORLD,
): { client: Record<string, unknown>; producer: Record<string, unknown> } {
  const c = partyOf(x.sender, world);
  const s = partyOf(x.recipient, world);
  const base: Record<string, unknown> = {
    ...EXAMPLE_RECORD,
    clientXRoadInstance: 'VN',
    clientMemberClass: 'GOV',
    clientMemberCode: c.memberCode,
    clientSubsystemCode: c.subsystemCode,
    serviceXRoadInstance: 'VN',
    serviceMemberClass: 'GOV',
    serviceMemberCode: s.memberCode,
    serviceSubsystemCode: s.subsystemCode,
    serviceCode,
    messageId: `msg-${x.n}`,
    xRequestId: `00000000-0000-4000-8000-${String(x.n).padStart(12, '0')}`,
    messageIssue: x.docId,
    requestInTs: x.at,
    requestOutTs: x.at + 12,
    responseInTs: x.at + 240,
    responseOutTs: x.at + 260,
    monitoringDataTs: Math.floor((x.at + 300) / 1000),
    requestAttachmentCount: (x.n % 3) + 1,
    requestSize: 10_000 + x.n,
    succeeded: x.succeeded,
  };
  if (!x.succeeded) {
    base['faultCode'] = x.faultCode;
    base['faultString'] = x.faultString;
  }
  return {
    client: { ...base, securityServerType: 'Client' },
    producer: { ...base, securityServerType: 'Producer', monitoringDataTs: Math.floor((x.at + 280) / 1000) },
  };
}
