import { describe, expect, it } from 'vitest';
import { translate } from '../../src/ui/i18n/translate.js';
import { formatFlow } from '../../src/ui/text/format-number.js';

describe('a flow of documents with its unit', () => {
  it.each([
    ['en', 0.05, '3/h'],
    ['vi', 0.05, '3/giờ'],
    ['en', 0.5, '30/h'],
    ['en', 0, '0/min'],
    ['en', 1, '1.0/min'],
    ['vi', 4.25, '4,3/ph'],
    ['en', 1234, '1,234/min'],
  ] as const)('%s %d a minute reads %s', (lang, perMin, shown) => {
    expect(formatFlow(perMin, lang, (key, params) => translate(lang, key, params))).toBe(shown);
  });
});
