import { join } from 'node:path';
import { liveMetrics } from '../../src/metrics/index.js';
import type { Agency, TelemetryMessage } from '../../src/protocol/index.js';
import { openCache, type Cache, type Retention } from '../../src/store/index.js';
import { A, hello, msg, tempDir } from '../support/telemetry.js';

export const S1 = 'MCBM-001';
export const S2 = 'MCBM-002';

/** A small registry: a province with a department and a commune under it, two more top-level units, and one that never sends. */
export const AGENCIES: Agency[] = [
  { id: A.vpcp, name: 'Văn phòng Chính phủ', level: 1, parent: null, connection: 'direct', securityServer: S2 },
  { id: A.caoBang, name: 'UBND Tỉnh Cao Bằng', level: 1, parent: null, connection: 'lgsp', securityServer: S2 },
  { id: A.ngheAn, name: 'UBND Tỉnh Nghệ An', level: 1, parent: null, connection: 'lgsp', securityServer: S1 },
  { id: A.ngheAnDept, name: 'Sở Nội vụ Nghệ An', level: 2, parent: A.ngheAn, connection: 'lgsp', securityServer: S1 },
  {
    id: A.ngheAnCommune,
    name: 'UBND xã (minh hoạ)',
    level: 3,
    parent: A.ngheAnDept,
    connection: 'lgsp',
    securityServer: S1,
  },
  { id: A.quiet, name: 'Đơn vị không có lưu lượng', level: 1, parent: null, connection: 'direct', securityServer: S2 },
];

/** The registry above as the hub sends it, in one part, with both security servers. */
export const registrySnapshot = (at: number): TelemetryMessage =>
  msg(0, at, 'registry.snapshot', {
    part: 1,
    parts: 1,
    agencies: AGENCIES,
    securityServers: [
      { id: S1, name: 'Máy chủ bảo mật 1', certificateExpiresAt: '2027-06-30T00:00:00.000Z' },
      { id: S2, name: 'Máy chủ bảo mật 2', certificateExpiresAt: '2027-12-31T00:00:00.000Z' },
    ],
  });

/** A cache with the registry loaded; `write` stores events with increasing seq. */
export function fixtureCache(at: number, retention?: Partial<Retention>) {
  const tmp = tempDir('hubmon-metrics-');
  const cache: Cache = openCache({
    path: join(tmp.dir, 'hub.sqlite'),
    now: () => at,
    ...(retention !== undefined && { retention }),
  });
  let seq = 0;
  cache.applyBatch([hello(), registrySnapshot(at)]);
  const write = (...events: [number, TelemetryMessage['type'] | string, unknown][]): void => {
    const sorted = [...events].sort((a, b) => a[0] - b[0]);
    cache.applyBatch(sorted.map(([ts, type, data]) => msg(++seq, ts, type as never, data as never)));
  };
  const metrics = liveMetrics(cache);
  return {
    cache,
    metrics,
    write,
    close: () => {
      cache.close();
      tmp.cleanup();
    },
  };
}

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const byAgency = <T extends { agencyId: string }>(rows: readonly T[]): Record<string, T> =>
  Object.fromEntries(rows.map((r) => [r.agencyId, r]));

/** A document sent at `at` by `sender` to `recipient`, as `write` takes it. */
export const sentEvent = (
  at: number,
  sender: string,
  recipient: string = A.vpcp,
): [number, 'document.sent', unknown] => [
  at,
  'document.sent',
  { docId: `${sender},2026/11/22,${at}/VB`, sender, recipients: [recipient], attachments: 1, sizeBytes: 1000 },
];

/** A signature check at `at` of `agency`'s document, with `result`, as `write` takes it. */
export const sigEvent = (at: number, agency: string, result: string): [number, 'signature.verified', unknown] => [
  at,
  'signature.verified',
  { docId: `${agency},2026/11/22,${at}/VB`, agency, result },
];
