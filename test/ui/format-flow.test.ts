import { describe, expect, it } from 'vitest';
import { translator } from '../../src/ui/i18n/translate.js';
import { formatFlows } from '../../src/ui/text/format-number.js';

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
    expect(formatFlows(perMin, 0, lang, translator(lang)).sent).toBe(shown);
  });

  it('sent and received side by side share the unit of the larger', () => {
    const t = translator('en');
    expect(formatFlows(0.6, 2.3, 'en', t)).toEqual({ sent: '0.6/min', recv: '2.3/min' });
    expect(formatFlows(0.6, 0.05, 'en', t)).toEqual({ sent: '36/h', recv: '3/h' });
    expect(formatFlows(3, 0, 'en', t)).toEqual({ sent: '3.0/min', recv: '0/min' });
  });
});
