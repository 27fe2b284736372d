/** Fitting text into terminal cells by display width (decomposed Vietnamese, wide characters), not UTF-16 length. */
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

const ELLIPSIS = '…';

/**
 * Characters one cell wide each, on their own: printable ASCII, precomposed Latin and Vietnamese, punctuation, arrows,
 * box drawing and the console's marks (⚠ ✓ ✗); a text of only these is as wide as it is long. Anything else (combining
 * marks, wide characters) is measured grapheme by grapheme (test/ui/text.test.ts checks these against string-width).
 */
export const NARROW =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u26a0\u2713\u2717]*$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const widthOf = (text: string): number => (NARROW.test(text) ? text.length : stringWidth(text));

/** Cuts `text` to at most `width` cells, ending with an ellipsis when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (widthOf(text) <= width) return text;
  if (NARROW.test(text)) return `${text.slice(0, width - 1)}${ELLIPSIS}`;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}${' '.repeat(width - 1 - used)}${ELLIPSIS}`;
}

/** Exactly `width` cells: cut with an ellipsis or padded with spaces on the side away from `align`. */
export function fit(text: string, width: number, align: Align = 'left'): string {
  const cut = truncate(text, width);
  const pad = width - widthOf(cut);
  if (pad <= 0) return cut;
  return align === 'left' ? cut + ' '.repeat(pad) : ' '.repeat(pad) + cut;
}

/** `text` whole in lines of `width` cells, broken between words; as it is when it fits one. */
export const wrapWhole = (text: string, width: number): string[] =>
  widthOf(text) <= width ? [text] : wrap(text, width, Number.POSITIVE_INFINITY);

/** `text` in at most `lines` lines of `width` cells, broken between words; the last ends with … if cut. */
export function wrap(text: string, width: number, lines: number): string[] {
  if (width <= 0 || lines <= 0) return [];
  const out: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (widthOf(next) <= width) {
      line = next;
      continue;
    }
    if (out.length === lines - 1) return [...out, truncate(`${next} ${words.slice(i + 1).join(' ')}`.trim(), width)];
    if (line) out.push(line);
    line = widthOf(word) <= width ? word : truncate(word, width);
  }
  if (line) out.push(line);
  return out;
}
