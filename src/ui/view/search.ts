/**
 * Filter matching that forgives missing diacritics and case: "nghe an" finds "Nghệ An",
 * as operators type on keyboards without a Vietnamese input method at 3 a.m.
 */
import { foldAscii } from '../text/ascii.js';

export const searchKey = (text: string): string => foldAscii(text.normalize('NFC')).toLowerCase();

/** A letter or digit of a search key (folded to ASCII, lower case). */
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** `word` occurs in `text` where a word of it starts. */
function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/**
 * Every space-separated word of the query starts a word of the text, in any order: "nghe an" finds "Sở Y tế Nghệ An"
 * but not "Bộ Khoa học và Công nghệ", whose "cán" merely holds an "an". A word with a digit in it may match anywhere,
 * as identifiers are typed in fragments ("41" finds 000.00.00.H41 and MCBM-041).
 */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  return words.every((w) => (/\d/.test(w) ? haystack.includes(w) : startsAWord(haystack, w)));
}
