/**
 * Filter matching that forgives missing diacritics and case: "nghe an" finds "Nghệ An",
 * as operators type on keyboards without a Vietnamese input method at 3 a.m.
 */
import { foldAscii } from '../text/ascii.js';

export const searchKey = (text: string): string => foldAscii(text.normalize('NFC')).toLowerCase();

/** Every space-separated word of the query occurs in the text. */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  return words.every((w) => haystack.includes(w));
}
