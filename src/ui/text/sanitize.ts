/* eslint-disable no-control-regex -- matching control characters is the point here. */
/**
 * Makes hub-supplied text safe to put on a terminal. Agency names, reasons and subjects come from the hub, so a hostile
 * or broken one could otherwise move the cursor, retitle the window or clear the screen of an operator's SSH session.
 */

/**
 * Escape sequences in their 7-bit (ESC-introduced) and 8-bit (C1) forms:
 * - string sequences OSC/DCS/SOS/PM/APC run to BEL or ST; unterminated, to the end of the text;
 * - CSI: parameters, intermediates, one final byte;
 * - any other ESC sequence: intermediates and one final byte.
 */
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

/**
 * Bidirectional embeddings, overrides and isolates, and the invisible marks that reorder
 * or hide text (U+200B–U+200F, U+061C, U+FEFF): they can make a name read as another.
 */
const BIDI_AND_INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/g;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Names repeat on every refresh (12,000 agencies, a few times a second): remember the answers.
 * Bounded, and simply emptied when full, since the working set is the registry.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 100_000;

/** Returns `text` as plain, printable, NFC-normalised text on one line. */
export function sanitize(text: string): string {
  // Fast path for the common case: printable ASCII only.
  if (/^[\u0020-\u007e]*$/.test(text)) return text;
  const known = cache.get(text);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_MAX) cache.clear();
  const clean = clean_(text);
  cache.set(text, clean);
  return clean;
}

function clean_(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BREAKS, ' ')
    .replace(CONTROL, '')
    .replace(BIDI_AND_INVISIBLE, '')
    .normalize('NFC');
}

/** `sanitize` for optional fields. */
export const sanitizeOptional = (text: string | null | undefined): string => (text == null ? '' : sanitize(text));
