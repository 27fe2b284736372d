/** A new epoch of the hub said aloud: banner and status line, with when, in both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { idleIngest } from '../../src/ui/data/sources.js';
import { NOW } from './fixture.js';
import { renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const changed = (ago: number) =>
  idleIngest({ lastMessageAt: NOW - 500, epochChange: { from: 'e-0412', to: 'e-0413', at: NOW - ago } });

describe('a new epoch of the hub', () => {
  it('is announced under the header and on the status line, with when', async () => {
    const app = await renderConsoleAt(120, 24, { ingest: changed(3 * 60_000) });
    const lines = app.frame().split('\n');
    expect(
      lines.some((l) => /NEW HISTORY since .*, 3 minutes ago — the hub started epoch e-0413 \(was e-0412\)/.test(l)),
    ).toBe(true);
    expect(lines.at(-2)).toContain('⚠ hub epoch changed to e-0413 3 minutes ago');
  });

  it('in Vietnamese too', async () => {
    const app = await renderConsoleAt(120, 24, { ingest: changed(60_000), lang: 'vi' });
    const frame = app.frame();
    expect(frame).toMatch(/LỊCH SỬ MỚI từ .* — trục bắt đầu epoch e-0413 \(trước là e-0412\)/);
    expect(frame).toContain('⚠ trục đổi epoch sang e-0413');
  });

  it('is no longer news after ten minutes', async () => {
    const app = await renderConsoleAt(120, 24, { ingest: changed(11 * 60_000) });
    expect(app.frame()).not.toContain('e-0413');
  });
});
