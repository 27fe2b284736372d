/**
 * A small hand-written telemetry stream around the local day 20/11/2026 (Vietnam time), i.e.
 * [2026-11-19T17:00Z, 2026-11-20T17:00Z). Events sit on both sides of both boundaries so the
 * tests show what a period includes. The expected tables are computed by hand in the tests.
 */
import { parseFrame, type TelemetryMessage, type UnknownMessage } from '../../../src/protocol/index.js';

export const T01 = '000.00.00.T01';
export const G05 = '000.00.00.G05';
export const H01 = '000.00.00.H01';
export const H41 = '000.00.00.H41';
export const H41_SO = '000.00.12.H41';

/** A name with a quote and a comma, as a hub may send it, to exercise CSV quoting. */
export const H01_NAME = 'UBND Tỉnh "An Giang", thử';

const agency = (id: string, name: string, level: number, parent: string | null, server: string) => ({
  id,
  name,
  level,
  parent,
  connection: 'lgsp',
  securityServer: server,
});
const server = (id: string, name: string) => ({ id, name, certificateExpiresAt: '2028-01-01T00:00:00Z' });

const doc = (sender: string, n: number) => `${sender},2026/11/20,${n}/VP`;
export const D1 = doc(G05, 1);
export const D2 = doc(G05, 2);
export const D3 = doc(H41, 3);
export const D4 = doc(T01, 4);
export const D5 = doc(H41, 5);
export const D6 = doc(H41_SO, 6);
export const D7 = doc(G05, 7);

type Raw = { ts: string; type: string; data: Record<string, unknown> };

/** Durable events, in hub order (seq given by position). Times are UTC. */
const EVENTS: readonly Raw[] = [
  {
    ts: '2026-11-19T16:00:00Z',
    type: 'server.state',
    data: { serverId: 'MCBM-005', state: 'disconnected', reason: 'TLS handshake timeout' },
  },
  // D1: sent 23:59 local on the 19th (outside), delivered 00:00:30 local on the 20th (inside).
  {
    ts: '2026-11-19T16:59:00Z',
    type: 'document.sent',
    data: { docId: D1, sender: G05, recipients: [H41], attachments: 1, sizeBytes: 1000 },
  },
  { ts: '2026-11-19T16:59:00Z', type: 'signature.verified', data: { docId: D1, agency: G05, result: 'valid' } },
  { ts: '2026-11-19T17:00:30Z', type: 'document.delivered', data: { docId: D1, recipient: H41 } },
  { ts: '2026-11-19T17:15:00Z', type: 'server.state', data: { serverId: 'MCBM-005', state: 'connected' } },
  // D2: G05 → H41, H01 with a deadline at 10:00Z; H41 processes it fully and answers on time, H01 only says "arrived" and answers late.
  {
    ts: '2026-11-20T01:00:00Z',
    type: 'document.sent',
    data: {
      docId: D2,
      sender: G05,
      recipients: [H41, H01],
      attachments: 2,
      sizeBytes: 2000,
      replyBy: '2026-11-20T10:00:00Z',
    },
  },
  { ts: '2026-11-20T01:00:00Z', type: 'signature.verified', data: { docId: D2, agency: G05, result: 'valid' } },
  { ts: '2026-11-20T01:00:10Z', type: 'document.delivered', data: { docId: D2, recipient: H41 } },
  { ts: '2026-11-20T01:00:20Z', type: 'document.delivered', data: { docId: D2, recipient: H01 } },
  { ts: '2026-11-20T01:01:00Z', type: 'status.reported', data: { docId: D2, agency: H41, code: '01' } },
  { ts: '2026-11-20T01:01:00Z', type: 'status.reported', data: { docId: D2, agency: H01, code: '01' } },
  { ts: '2026-11-20T01:05:00Z', type: 'status.reported', data: { docId: D2, agency: H41, code: '03' } },
  { ts: '2026-11-20T01:30:00Z', type: 'status.reported', data: { docId: D2, agency: H41, code: '04' } },
  // D3: H41 → G05, unsigned, deadline far ahead; G05 accepts it, nobody answers.
  {
    ts: '2026-11-20T02:00:00Z',
    type: 'document.sent',
    data: {
      docId: D3,
      sender: H41,
      recipients: [G05],
      attachments: 1,
      sizeBytes: 500,
      replyBy: '2026-11-25T10:00:00Z',
    },
  },
  { ts: '2026-11-20T02:00:00Z', type: 'signature.verified', data: { docId: D3, agency: H41, result: 'missing' } },
  { ts: '2026-11-20T02:00:05Z', type: 'document.delivered', data: { docId: D3, recipient: G05 } },
  { ts: '2026-11-20T02:10:00Z', type: 'status.reported', data: { docId: D3, agency: G05, code: '01' } },
  { ts: '2026-11-20T02:20:00Z', type: 'status.reported', data: { docId: D3, agency: G05, code: '03' } },
  { ts: '2026-11-20T02:30:00Z', type: 'status.reported', data: { docId: D2, agency: H41, code: '05' } },
  // D4: T01 → G05; G05 refuses it (02), which is not "processed".
  {
    ts: '2026-11-20T03:00:00Z',
    type: 'document.sent',
    data: { docId: D4, sender: T01, recipients: [G05], attachments: 1, sizeBytes: 100 },
  },
  { ts: '2026-11-20T03:00:00Z', type: 'signature.verified', data: { docId: D4, agency: T01, result: 'valid' } },
  { ts: '2026-11-20T03:00:10Z', type: 'document.delivered', data: { docId: D4, recipient: G05 } },
  { ts: '2026-11-20T03:05:00Z', type: 'status.reported', data: { docId: D4, agency: G05, code: '02' } },
  {
    ts: '2026-11-20T04:00:00Z',
    type: 'server.state',
    data: { serverId: 'MCBM-041', state: 'disconnected', reason: 'no route to host' },
  },
  { ts: '2026-11-20T04:30:00Z', type: 'server.state', data: { serverId: 'MCBM-041', state: 'connected' } },
  // D6: the department under H41 sends to H41 (a level-2 row), H41 says "arrived".
  {
    ts: '2026-11-20T05:00:00Z',
    type: 'document.sent',
    data: { docId: D6, sender: H41_SO, recipients: [H41], attachments: 1, sizeBytes: 100 },
  },
  { ts: '2026-11-20T05:00:00Z', type: 'signature.verified', data: { docId: D6, agency: H41_SO, result: 'valid' } },
  { ts: '2026-11-20T05:00:05Z', type: 'document.delivered', data: { docId: D6, recipient: H41 } },
  { ts: '2026-11-20T05:01:00Z', type: 'status.reported', data: { docId: D6, agency: H41, code: '01' } },
  // D7: G05 → H41 with a deadline at 08:00Z, badly signed; answered only after the period.
  {
    ts: '2026-11-20T06:00:00Z',
    type: 'document.sent',
    data: {
      docId: D7,
      sender: G05,
      recipients: [H41],
      attachments: 1,
      sizeBytes: 100,
      replyBy: '2026-11-20T08:00:00Z',
    },
  },
  { ts: '2026-11-20T06:00:00Z', type: 'signature.verified', data: { docId: D7, agency: G05, result: 'invalid' } },
  { ts: '2026-11-20T06:00:10Z', type: 'document.delivered', data: { docId: D7, recipient: H41 } },
  { ts: '2026-11-20T07:00:00Z', type: 'status.reported', data: { docId: D2, agency: H41, code: '06' } },
  {
    ts: '2026-11-20T09:00:00Z',
    type: 'document.replied',
    data: { docId: D2, agency: H41, replyDocId: `${H41},2026/11/20,90/UBND-VX` },
  },
  {
    ts: '2026-11-20T12:00:00Z',
    type: 'document.replied',
    data: { docId: D2, agency: H01, replyDocId: `${H01},2026/11/20,91/UBND-VX` },
  },
  {
    ts: '2026-11-20T16:50:00Z',
    type: 'server.state',
    data: { serverId: 'MCBM-041', state: 'disconnected', reason: 'no route to host' },
  },
  // D5: H41 → T01 at 23:59:59 local (inside), delivered 00:00:01 local on the 21st (outside).
  {
    ts: '2026-11-20T16:59:59Z',
    type: 'document.sent',
    data: { docId: D5, sender: H41, recipients: [T01], attachments: 1, sizeBytes: 100 },
  },
  { ts: '2026-11-20T16:59:59Z', type: 'signature.verified', data: { docId: D5, agency: H41, result: 'valid' } },
  { ts: '2026-11-20T17:00:01Z', type: 'document.delivered', data: { docId: D5, recipient: T01 } },
  { ts: '2026-11-20T17:20:00Z', type: 'server.state', data: { serverId: 'MCBM-041', state: 'connected' } },
  {
    ts: '2026-11-20T18:00:00Z',
    type: 'document.replied',
    data: { docId: D7, agency: H41, replyDocId: `${H41},2026/11/21,92/UBND-VX` },
  },
];

