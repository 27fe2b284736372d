/** The describe view (`d`): any row in full, and an overdue document opened with Enter. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const RIGHT = '\u001b[C';

describe('describe view', () => {
  it('shows an agency row in full: its whole name, level, parent and server, then its columns', async () => {
    const app = await renderConsoleAt(80, 24);
    const frame = await app.press('2', 'd');
    expect(frame).toContain('UBND Tỉnh Nghệ An');
    expect(frame).toContain('Identifier       000.00.00.H41');
    expect(frame).toContain('Level            level 1 · ministries, provinces');
    expect(frame).toContain('Security server  MCBM-041');
    expect(frame).not.toContain('Name             Nghệ An');
    expect(frame).not.toMatch(/^ (Lv|Conn) /m); // already said as Level and Connection
    expect(frame).toContain('SigFail          14.8%');
    expect(await app.press(KEY.esc)).toContain('Agencies · level 1');
  });

  it.each([
    ['en', 'Sender', 'Văn phòng Chính phủ (000.00.00.G22)', 'statuses 01 03 · not answered, overdue by 2h'],
    ['vi', 'Nơi gửi', 'Văn phòng Chính phủ (000.00.00.G22)', 'trạng thái 01 03 · chưa trả lời, quá hạn 2 giờ'],
  ] as const)(
    'opens an overdue document with Enter (%s): sender, recipients, reply-by, statuses',
    async (lang, sender, who, where) => {
      const app = await renderConsoleAt(100, 30, { lang });
      // Deadlines → Xã Nam Giang → its overdue documents → the document.
      await app.press('5', 'j', KEY.enter, RIGHT);
      const frame = await app.press(KEY.enter);
      expect(frame).toContain('000.00.00.G22,2024/03/01,712/VPCP-TH');
      expect(frame).toMatch(new RegExp(`${sender}\\s+${who.replace(/[()]/g, '\\$&')}`));
      expect(frame).toContain('UBND Xã Nam Giang (000.02.01.H41)');
      expect(frame).toContain(where);
      expect(frame).toContain('Báo cáo tình hình');
    },
  );

  it('wraps a field too long for its line instead of cutting it', async () => {
    const app = await renderConsoleAt(48, 24);
    const frame = await app.press('2', 'd');
    expect(frame).toMatch(/^ Level +level 1 · ministries,\n +provinces$/m);
    const below = frame.split('\n').slice(3, -2);
    expect(below.filter((l) => l.includes('…'))).toEqual([]);
  });

  it('reads the fields again for a new width', async () => {
    const app = await renderConsoleAt(48, 24);
    await app.press('2', 'd');
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    const wide = await app.settle((f) => /^ Level +level 1 · ministries, provinces$/m.test(f));
    expect(wide).toMatch(/^ Level +level 1 · ministries, provinces$/m);
  });

  it('titles an alert by what it says, not by its severity', async () => {
    const app = await renderConsoleAt(80, 24);
    const frame = await app.press('6', 'd');
    expect(frame.split('\n')[2]).toMatch(/^Security server down 12 min +\d+$/);
    expect(frame).toMatch(/^›Sev +CRIT$/m);
  });

  it('is listed in Help', async () => {
    const app = await renderConsoleAt(120, 60);
    expect(await app.press('?')).toContain('d        describe the selected row');
  });
});
