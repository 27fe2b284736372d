import { describe, expect, it } from 'vitest';
import { countFlapping, flappingServerIds, shownServerState } from '../../src/alerts/index.js';

describe('a server shown as flapping', () => {
  const flapping = new Set(['MCBM-001', 'MCBM-002', 'MCBM-003']);
  const rows = [
    { serverId: 'MCBM-001', state: 'connected' },
    { serverId: 'MCBM-002', state: 'disconnected' },
    { serverId: 'MCBM-003', state: 'degraded' },
    { serverId: 'MCBM-004', state: 'connected' },
    { serverId: 'MCBM-005', state: 'unknown' },
  ] as const;

  it('is one up while its flapping alert fires; one down or degraded stays so', () => {
    expect(rows.map((r) => shownServerState(r, flapping))).toEqual([
      'flapping',
      'disconnected',
      'degraded',
      'connected',
      'unknown',
    ]);
    expect(shownServerState({ serverId: 'MCBM-005', state: 'unknown' }, new Set(['MCBM-005']))).toBe('flapping');
  });

  it('is counted once, and not at all without a firing alert', () => {
    expect(countFlapping(rows, flapping)).toBe(1);
    expect(countFlapping(rows, new Set())).toBe(0);
  });
});

describe('the servers a flapping alert names', () => {
  const flap = (server: string, phase: 'pending' | 'firing' | 'resolved') =>
    ({ rule: 'server-flapping', phase, labels: { server } }) as const;
  const down = (server: string) => ({ rule: 'server-disconnected', phase: 'firing', labels: { server } }) as const;

  it('are those of firing alerts, led or folded under another, acknowledged or not', () => {
    const folded = [{ ...flap('MCBM-002', 'firing'), key: 'k', severity: 'warning' }] as never[];
    const acked = { ...flap('MCBM-006', 'firing'), ack: { by: 'trucdem', at: 1 } };
    const ids = flappingServerIds([
      acked,
      flap('MCBM-001', 'firing'),
      { ...down('MCBM-002'), folded },
      flap('MCBM-003', 'pending'),
      flap('MCBM-004', 'resolved'),
      down('MCBM-005'),
    ]);
    expect([...ids].sort()).toEqual(['MCBM-001', 'MCBM-002', 'MCBM-006']);
  });
});
