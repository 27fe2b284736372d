/**
 * A year of national traffic as telemetry: the session preamble (hello, registry) and a day of
 * events per item. Shared by the year-cache benchmark and the tests that check its loader.
 */
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { buildRegistry } from '../../src/registry/lower-levels.js';
import { nationalTraffic, type Draft } from './national-traffic.js';

const DAY = 86_400_000;
/** With the traffic's mix, about 31 million events in 365 days. */
export const DEFAULT_DOCUMENTS_PER_DAY = 9_200;

/** The year's messages: the session preamble (hello, registry) and the traffic, a day per batch. */
export interface YearStream {
  readonly preamble: TelemetryMessage[];
  /** A day of events per item, in time order, numbered from seq 1 by `toMessages`. */
  readonly traffic: Iterable<Draft[]>;
  readonly start: number;
  readonly end: number;
}

export function yearStream(
  options: { days?: number; documentsPerDay?: number; seed?: number; agencies?: number } = {},
): YearStream {
  const days = options.days ?? 365;
  const seed = options.seed ?? 2021;
  const registry = buildRegistry({ totalAgencies: options.agencies ?? 12_000, seed });
  const start = Date.UTC(2025, 10, 1);
  const at = new Date(start).toISOString();
  const preamble = [
    {
      v: 1,
      seq: 0,
      ts: at,
      type: 'hello',
      data: {
        hubId: 'bench-national',
        hubName: 'Trục quốc gia (mô phỏng)',
        hubVersion: '1',
        epoch: 'y1',
        serverTime: at,
        newestSeq: 0,
        oldestSeq: 0,
        heartbeatMs: 5000,
      },
    },
    {
      v: 1,
      seq: 0,
      ts: at,
      type: 'registry.snapshot',
      data: { part: 1, parts: 1, agencies: registry.agencies, securityServers: registry.securityServers },
    },
  ] as TelemetryMessage[];
  const traffic = nationalTraffic({
    agencies: registry.agencies,
    servers: registry.securityServers,
    start,
    days,
    documentsPerDay: options.documentsPerDay ?? DEFAULT_DOCUMENTS_PER_DAY,
    heartbeatEveryMinutes: 10,
    seed,
  });
  return { preamble, traffic, start, end: start + days * DAY };
}
