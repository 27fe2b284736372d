/**
 * Valid protocol events for the scripted test hub, about 250 bytes each like the real stream:
 * a mix of document, status, signature and server messages, all deterministic in `seq`.
 */
const AGENCIES = ['000.00.00.G22', '000.00.00.H41', '000.00.00.H14', '000.00.01.H29', '000.00.00.G01'] as const;
const BASE_TS = Date.UTC(2024, 2, 12, 1, 0, 0);

export const agencyFor = (n: number): string => AGENCIES[n % AGENCIES.length] as string;

export function tsFor(seq: number): string {
  return new Date(BASE_TS + seq * 250).toISOString();
}

export function eventFor(seq: number): object {
  const sender = agencyFor(seq);
  const recipient = agencyFor(seq + 1);
  const docId = `${sender},2024/03/12,${1000 + (seq % 9000)}/VPCP-TTĐT`;
  const envelope = { v: 1, seq, ts: tsFor(seq) };
  switch (seq % 4) {
    case 0:
      return {
        ...envelope,
        type: 'document.sent',
        data: {
          docId,
          sender,
          recipients: [recipient, agencyFor(seq + 2)],
          attachments: 2,
          sizeBytes: 48_213,
          subject: 'V/v báo cáo tình hình',
        },
      };
    case 1:
      return { ...envelope, type: 'status.reported', data: { docId, agency: recipient, code: '03' } };
    case 2:
      return {
        ...envelope,
        type: 'signature.verified',
        data: { docId, agency: sender, result: 'valid', kind: 'organisation' },
      };
    default:
      return {
        ...envelope,
        type: 'server.heartbeat',
        data: { serverId: `MCBM-${String(seq % 87).padStart(3, '0')}`, latencyMs: 12 },
      };
  }
}

/** A hello from a hub that holds seq 1…`newestSeq`, for tests that script a hub of their own. */
export function helloFor(newestSeq: number): object {
  const now = new Date().toISOString();
  return {
    v: 1,
    seq: newestSeq,
    ts: now,
    type: 'hello',
    data: {
      hubId: 'hub-test',
      hubName: 'Trục',
      hubVersion: '1',
      epoch: 'epoch-1',
      serverTime: now,
      newestSeq,
      oldestSeq: 1,
      heartbeatMs: 5000,
    },
  };
}
