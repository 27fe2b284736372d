/**
 * `--ascii`: for terminals and fonts without Unicode. Every character folds to exactly as many
 * ASCII characters as cells it took, so a line fitted before folding stays aligned after.
 */
import stringWidth from 'string-width';

/** Symbols the console draws, and their one-cell ASCII stand-ins. */
const SYMBOLS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  '…': '~',
  '│': '|',
  '┃': '|',
  '─': '-',
  '━': '-',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
  '├': '+',
  '┤': '+',
  '┬': '+',
  '┴': '+',
  '┼': '+',
  '●': '*',
  '○': 'o',
  '◐': 'o',
  '▲': '^',
  '▼': 'v',
  '›': '>',
  '‹': '<',
  '→': '>',
  '←': '<',
  '↑': '^',
  '↓': 'v',
  '·': '.',
  '•': '*',
  '⚠': '!',
  '✓': 'v',
  '✗': 'x',
  '×': 'x',
  '—': '-',
  '–': '-',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '█': '#',
  '▇': '#',
  '▆': '=',
  '▅': '=',
  '▄': '-',
  '▃': '-',
  '▂': '.',
  '▁': '_',
  ' ': ' ',
};

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING = /[\u0300-\u036f]/g;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function foldGrapheme(g: string): string {
  const symbol = SYMBOLS[g];
  if (symbol !== undefined) return symbol;
  const base = g.normalize('NFD').replace(COMBINING, '');
  const folded = SYMBOLS[base] ?? base;
  if (!NON_ASCII.test(folded)) return folded;
  return '?'.repeat(Math.max(stringWidth(g), 0));
}

/** Folds Vietnamese letters to their base letter (đ → d, ư → u, ệ → e) and symbols to ASCII. */
export function foldAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    out += NON_ASCII.test(segment) ? foldGrapheme(segment) : segment;
  }
  return out;
}
