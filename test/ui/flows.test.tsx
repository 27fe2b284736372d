/** Keyboard flows through stdin: move, filter, sort, drill down and back, acknowledge, help, pause. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fixtureData, fixtureMetrics, NOW } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const selectedLine = (frame: string): string => frame.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('keyboard flows', () => {
  it('moves with arrows and j/k, jumps with g/G', async () => {
    const app = await renderConsoleAt(80, 24);
    await app.press('2', 'l', 'l', 'l', 'l'); // level: 2 → 3 → 4 → all
    expect(app.frame()).toContain('Agencies · all levels');
    expect(selectedLine(app.frame())).toContain('000.00.01.H41');
    expect(selectedLine(await app.press('j'))).toContain('000.00.00.H41');
    expect(selectedLine(await app.press(KEY.down))).toContain('000.00.00.G22');
    expect(selectedLine(await app.press('k'))).toContain('000.00.00.H41');
    expect(selectedLine(await app.press('G'))).toContain('000.02.01.H41');
    expect(selectedLine(await app.press('g'))).toContain('000.00.01.H41');
    expect(selectedLine(await app.press(KEY.pageDown))).toContain('000.02.01.H41');
  });

  it('filters with /, forgiving diacritics, and clears with Esc', async () => {
    const app = await renderConsoleAt(80, 24);
    await app.press('2', 'l', 'l', 'l', 'l', '/');
    expect(app.frame()).toContain('Filter: ▏');
    const typed = await app.press('x', 'a', ' ', 'k', 'i', 'm');
    expect(typed).toContain('Filter: xa kim▏');
    expect(typed).toContain('000.01.01.H41');
    expect(typed).not.toContain('000.02.01.H41');
    const kept = await app.press(KEY.enter);
    expect(kept).toContain('filter “xa kim” 1 of 5');
    expect(selectedLine(kept)).toContain('000.01.01.H41');
    const cleared = await app.press(KEY.esc);
    expect(cleared).toContain('000.02.01.H41');
    expect(cleared).toContain('Agencies · all levels');
  });

  it('erases with backspace while typing', async () => {
    const app = await renderConsoleAt(80, 24);
    const frame = await app.press('2', '/', 'n', 'g', 'x', KEY.backspace);
    expect(frame).toContain('Filter: ng▏');
  });

  it('sorts with s through the columns and reverses with S', async () => {
    const app = await renderConsoleAt(80, 24);
    await app.press('2');
    const byId = await app.press('s');
    expect(byId).toContain('Identifier▲');
    expect(byId).toContain('sorted by Identifier ascending');
    expect(selectedLine(byId)).toContain('000.00.00.G22'); // G22 before H41
    const bySent = await app.press('s');
    expect(bySent).toContain('Sent/m▼');
    expect(selectedLine(bySent)).toContain('000.00.00.G22');
    const reversed = await app.press('S');
    expect(reversed).toContain('Sent/m▲');
    expect(selectedLine(reversed)).toContain('000.00.00.H41');
  });

  it('drills from a province to the commune whose server is down, and back', async () => {
    const app = await renderConsoleAt(80, 24);
    const province = await app.press('2', KEY.enter);
    expect(province).toContain('000.00.00.H41 · level 1 · LGSP');
    expect(selectedLine(province)).toContain('000.00.01.H41');
    const district = await app.press(KEY.enter);
    expect(district).toContain('UBND Huyện Nam Đàn ‹ Nghệ An');
    expect(district).toContain('000.01.01.H41');
    const commune = await app.press(KEY.enter);
    expect(commune).toContain('server MCBM-099 DOWN 12 min');
    const history = await app.press(KEY.esc, KEY.esc, KEY.esc);
    expect(history).toContain('Agencies · level 1');
    expect(await app.press(KEY.esc)).toContain('Worst agencies'); // the Overview, visited before
    expect(await app.press(KEY.esc)).toContain('Worst agencies');
  });

  it('walks the sections of a detail with ←/→', async () => {
    const app = await renderConsoleAt(80, 24);
    await app.press('3'); // the server list puts the down server first; Enter lists the agencies behind it
    const behind = await app.press(KEY.enter);
    expect(behind).toContain('Agencies behind MCBM-099');
    const commune = await app.press(KEY.enter);
    expect(commune).toContain('UBND Xã Kim Liên');
    const events = await app.press('\u001b[C', '\u001b[C');
    expect(events).toContain('[Recent events]');
    expect(events).toMatch(/not delivered\W+delivery of D-77 failed: security server u/);
    const history = await app.press('\u001b[C');
    expect(history).toContain('[Server history]');
    expect(history).toContain('DOWN   mất kết nối TLS');
  });

  it('acknowledges the selected alert with a', async () => {
    const app = await renderConsoleAt(80, 24);
    const before = await app.press('6');
    expect(before).toContain('⚠ 1 crit · 1 warn');
    const after = await app.press('a');
    expect(after).toContain('acknowledged: Security server down 12 min');
    expect(after).toContain('⚠ 0 crit · 1 warn');
    expect(app.alerts.list(NOW).find((a) => a.id === 'a1')?.state).toBe('acknowledged');
    expect(await app.press('G', 'a')).toContain('already acknowledged');
  });

  it('keeps the cursor in place after acknowledging, on the next open alert', async () => {
    const app = await renderConsoleAt(80, 24);
    // Moving there first: the cursor then knows which alert it is on.
    expect(selectedLine(await app.press('6', 'j', 'k'))).toContain('Security server down 12 min');
    const first = await app.press('a');
    expect(first).toContain('acknowledged: Security server down 12 min');
    expect(selectedLine(first)).toContain('12 overdue replies');
    const second = await app.press('a');
    expect(second).toContain('acknowledged: 12 overdue replies');
    expect(selectedLine(second)).toContain('Signature failures 15%');
    expect(second.split('\n').findIndex((l) => l.startsWith('›'))).toBe(
      first.split('\n').findIndex((l) => l.startsWith('›')),
    );
    expect(app.alerts.list(NOW).map((a) => a.state)).toEqual([
      'acknowledged',
      'acknowledged',
      'pending',
      'acknowledged',
    ]);
  });

  it('sorted so the acknowledged alert stays put, moves the cursor on to the next open alert', async () => {
    const app = await renderConsoleAt(80, 24);
    const bySince = await app.press('6', 's', 's', 's');
    // The arrow and the status line agree, and so does the order: the shortest age first.
    expect(bySince).toContain('Since▲');
    expect(bySince).toContain('sorted by Since ascending');
    const ages = bySince
      .split('\n')
      .filter((l) => /^[›\s•][\s*]*(CRIT|WARN)/.test(l))
      .map((l) =>
        l
          .trimEnd()
          .split(/\s{2,}/)
          .at(-1),
      );
    expect(ages).toEqual(['2 min', '12 min', '1h', '1h 30m']);
    expect(selectedLine(await app.press('j'))).toContain('Security server down 12 min');
    const acked = await app.press('a');
    expect(acked).toContain('acknowledged: Security server down 12 min');
    expect(selectedLine(acked)).toContain('12 overdue replies');
  });

  it('opens and closes Help with ?', async () => {
    const app = await renderConsoleAt(80, 24);
    await app.press('4');
    expect(await app.press('?')).toContain('leave the console, restoring the terminal');
    const back = await app.press('?');
    expect(back).toContain('Signatures');
    expect(back).not.toContain('Everywhere');
  });

  it('switches screens with Tab and Shift-Tab', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press(KEY.tab)).toContain('Agencies · level 1');
    expect(await app.press('\u001b[Z', '\u001b[Z')).toContain('Alerts');
  });

  it('pauses: figures stay as they were until p again', async () => {
    const data = fixtureData();
    const metrics = fixtureMetrics(data);
    const app = await renderConsoleAt(80, 24, { metrics });
    await app.press('2');
    expect(await app.press('p')).toContain('FROZEN');
    const tp = data.throughput?.find((r) => r.agencyId === '000.00.00.G22');
    if (tp) Object.assign(tp, { sentPerMin: 99 });
    // A new figure comes with a new event in the cache: its newest seq moves on.
    data.stream = { ...data.stream, lastSeq: (data.stream?.lastSeq ?? 0) + 1 };
    app.ticker.tick();
    expect(await app.press()).not.toContain(' 99 ');
    await app.press('p');
    app.ticker.tick();
    expect(await app.press()).toContain('    99 ');
  });

  it('marks a row whose state changed since the last refresh', async () => {
    const data = fixtureData();
    const app = await renderConsoleAt(80, 24, { metrics: fixtureMetrics(data) });
    await app.press('3');
    const vpcp = data.servers?.find((s) => s.serverId === 'MCBM-001');
    if (vpcp) Object.assign(vpcp, { state: 'disconnected', since: NOW - 1000 });
    app.ticker.tick();
    const frame = await app.press();
    expect(
      frame
        .split('\n')
        .find((l) => l.includes('MCBM VPCP'))
        ?.startsWith('•'),
    ).toBe(true);
  });

  it('shows an offline banner and keeps the cached figures', async () => {
    const { idleIngest } = await import('../../src/ui/data/sources.js');
    const app = await renderConsoleAt(80, 24, {
      ingest: idleIngest({
        state: 'offline',
        since: NOW - 5 * 60_000,
        rejections: 3,
        lastRejection: { reason: 'invalid_message', detail: 'data.recipients: expected array, got string', at: NOW },
      }),
    });
    const frame = await app.press('2');
    expect(frame).toContain('● offline');
    expect(frame).toContain('OFFLINE (cached 2024-03-13 02:59) since 5 minutes ago');
    expect(frame).toContain('000.00.00.H41');
    expect(frame).toContain('3 rejected · last: invalid_message: data.recipients: expected array, got string');
  });
});

describe('the trend column', () => {
  it('shows each agency its sparkline where it fits, read again when the terminal widens', async () => {
    const app = await renderConsoleAt(80, 24);
    const narrow = await app.press('2');
    expect(narrow).not.toContain('Trend');
    Object.defineProperty(app.stdout, 'columns', { value: 200, configurable: true });
    app.stdout.emit('resize');
    const wide = await app.settle((f) => /Văn phòng Chính phủ.*▂▃▃▄/.test(f));
    expect(wide).toContain('Trend');
    // The government office's traffic rose minute by minute: its sparkline climbs.
    expect(wide).toMatch(/Văn phòng Chính phủ.*▂▃▃▄/);
  });
});
