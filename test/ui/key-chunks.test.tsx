/** Several keys in one read from the terminal (key repeat, type-ahead over SSH): each acts, in order. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Key } from 'ink';
import { keyPresses } from '../../src/ui/keys/key-presses.js';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const selectedLine = (frame: string): string => frame.split('\n').find((l) => l.startsWith('›')) ?? '';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keyPresses', () => {
  it.each([
    ['one key', 'j', noKey, [['j', 'j']]],
    [
      'a run of one key',
      'jjj',
      noKey,
      [
        ['j', 'j'],
        ['j', 'j'],
        ['j', 'j'],
      ],
    ],
    [
      'a run of keys',
      'Gk',
      noKey,
      [
        ['G', 'G'],
        ['k', 'k'],
      ],
    ],
    [
      'a run ending in Enter',
      'kk\r',
      noKey,
      [
        ['k', 'k'],
        ['k', 'k'],
        ['enter', null],
      ],
    ],
    [
      'backspace and Tab in a run',
      'ab\u007f\t',
      noKey,
      [
        ['a', 'a'],
        ['b', 'b'],
        ['backspace', null],
        ['tab', null],
      ],
    ],
    [
      'Ctrl keys in a run',
      'j\u0006\u0003',
      noKey,
      [
        ['j', 'j'],
        ['ctrl-f', null],
        ['ctrl-c', null],
      ],
    ],
    [
      'Vietnamese letters',
      'Đà',
      noKey,
      [
        ['Đ', 'Đ'],
        ['à', 'à'],
      ],
    ],
    ['an arrow', '', { ...noKey, downArrow: true }, [['down', null]]],
    ['Esc', '', { ...noKey, escape: true, meta: true }, [['esc', null]]],
    ['Alt-j', 'j', { ...noKey, meta: true }, [['j', null]]],
    ['Ctrl-b', 'b', { ...noKey, ctrl: true }, [['ctrl-b', null]]],
  ] as const)('%s', (_name, input, key, presses) => {
    expect(keyPresses(input, key).map((p) => [p.name, p.text])).toEqual(presses);
  });
});

describe('keys that arrive together', () => {
  /** Agencies at every level, by shown name: 000.00.01.H41, 000.00.00.H41, 000.00.00.G22, 000.01.01.H41, 000.02.01.H41. */
  const agencies = async () => {
    const app = await renderConsoleAt(80, 24);
    await app.press('2', 'l', 'l', 'l', 'l');
    expect(selectedLine(app.frame())).toContain('000.00.01.H41');
    return app;
  };
  const on = (id: string) => (frame: string) => selectedLine(frame).includes(id);

  it.each([
    ['jjj', '000.01.01.H41'],
    [KEY.down.repeat(3), '000.01.01.H41'],
    [`j${KEY.down}j`, '000.01.01.H41'],
    [`${KEY.down}jj${KEY.up}${KEY.down}`, '000.01.01.H41'],
    ['Gk', '000.01.01.H41'],
    [`G${KEY.up}k`, '000.00.00.G22'],
    [`${KEY.pageDown}kk`, '000.00.00.G22'],
  ])('%j moves the cursor key by key', async (chunk, id) => {
    const app = await agencies();
    app.stdin.write(chunk);
    expect(selectedLine(await app.settle(on(id)))).toContain(id);
  });

  it('opens the agency the cursor reached, not the one it started on', async () => {
    const app = await agencies();
    app.stdin.write('Gk\r');
    expect(await app.settle((f) => f.includes('UBND Xã Kim Liên ‹'))).toContain('UBND Xã Kim Liên ‹');
  });

  it('switches screens one after the other', async () => {
    const app = await renderConsoleAt(80, 24);
    app.stdin.write('42');
    expect(await app.settle((f) => f.includes('Agencies · level 1'))).toContain('Agencies · level 1');
  });

  it('acts on the screen a key switched to, not on the one drawn before it', async () => {
    const app = await agencies();
    const server = /MCBM-\d+/.exec(selectedLine(await app.press('3')))![0];
    await app.press('2');
    expect(selectedLine(app.frame())).not.toContain(server);
    app.stdin.write('3\r');
    // Enter opens the server under the Servers list's cursor, not the server of the agency selected before.
    expect(await app.settle((f) => f.includes('Agencies behind'))).toContain(`Agencies behind ${server}`);
  });

  it('types what follows / into the filter, and Enter keeps it', async () => {
    const app = await agencies();
    app.stdin.write('/xa kim\r');
    const kept = await app.settle((f) => f.includes('filter “xa kim” 1 of 5'));
    expect(kept).toContain('filter “xa kim” 1 of 5');
    expect(selectedLine(kept)).toContain('000.01.01.H41');
  });

  it('keeps text pasted into the filter whole, and Esc still cancels it', async () => {
    const app = await agencies();
    await app.press('/');
    app.stdin.write('kim j');
    expect(await app.settle((f) => f.includes('Filter: kim j▏'))).toContain('Filter: kim j▏');
    app.stdin.write(`x${KEY.backspace}${KEY.backspace}`);
    expect(await app.settle((f) => f.includes('Filter: kim ▏'))).toContain('Filter: kim ▏');
    const cancelled = await app.press(KEY.esc);
    expect(cancelled).not.toContain('Filter:');
    expect(cancelled).toContain('000.02.01.H41');
  });
});