export const HUB = { hubId: 'hub-test', hubName: 'Trục thử nghiệm', epoch: 'e1' };

/** The session opening: hello and the registry. */
export function openingMessages(newestSeq = EVENTS.length): Record<string, unknown>[] {
  const ts = '2026-11-19T15:00:00.000Z';
  return [
    {
      v: 1,
      seq: newestSeq,
      ts,
      type: 'hello',
      data: {
        hubId: HUB.hubId,
        hubName: HUB.hubName,
        hubVersion: 'test',
        epoch: HUB.epoch,
        serverTime: ts,
        newestSeq,
        oldestSeq: 1,
        heartbeatMs: 5000,
      },
    },
    {
      v: 1,
      seq: newestSeq,
      ts,
      type: 'registry.snapshot',
      data: {
        part: 1,
        parts: 1,
        agencies: [
          agency(T01, 'Văn phòng Trung ương Đảng', 1, null, 'MCBM-001'),
          agency(H41, 'UBND Tỉnh Nghệ An', 1, null, 'MCBM-041'),
          agency(G05, 'Bộ Tài chính', 1, null, 'MCBM-005'),
          agency(H01, H01_NAME, 1, null, 'MCBM-041'),
          agency(H41_SO, 'Sở Tài nguyên và Môi trường', 2, H41, 'MCBM-041'),
        ],
        securityServers: [
          server('MCBM-001', 'Máy chủ bảo mật VPTW Đảng'),
          server('MCBM-005', 'Máy chủ bảo mật Bộ Tài chính'),
          server('MCBM-041', 'Máy chủ bảo mật Nghệ An'),
        ],
      },
    },
  ];
}

/** The durable events as wire messages, seq 1…N. */
export function eventMessages(): Record<string, unknown>[] {
  return EVENTS.map((e, i) => ({ v: 1, seq: i + 1, ts: e.ts, type: e.type, data: e.data }));
}

/** The whole stream parsed as the ingest client would: opening, then every event. */
export function fixtureMessages(): (TelemetryMessage | UnknownMessage)[] {
  const parsed = parseFrame(JSON.stringify([...openingMessages(), ...eventMessages()]));
  if (parsed.rejections.length > 0)
    throw new Error(`fixture stream does not parse: ${JSON.stringify(parsed.rejections[0])}`);
  return parsed.messages;
}

/** Wall clock for the tests: the day after the period. */
export const NOW = Date.parse('2026-11-21T03:00:00Z');
