import { afterEach, describe, expect, it } from 'vitest';
import { downtime } from '../../src/metrics/servers.js';
import { A } from '../support/telemetry.js';
import { fixtureCache, HOUR, MIN, S1, S2 } from './fixture.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 20, 0);
const state = (at: number, serverId: string, s: string, reason?: string): [number, 'server.state', unknown] => [
  at,
  'server.state',
  { serverId, state: s, ...(reason && { reason }) },
];

describe('security servers', () => {
  it.each([
    { name: 'up all along', start: 'connected' as const, tr: [], down: 0, drops: 0 },
    { name: 'down all along', start: 'disconnected' as const, tr: [], down: 60, drops: 0 },
    {
      name: 'one drop, back after 30 min',
      start: 'connected' as const,
      tr: [
        [10, 'disconnected'],
        [40, 'connected'],
      ] as const,
      down: 30,
      drops: 1,
    },
    {
      name: 'down at start, back, down again',
      start: 'disconnected' as const,
      tr: [
        [5, 'connected'],
        [55, 'disconnected'],
      ] as const,
      down: 10,
      drops: 1,
    },
    {
      name: 'degraded is not down',
      start: 'connected' as const,
      tr: [
        [5, 'degraded'],
        [20, 'disconnected'],
        [21, 'degraded'],
      ] as const,
      down: 1,
      drops: 1,
    },
  ])('downtime: $name', ({ start, tr, down, drops }) => {
    const t0 = 0;
    const transitions = tr.map(([m, to]) => ({ at: t0 + m * MIN, to }));
    expect(downtime(start, transitions, t0, t0 + HOUR)).toEqual({ downtimeMs: down * MIN, drops });
  });

  it('gives state, since, heartbeat, downtime and drops in the window, and the agencies behind', () => {
    fx = fixtureCache(NOW);
    fx.write(
      state(NOW - 2 * HOUR, S1, 'connected'),
      state(NOW - 40 * MIN, S1, 'disconnected', 'mất kết nối'),
      state(NOW - 10 * MIN, S1, 'connected'),
      state(NOW - 5 * MIN, S1, 'disconnected', 'hết hạn chứng thư'),
      [NOW - 6 * MIN, 'server.heartbeat', { serverId: S1, latencyMs: 40 }],
      [NOW - 7 * MIN, 'server.heartbeat', { serverId: S1, latencyMs: 90 }],
    );
    const rows = fx.metrics.servers(NOW, '1h');
    expect(rows).toEqual([
      {
        serverId: S1,
        name: 'Máy chủ bảo mật 1',
        state: 'disconnected',
        since: NOW - 5 * MIN,
        lastHeartbeat: NOW - 6 * MIN,
        latencyMs: 40,
        downtimeMs: 35 * MIN,
        drops: 2,
        certificateExpiresAt: Date.UTC(2027, 5, 30),
        agencyIds: [A.ngheAn, A.ngheAnDept, A.ngheAnCommune].sort(),
      },
      {
        serverId: S2,
        name: 'Máy chủ bảo mật 2',
        state: 'unknown',
        since: null,
        lastHeartbeat: null,
        latencyMs: null,
        downtimeMs: 0,
        drops: 0,
        certificateExpiresAt: Date.UTC(2027, 11, 31),
        agencyIds: [A.vpcp, A.caoBang, A.quiet].sort(),
      },
    ]);
    expect(fx.metrics.servers(NOW, '5m')[0]).toMatchObject({ downtimeMs: 5 * MIN, drops: 1 });
    expect(fx.metrics.serverHistory(S1, NOW - HOUR)).toEqual([
      { serverId: S1, at: NOW - 5 * MIN, from: 'connected', to: 'disconnected', reason: 'hết hạn chứng thư' },
      { serverId: S1, at: NOW - 10 * MIN, from: 'disconnected', to: 'connected', reason: null },
      { serverId: S1, at: NOW - 40 * MIN, from: 'connected', to: 'disconnected', reason: 'mất kết nối' },
    ]);
    expect(fx.metrics.serverHistory(S1, 0, 1)).toHaveLength(1);
    expect(fx.metrics.serverHistory(S1, 0).at(-1)).toMatchObject({ from: 'unknown', to: 'connected' });
    expect(fx.metrics.totals(NOW, '1h')).toMatchObject({ servers: 2, serversDown: 1, serversDegraded: 0 });
  });
});
