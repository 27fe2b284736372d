import type { MessageType } from '../../src/protocol/index.js';

/**
 * One valid `data` payload per message type. They document the protocol by example
 * (docs/PROTOCOL.md quotes them) and seed the schema tests.
 */
export const exampleData: { readonly [T in MessageType]: unknown } = {
  hello: {
    hubId: 'vpcp-truc-lien-thong',
    hubName: 'Trục liên thông văn bản quốc gia',
    hubVersion: '2.4.1',
    epoch: '2026-11-22T00:00:00Z#1',
    serverTime: '2026-11-22T02:15:00.000Z',
    newestSeq: 1042,
    oldestSeq: 1,
    heartbeatMs: 5000,
  },
  heartbeat: { serverTime: '2026-11-22T02:15:05.000Z', newestSeq: 1042 },
  reset: { reason: 'since_too_old', requestedSince: 10, oldestSeq: 500, newestSeq: 1042 },
  'registry.snapshot': {
    part: 1,
    parts: 1,
    agencies: [
      {
        id: '000.00.00.H41',
        name: 'UBND Tỉnh Nghệ An',
        level: 1,
        parent: null,
        connection: 'lgsp',
        securityServer: 'MCBM-041',
      },
      {
        id: '000.00.12.H41',
        name: 'Sở Tài nguyên và Môi trường',
        level: 2,
        parent: '000.00.00.H41',
        connection: 'lgsp',
        securityServer: 'MCBM-041',
      },
    ],
    securityServers: [
      { id: 'MCBM-041', name: 'Máy chủ bảo mật Nghệ An', certificateExpiresAt: '2027-06-30T00:00:00Z' },
    ],
  },
  'agency.upsert': {
    agency: {
      id: '000.00.00.G22',
      name: 'Văn phòng Chính phủ',
      level: 1,
      parent: null,
      connection: 'direct',
      securityServer: 'MCBM-001',
    },
  },
  'agency.removed': { id: '000.00.12.H41' },
  'server.upsert': {
    server: { id: 'MCBM-001', name: 'Máy chủ bảo mật VPCP', certificateExpiresAt: '2027-03-31T00:00:00Z' },
  },
  'document.sent': {
    docId: '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT',
    sender: '000.00.00.G22',
    recipients: ['000.00.00.H41', '000.00.00.H14'],
    attachments: 2,
    sizeBytes: 184320,
    subject: 'V/v triển khai Quyết định 28/2018/QĐ-TTg',
    replyBy: '2026-11-29T10:00:00Z',
  },
  'document.delivered': { docId: '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT', recipient: '000.00.00.H41' },
  'document.failed': {
    docId: '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT',
    recipient: '000.00.00.H14',
    reason: 'security_server_unreachable',
    detail: 'MCBM-014 did not answer within 30 s',
  },
  'status.reported': { docId: '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT', agency: '000.00.00.H41', code: '03' },
  'document.replied': {
    docId: '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT',
    agency: '000.00.00.H41',
    replyDocId: '000.00.00.H41,2026/11/25,412/UBND-VX',
  },
  'signature.verified': {
    docId: '000.00.00.G22,2026/11/22,7816/VPCP-TTĐT',
    agency: '000.00.00.G22',
    result: 'valid',
    kind: 'organisation',
    issuer: 'Ban Cơ yếu Chính phủ',
  },
  'server.heartbeat': { serverId: 'MCBM-041', latencyMs: 38 },
  'server.state': { serverId: 'MCBM-014', state: 'disconnected', reason: 'TLS handshake timeout', latencyMs: 30000 },
};

/** A whole message of the given type around its example payload. */
export function exampleMessage(type: MessageType, seq = 1043): Record<string, unknown> {
  return { v: 1, seq, ts: '2026-11-22T02:15:00.000Z', type, data: structuredClone(exampleData[type]) };
}
