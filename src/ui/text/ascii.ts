/* eslint-disable no-control-regex -- matching control characters is the point here. */
/**
 * `--ascii`: for terminals and fonts without Unicode. Every character folds to exactly as many ASCII characters as
 * cells it took, so a line fitted before folding stays aligned after.
 */
import stringWidth from 'string-width';

/** Symbols the console draws, grouped by their one-cell ASCII stand-in. */
const STAND_INS: readonly (readonly [string, string])[] = [
  ['đ', 'd'],
  ['Đ', 'D'],
  ['…', '~'],
  ['│┃', '|'],
  ['─━—–▄▃', '-'],
  ['┌┐└┘├┤┬┴┼', '+'],
  ['●•', '*'],
  ['○◐', 'o'],
  ['▲↑', '^'],
  ['▼↓✓', 'v'],
  ['›→', '>'],
  ['‹←', '<'],
  ['·▂', '.'],
  ['⚠', '!'],
  ['✗×', 'x'],
  ['“”', '"'],
  ['‘’', "'"],
  ['█▇', '#'],
  ['▆▅', '='],
  ['▁', '_'],
];
const SYMBOLS: Readonly<Record<string, string>> = Object.fromEntries(
  STAND_INS.flatMap(([symbols, standIn]) => [...symbols].map((symbol) => [symbol, standIn])),
);

const NON_ASCII = /[^\u0000-\u007f]/;
const NON_ASCII_CHAR = /[^\u0000-\u007f]/gu;
const COMBINING = /[\u0300-\u036f]/g;

/** Folds Vietnamese letters to their base letter (đ → d, ư → u, ệ → e) and symbols to ASCII. */
export function foldAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  // Decomposing puts every Vietnamese diacritic in U+0300–U+036F, after its base letter.
  const bare = text.normalize('NFD').replace(COMBINING, '');
  // What is left after the diacritics are gone: a known symbol, or "?" per cell it took.
  return NON_ASCII.test(bare) ? bare.replace(NON_ASCII_CHAR, (ch) => SYMBOLS[ch] ?? '?'.repeat(stringWidth(ch))) : bare;
}
