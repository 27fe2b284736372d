/**
 * Vietnamese words at 80 columns: severities read `khẩn` and `cảnh báo` (`KHẨN`, `CB` in
 * a narrow column), the same in the header and on the lists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

describe('Vietnamese severities', () => {
  it('read khẩn / cảnh báo in the header and KHẨN / CB on the lists', async () => {
    const app = await renderConsoleAt(80, 24, { lang: 'vi' });
    const overview = app.frame();
    expect(overview).toMatch(/⚠ 1 khẩn · 1 cảnh báo/);
    expect(overview).toMatch(/^ KHẨN /m);
    const alerts = await app.press('6');
    expect(alerts).toMatch(/KHẨN/);
    expect(alerts).toMatch(/^ {4}CB {3}/m);
    expect(alerts).not.toMatch(/NẶNG|CẢNH|nghiêm trọng/);
  });
});

describe('Vietnamese lists at 80 columns', () => {
  it.each([
    ['3', ['Độ trễ', 'Mất KN', 'CT hết hạn']],
    ['5', ['Chưa TL', 'Quá hạn', 'Đúng', 'Trễ']],
    ['6', ['Tr.thái', 'Xác nhận']],
  ])('screen %s keeps the columns English keeps', async (key, titles) => {
    const app = await renderConsoleAt(80, 24, { lang: 'vi' });
    const frame = await app.press(key);
    const heading = frame.split('\n')[3] ?? '';
    for (const title of titles) expect(heading).toContain(title);
  });
});
