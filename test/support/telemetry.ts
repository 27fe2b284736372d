import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageOf, MessageType, TelemetryMessage } from '../../src/protocol/index.js';

/** A temp folder for one test's cache files; `cleanup` removes it. */
export function tempDir(prefix = 'hubmon-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A message of `type` with envelope fields filled in. */
export function msg<T extends MessageType>(
  seq: number,
  ts: number,
  type: T,
  data: MessageOf<T>['data'],
): TelemetryMessage {
  return { v: 1, seq, ts: iso(ts), type, data } as unknown as TelemetryMessage;
}

export function hello(epoch = 'e1', newestSeq = 0, hubId = 'hub-test', at = Date.UTC(2026, 10, 22)): TelemetryMessage {
  return msg(newestSeq, at, 'hello', {
    hubId,
    hubName: 'Trục thử nghiệm',
    hubVersion: '1.0.0',
    epoch,
    serverTime: iso(at),
    newestSeq,
    oldestSeq: 1,
    heartbeatMs: 5000,
  });
}

/** Agency codes used across store and metrics tests (illustrative). */
export const A = {
  vpcp: '000.00.00.G22',
  ngheAn: '000.00.00.H41',
  caoBang: '000.00.00.H14',
  ngheAnDept: '000.00.01.H41',
  ngheAnCommune: '000.01.01.H41',
  quiet: '000.00.00.H99',
} as const;

export const docId = (sender: string, n: number): string => `${sender},2026/11/22,${n}/VB`;
