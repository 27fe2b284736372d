/**
 * What the gateway lends the telemetry server (the sim's, shared): its replay buffer, its hello
 * (naming what X-Road cannot tell) and the registry snapshot as it is at each connection.
 */
import { PROTOCOL_VERSION } from '../protocol/index.js';
import type { SessionHost } from '../sim/client-session.js';
import type { ReplayBuffer } from '../sim/replay-buffer.js';
import { VERSION } from '../version.js';

/** What X-Road cannot tell: edXML processing statuses, reply deadlines and replies (docs/GATEWAY.md). */
const NOT_REPORTED = ['statuses', 'deadlines'];

interface GatewayHostOptions {
  readonly buffer: ReplayBuffer;
  readonly batchMax: number;
  readonly heartbeatMs: number;
  readonly hubId: string;
  readonly hubName: string;
  readonly epoch: string;
  readonly now: () => number;
  /** The serialized `data` of each registry snapshot part, as it is now. */
  readonly snapshot: () => readonly string[];
}

export function gatewaySessionHost(o: GatewayHostOptions): SessionHost {
  const { buffer, now } = o;
  const iso = (t: number): string => new Date(t).toISOString();
  return {
    buffer,
    batchMax: o.batchMax,
    heartbeatMs: o.heartbeatMs,
    sendingPaused: false,
    silenced: false,
    sessionMessage: (type, data) =>
      JSON.stringify({ v: PROTOCOL_VERSION, seq: buffer.newestSeq, ts: iso(now()), type, data }),
    helloData: () => ({
      hubId: o.hubId,
      hubName: o.hubName,
      hubVersion: `hubmon-gateway ${VERSION}`,
      epoch: o.epoch,
      serverTime: iso(now()),
      newestSeq: buffer.newestSeq,
      oldestSeq: buffer.oldestSeq,
      heartbeatMs: o.heartbeatMs,
      notReported: NOT_REPORTED,
    }),
    snapshotMessages: () =>
      o
        .snapshot()
        .map(
          (d) =>
            `{"v":${PROTOCOL_VERSION},"seq":${buffer.newestSeq},"ts":"${iso(now())}","type":"registry.snapshot","data":${d}}`,
        ),
  };
}
