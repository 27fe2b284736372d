/**
 * Milliseconds of an ISO 8601 UTC instant as the protocol writes them (`2026-03-09T08:15:30Z`,
 * `2026-03-09T08:15:30.125Z`), read by hand: the cache reads one per event, and the general
 * date parser costs several times as much. Any other shape (more or fewer fraction digits, an
 * offset, a date alone) goes to `Date.parse`, so the result is always `Date.parse`'s.
 */
export function instantMs(s: string): number {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 /* Z */) return Date.parse(s);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return Date.parse(s);
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Date.parse(s);
  let ms = 0;
  if (n === 24) {
    if (s.charCodeAt(19) !== 46) return Date.parse(s);
    ms = digits(s, 20, 3);
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if ((year | month | day | hour | minute | second | ms) < 0) return Date.parse(s);
  // Out-of-range fields (month 13, 24:00, Feb 30…) are Date.parse's to judge, and so are years
  // before 100, which Date.UTC would take as 19xx.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59)
    return Date.parse(s);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The decimal number in `s[from, from + count)`, or -1 if any of it is not a digit. */
function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
