/** Help explains what the incidents put on screen, in the reader's language, from the one help model. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

/** Help from the top to its end, every screenful joined. */
async function wholeHelp(lang: 'en' | 'vi'): Promise<string> {
  const app = await renderConsoleAt(120, 60, { lang });
  let all = await app.press('?');
  for (let i = 0; i < 4; i++) all += await app.press(KEY.pageDown);
  return all;
}

describe('Help on incidents', () => {
  it.each([
    ['en', 'CRIT', 'critical: act now'],
    ['en', 'WARN', 'warning: look into it soon'],
    ['en', 'firing', 'its condition has held for its time'],
    ['en', 'pending', 'not yet for its time'],
    ['en', 'acked', 'acknowledged by someone'],
    ['en', '+N', '+N folded: symptoms under their cause'],
    ['en', 'DOWN', 'its security server is down'],
    ['en', 'FLAP', 'flapping'],
    ['en', 'SIG', 'its signatures are failing'],
    ['en', 'STAT', 'no status comes back'],
    ['en', 'DUP', 'the same document again'],
    ['en', 'DLV', 'fail or stay undelivered'],
    ['en', 'QUIET', 'sent nothing for an hour'],
    ['en', 'Enter', 'on an incident (Alerts) lists the agencies it affects'],
    ['en', 'Space', 'mark or unmark the incident and move down'],
    ['en', '*', 'marked with Space'],
    ['vi', 'KHẨN', 'khẩn: xử lý ngay'],
    ['vi', 'CB', 'cảnh báo (CB): cần xem sớm'],
    ['vi', 'đã nhận', 'đã có người xác nhận'],
    ['vi', 'MẤT', 'máy chủ bảo mật mất kết nối'],
    ['vi', 'TT', 'không phản hồi trạng thái'],
    ['vi', 'Enter', 'các cơ quan bị ảnh hưởng'],
    ['vi', 'Space', 'rồi xuống dòng dưới'],
  ] as const)('(%s) %s: %s', async (lang, mark, text) => {
    const help = await wholeHelp(lang);
    const line = help.split('\n').find((l) => l.includes(text) && l.trimStart().startsWith(`${mark} `));
    expect(line, help).toBeDefined();
  });
});
