/** Filter matching that forgives missing diacritics and case: "nghe an" finds "Nghệ An". */
import { foldAscii } from '../text/ascii.js';

export const searchKey = (text: string): string => foldAscii(text.normalize('NFC')).toLowerCase();

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1))
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true;
  return false;
}

/**
 * Every word of the query starts a word of the text, in any order ("nghe an" finds "Sở Y tế Nghệ An", not "Công
 * nghệ"); a word with a digit may match anywhere, as identifiers are typed in fragments ("41" finds MCBM-041).
 */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  return words.every((w) => (/\d/.test(w) ? haystack.includes(w) : startsAWord(haystack, w)));
}
