/**
 * Milliseconds of an ISO 8601 UTC instant as the protocol writes them, read by hand (the cache reads one per event,
 * `Date.parse` costs several times as much); any other shape goes to `Date.parse`, so the result is always its.
 */
export function instantMs(s: string): number {
  const n = s.length;
  // `YYYY-MM-DDTHH:MM:SS[.mmm]Z`: dashes, T, colons, the point and Z where they belong.
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 || (n === 24 && s.charCodeAt(19) !== 46))
    return Date.parse(s);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return Date.parse(s);
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Date.parse(s);
  const ms = n === 24 ? digits(s, 20, 3) : 0;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if ((year | month | day | hour | minute | second | ms) < 0) return Date.parse(s);
  // Out-of-range fields (month 13, 24:00, Feb 30…) are Date.parse's to judge.
  if (month < 1 || month > 12 || day < 1 || day > monthDays(year, month) || hour > 23 || minute > 59 || second > 59)
    return Date.parse(s);
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1_000 + ms;
}

function monthDays(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days from 1970-01-01 by integer arithmetic (H. Hinnant's days_from_civil); Date.UTC costs several times as much. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
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
