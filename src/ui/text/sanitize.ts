/* eslint-disable no-control-regex -- matching control characters is the point here. */
/**
 * Makes hub-supplied text (agency names, reasons, subjects) safe to put on a terminal: a hostile or broken hub could
 * otherwise move the cursor, retitle the window or clear the screen of an operator's SSH session.
 */

/** Escape sequences, 7-bit and C1: OSC/DCS/SOS/PM/APC strings to BEL or ST (or the end), CSI, any other ESC. */
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?',
  ].join('|'),
  'g',
);

/** Line and tab breaks become one space: a name stays on its line. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** What is left of C0, DEL and C1 after the sequences are gone. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Bidi embeddings, overrides, isolates and invisible marks: they can make a name read as another. */
const BIDI_AND_INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Names repeat on every refresh (12,000 agencies): the answers are kept, the store emptied when full. */
const cache = new Map<string, string>();
const CACHE_MAX = 100_000;

/** Returns `text` as plain, printable, NFC-normalised text on one line. */
export function sanitize(text: string): string {
  if (/^[\u0020-\u007e]*$/.test(text)) return text;
  let clean = cache.get(text);
  if (clean !== undefined) return clean;
  if (cache.size >= CACHE_MAX) cache.clear();
  clean = text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BREAKS, ' ')
    .replace(CONTROL, '')
    .replace(BIDI_AND_INVISIBLE, '')
    .normalize('NFC');
  cache.set(text, clean);
  return clean;
}
