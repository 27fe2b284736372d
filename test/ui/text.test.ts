/* eslint-disable no-control-regex -- matching control characters is the point here. */
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { fit, NARROW, truncate, widthOf, wrap } from '../../src/ui/text/fit.js';
import { foldAscii } from '../../src/ui/text/ascii.js';
import { durationCell, formatAgo, formatDurationShort, formatSpan } from '../../src/ui/text/format-time.js';
import { formatCount, formatLatency, formatPercent, formatRate } from '../../src/ui/text/format-number.js';
import { sanitize } from '../../src/ui/text/sanitize.js';
import { sparkline } from '../../src/ui/text/sparkline.js';
import { matchesQuery, searchKey } from '../../src/ui/view/search.js';
import { langFromEnv } from '../../src/config/load.js';
import { translator, MESSAGES } from '../../src/ui/i18n/translate.js';

const ESC = '\u001b';

describe('sanitize', () => {
  it.each([
    ['plain ASCII stays', 'UBND Tinh Nghe An', 'UBND Tinh Nghe An'],
    ['CSI colour and cursor moves', `${ESC}[31mĐỏ${ESC}[0m ${ESC}[2J${ESC}[H`, 'Đỏ '],
    ['OSC window title ended by BEL', `A${ESC}]0;pwned\u0007B`, 'AB'],
    ['OSC hyperlink ended by ST', `A${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\B`, 'AlinkB'],
    ['DCS to ST', `A${ESC}Pq#0;2;0;0;0${ESC}\\B`, 'AB'],
    ['unterminated OSC swallows the rest', `Name${ESC}]2;title`, 'Name'],
    ['8-bit CSI, NEL as a break, DCS', 'A\u009b2JB\u0085C\u0090x\u009cD', 'AB CD'],
    ['two-byte escapes (RIS, save cursor)', `A${ESC}cB${ESC}7C`, 'ABC'],
    ['C0 controls and DEL', 'A\u0000\u0007\u0008B\u007fC', 'ABC'],
    ['line breaks and tabs become a space', 'Sở\r\nNội vụ\tHà Nội', 'Sở Nội vụ Hà Nội'],
    ['bidi overrides and isolates', 'abc\u202edcba\u2066x\u2069', 'abcdcbax'],
    ['lone surrogates', 'a\ud800b\udc00c', 'a\ufffdb\ufffdc'],
    ['a valid surrogate pair stays', 'a😀b', 'a😀b'],
    ['decomposed Vietnamese is composed (NFC)', 'Nghe\u0302\u0323 An', 'Nghệ An'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('leaves nothing a terminal would act on', () => {
    const nasty = `${ESC}[2J${ESC}]0;x\u0007${ESC}[10;10H\u009b31m\u0007\r`;
    expect(sanitize(`X${nasty}Y`)).toMatch(/^[^\u0000-\u001f\u007f-\u009f]*$/);
  });
});

describe('fit', () => {
  it.each([
    ['pads left-aligned', 'abc', 5, 'left', 'abc  '],
    ['pads right-aligned', '42', 5, 'right', '   42'],
    ['cuts with an ellipsis', 'abcdefgh', 5, 'left', 'abcd…'],
    ['composed Vietnamese', 'Nghệ An', 9, 'left', 'Nghệ An  '],
    ['decomposed Vietnamese counts cells, not code units', 'Nghe\u0302\u0323 An', 9, 'left', 'Nghe\u0302\u0323 An  '],
    ['cut keeps combining marks with their letter', 'Nghe\u0302\u0323 An', 4, 'left', 'Ngh…'],
    ['wide characters never split', '中文字', 4, 'left', '中 …'],
    ['zero width', 'abc', 0, 'left', ''],
  ] as const)('%s', (_name, text, width, align, expected) => {
    const out = fit(text, width, align);
    expect(out).toBe(expected);
    expect(stringWidth(out)).toBe(width);
  });

  it('counts a narrow text by its length exactly where string-width says each of its characters is one cell', () => {
    for (let c = 0x20; c < 0x3000; c++) {
      const ch = String.fromCodePoint(c);
      if (NARROW.test(ch)) expect(stringWidth(ch), `U+${c.toString(16)}`).toBe(1);
    }
    expect(NARROW.test('\u00ad')).toBe(false);
    expect(NARROW.test('Ha\u0300 No\u0302\u0323i')).toBe(false);
    expect(widthOf('Ha\u0300 No\u0302\u0323i')).toBe(6);
    expect(truncate('Ủy ban nhân dân tỉnh Lạng Sơn', 10)).toBe('Ủy ban nh…');
    expect(truncate('Ủy ban nhân dân 全国', 19)).toBe('Ủy ban nhân dân 全…');
  });

  it('truncate leaves short text alone', () => {
    expect(truncate('Hà Nội', 10)).toBe('Hà Nội');
    expect(widthOf('Hà Nội')).toBe(6);
  });
});

describe('foldAscii', () => {
  it.each([
    ['đ and Đ', 'Đồng Nai, đường', 'Dong Nai, duong'],
    ['horned letters', 'Sở Tư pháp, Ủy ban', 'So Tu phap, Uy ban'],
    ['decomposed input', 'Nghe\u0302\u0323', 'Nghe'],
    ['symbols keep one cell', '│▁▂█…●▲▼›', '|_.#~*^v>'],
    ['ASCII stays', 'abc 123', 'abc 123'],
    ['wide characters keep their two cells', '中', '??'],
  ])('%s', (_name, input, expected) => {
    expect(foldAscii(input)).toBe(expected);
    expect(stringWidth(foldAscii(input))).toBe(stringWidth(input));
  });
});

describe('formatting', () => {
  const now = Date.UTC(2024, 2, 12, 3, 0, 0);
  it.each([
    ['vi', 12 * 60_000, '12 phút trước'],
    ['en', 12 * 60_000, '12 minutes ago'],
    ['vi', 5_000, '5 giây trước'],
    ['en', 3 * 3_600_000, '3 hours ago'],
  ] as const)('formatAgo %s %d', (lang, ago, expected) => {
    expect(formatAgo(now - ago, now, lang)).toBe(expected);
  });

  it('formatSpan', () => {
    expect(formatSpan(2 * 86_400_000, 'vi')).toBe('2 ngày');
    expect(formatSpan(90_000, 'en')).toBe('2 minutes');
  });

  it.each([
    [3 * 86_400_000 + 5, 'en', '3d'],
    [3 * 86_400_000, 'vi', '3 ngày'],
    [12 * 60_000 + 59_000, 'en', '12 min'],
    [47 * 60_000, 'vi', '47 phút'],
    [47 * 3_600_000, 'en', '1d 23h'],
    [47 * 3_600_000, 'vi', '1 ngày 23 giờ'],
    [5 * 3_600_000 + 12 * 60_000, 'en', '5h 12m'],
    [5 * 3_600_000 + 12 * 60_000, 'vi', '5 giờ 12 phút'],
    [45_000, 'vi', '45 giây'],
    [10, 'en', '0 s'],
  ] as const)('formatDurationShort %d %s', (ms, lang, expected) => {
    expect(formatDurationShort(ms, lang)).toBe(expected);
  });

  it.each([
    [31 * 3_600_000, 'vi', '1 ngày'],
    [31 * 3_600_000, 'en', '1d'],
    [47 * 60_000, 'vi', '47 phút'],
    [5 * 3_600_000 + 60_000, 'en', '5h'],
  ] as const)('durationCell %d %s, short', (ms, lang, expected) => {
    expect(durationCell(ms, lang).short).toBe(expected);
  });

  it.each([
    [formatCount, 1234567, 'vi', '1.234.567'],
    [formatCount, 1234567, 'en', '1,234,567'],
    [formatRate, 4.25, 'vi', '4,3'],
    [formatRate, 4.25, 'en', '4.3'],
    [formatRate, 0, 'en', '0'],
    [formatRate, 123.4, 'en', '123'],
    // A latency keeps to the Servers screen's seven cells in both languages.
    [formatLatency, 85.4, 'en', '85 ms'],
    [formatLatency, 999.4, 'vi', '999 ms'],
    [formatLatency, 1365, 'vi', '1,4 s'],
    [formatLatency, 1365, 'en', '1.4 s'],
    [formatLatency, 12_345, 'vi', '12,3 s'],
    [formatLatency, 123_456, 'vi', '123 s'],
  ] as const)('%o(%d, %s)', (f, n, lang, expected) => {
    expect(f(n, lang)).toBe(expected);
  });

  it.each([
    [0.042, 'vi', '4,2%'],
    [0.042, 'en', '4.2%'],
    [null, 'en', '–'],
  ] as const)('formatPercent(%s, %s)', (share, lang, expected) => {
    expect(formatPercent(share, lang)).toBe(expected);
  });
});

describe('sparkline', () => {
  it.each([
    [[0, 1, 2, 3, 4, 5, 6, 7], 8, '▁▂▃▄▅▆▇█'],
    [[0, 0, 0], 3, '▁▁▁'],
    [[5], 4, '▁▁▁█'],
    [[1, 1, 1, 1, 2, 2, 2, 2], 2, '▅█'],
  ])('%j in %d cells', (values, width, expected) => {
    expect(sparkline(values, width)).toBe(expected);
  });
});

describe('i18n', () => {
  it.each([
    [{ LANG: 'vi_VN.UTF-8' }, 'vi'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'vi_VN.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LC_MESSAGES: 'vi' }, 'vi'],
    [{}, 'en'],
  ])('langFromEnv(%j) = %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });

  it('both catalogues have every key, none empty', () => {
    for (const [k, [en, vi]] of Object.entries(MESSAGES)) expect([en, vi].includes(''), k).toBe(false);
  });

  it('fills placeholders', () => {
    expect(translator('vi')('header.lag', { n: 12 })).toBe('trễ 12');
    expect(translator('en')('filter.matches', { n: 3, total: 95 })).toBe('3 of 95');
  });
});

describe('filter matching', () => {
  const hay = (text: string) => searchKey(text);
  it('matches each word at the start of a word, diacritics and case forgiven, in any order', () => {
    expect(matchesQuery(hay('Sở Y tế Nghệ An'), 'nghe an')).toBe(true);
    expect(matchesQuery(hay('UBND Tỉnh Nghệ An'), 'an nghe')).toBe(true);
    expect(matchesQuery(hay('UBND Tỉnh Nghệ An'), 'NGHỆ')).toBe(true);
    expect(matchesQuery(hay('UBND Tỉnh Nghệ An'), 'ngh')).toBe(true);
  });
  it('does not match a word inside another word', () => {
    expect(matchesQuery(hay('Vụ Tổ chức cán bộ, Bộ Khoa học và Công nghệ'), 'nghe an')).toBe(false);
    expect(matchesQuery(hay('Bộ Tài chính'), 'inh')).toBe(false);
  });
  it('matches identifiers by fragments, after a dot or a dash or anywhere for a word with a digit', () => {
    expect(matchesQuery(hay('UBND Tỉnh Nghệ An 000.00.00.H41'), 'h41')).toBe(true);
    expect(matchesQuery(hay('UBND Tỉnh Nghệ An 000.00.00.H41'), '41')).toBe(true);
    expect(matchesQuery(hay('MCBM-041 Máy chủ'), '041')).toBe(true);
    expect(matchesQuery(hay('UBND Tỉnh Nghệ An 000.00.00.H41'), 'h42')).toBe(false);
  });
});

describe('wrap', () => {
  it('breaks between words and ends what does not fit with an ellipsis', () => {
    expect(wrap('Security server Máy chủ bảo mật Nghệ An disconnected', 20, 3)).toEqual([
      'Security server Máy',
      'chủ bảo mật Nghệ An',
      'disconnected',
    ]);
    expect(wrap('Security server Máy chủ bảo mật Nghệ An disconnected', 20, 2)).toEqual([
      'Security server Máy',
      'chủ bảo mật Nghệ An…',
    ]);
    expect(wrap('short', 20, 2)).toEqual(['short']);
    expect(wrap('000.00.00.H41,2026/11/19,1497/BGTVT-VP', 10, 2)).toEqual(['000.00.00…']);
  });
});
