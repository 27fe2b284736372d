/** The footer keeps the hints that matter most, `? help` above all, however narrow the terminal. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { translator } from '../../src/ui/i18n/translate.js';
import { fitHints, hintsFor, type KeyContext, type Binding } from '../../src/ui/keys/bindings.js';
import { renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const shown = (context: KeyContext, width: number, lang: 'en' | 'vi' = 'en', replay = false): string =>
  fitHints(hintsFor(context, replay), width, (b: Binding) => (b.hint ? translator(lang)(b.hint) : ''))
    .map((h) => `${h.keys} ${h.label}`)
    .join('  ');

describe('fitHints', () => {
  it.each([
    ['agencies', 80, 'l level  f problem  ↓/j move  Enter open  / filter  s sort  ? help  q quit'],
    ['alerts', 80, 'a ack  ↓/j move  Enter open  / filter  s sort  1–6 screens  ? help  q quit'],
    // A hint too wide for what is left steps aside for a narrower one after it.
    ['detail', 80, '←/→ section  ↓/j move  Enter open  / filter  s sort  Esc back  ? help  q quit'],
    ['list', 40, '↓/j move  Enter open  ? help  q quit'],
    ['list', 20, '? help  q quit'],
    ['list', 12, '? help'],
    ['filter', 80, 'Enter keep filter  Esc clear  ⌫ erase'],
  ] as const)('%s at %i columns: %s', (context, width, hints) => {
    expect(shown(context, width)).toBe(hints);
  });

  it('keeps help and quit in replay mode and in Vietnamese', () => {
    expect(shown('list', 80, 'en', true)).toMatch(/^P pause replay {2}\. step .*\? help {2}q quit$/);
    expect(shown('agencies', 80, 'vi')).toMatch(/\? trợ giúp {2}q thoát$/);
  });

  it('shows everything, in table order, when there is room', () => {
    expect(shown('list', 200)).toBe(
      '↓/j move  Enter open  / filter  s sort  1–6 screens  Esc back  p freeze  w window  ? help  q quit',
    );
  });
});

describe('the footer at 80 columns', () => {
  it.each([
    ['1', 'Overview'],
    ['2', 'Agencies'],
    ['3', 'Security servers'],
    ['6', 'Alerts'],
  ])('screen %s (%s) ends with ? help and q quit', async (key) => {
    const app = await renderConsoleAt(80, 24);
    const frame = await app.press(key);
    expect(frame.split('\n').at(-1)).toMatch(/\? help {2}q quit$/);
  });
});
