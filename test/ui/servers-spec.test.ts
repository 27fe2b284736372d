import { describe, expect, it } from 'vitest';
import { translator } from '../../src/ui/i18n/translate.js';
import { serversSpec, toServerModel } from '../../src/ui/view/servers-spec.js';
import type { ServerRow } from '../../src/metrics/types.js';

const NOW = Date.UTC(2024, 2, 13, 3, 0);
const row = (state: ServerRow['state']): ServerRow => ({
  serverId: 'MCBM-075',
  name: 'Máy chủ bảo mật UBND Tỉnh Sóc Trăng',
  state,
  since: NOW - 60_000,
  lastHeartbeat: NOW - 90_000,
  latencyMs: 65,
  downtimeMs: 60_000,
  drops: 1,
  certificateExpiresAt: null,
  agencyIds: ['000.00.00.H51'],
});

describe('the Servers list', () => {
  const latency = serversSpec.columns.find((c) => c.id === 'latency')!;
  const ctx = { lang: 'en' as const, t: translator('en'), now: NOW };

  it('shows a connected server’s latency', () => {
    expect(
      latency.cell(
        toServerModel(row('connected'), () => 1),
        ctx,
      ).text,
    ).toBe('65 ms');
  });

  it('shows no latency for a disconnected server: its last one is history, not its state', () => {
    const down = toServerModel(row('disconnected'), () => 1);
    expect(latency.cell(down, ctx).text).toBe('–');
    expect(latency.sort?.(down)).toBe(-1);
  });
});
