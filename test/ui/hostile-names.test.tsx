/* eslint-disable no-control-regex -- matching control characters is the point here. */
/** A registry whose names carry escape sequences and control characters leaves the screen unaffected. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { fixtureData, fixtureMetrics } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const ESC = '\u001b';
const HOSTILE = [
  `${ESC}[2J${ESC}[HUBND ${ESC}[31mĐỏ${ESC}[0m`, // clear screen, home, colour
  `${ESC}]0;pwned\u0007Sở ${ESC}]8;;http://evil${ESC}\\Nội vụ${ESC}]8;;${ESC}\\`, // retitle, hyperlink
  `Xã\r\nGhost\u0008\u0008\u0007\u009b2J\u202eLiên\u0000`, // CR/LF, backspace, bell, C1 CSI, bidi override
];

describe('hostile hub-supplied names', () => {
  it('never reach the terminal as control sequences', async () => {
    const data = fixtureData();
    data.agencies.forEach((a, i) => {
      if (i < HOSTILE.length) a.name = HOSTILE[i] ?? a.name;
    });
    data.stream = { ...data.stream, hubName: `${ESC}]2;evil title\u0007Hub${ESC}[1A` };
    const servers = data.servers ?? [];
    if (servers[0]) servers[0] = { ...servers[0], name: `${ESC}[?1049hMCBM${ESC}[?25l` };
    const app = await renderConsoleAt(80, 24, { metrics: fixtureMetrics(data) });
    const frames: string[] = [app.frame()];
    frames.push(await app.press('2', 'l', 'l', 'l', 'l'));
    frames.push(await app.press(KEY.enter));
    frames.push(await app.press('3'));
    frames.push(await app.press('4'));
    for (const frame of frames) {
      // No ESC, no C0/C1 control but the newlines between lines, no bidi override.
      expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(24);
      expect(lines.filter((l) => stringWidth(l) > 80)).toEqual([]);
    }
    expect(frames[0]).toContain('hubmon Hub  ● live');
    expect(frames[1]).toContain('UBND Đỏ');
    expect(frames[1]).toContain('Sở Nội vụ');
    expect(frames[1]).toContain('Xã Ghost');
  });
});
