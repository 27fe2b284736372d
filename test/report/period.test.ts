import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from '../../src/protocol/index.js';
import { formatLocalDateTime, formatPeriod, parsePeriod, PeriodError } from '../../src/report/period.js';

const H = 3_600_000;

describe('report period', () => {
  it('takes dates as whole local days in Asia/Ho_Chi_Minh, both ends included', () => {
    const p = parsePeriod('2019-01-01', '2019-08-12');
    expect(p.from).toBe(Date.UTC(2019, 0, 1) - 7 * H);
    expect(p.to).toBe(Date.UTC(2019, 7, 13) - 7 * H);
    expect(formatPeriod(p.from, p.to)).toEqual({ from: '01/01/2019', to: '12/08/2019' });
  });

  it.each([
    ['12/08/2019', '2019-08-12'],
    ['1/2/2020', '2020-02-01'],
  ])('reads the Vietnamese form %s as %s', (vn, iso) => {
    expect(parsePeriod(vn, vn)).toEqual(parsePeriod(iso, iso));
  });

  it('takes instants as they are, the end exclusive', () => {
    const p = parsePeriod('2026-11-22T02:00:00Z', '2026-11-22T10:00:00+07:00');
    expect(p).toEqual({ from: Date.UTC(2026, 10, 22, 2), to: Date.UTC(2026, 10, 22, 3) });
    expect(formatPeriod(p.from, p.to)).toEqual({ from: '22/11/2026', to: '22/11/2026' });
  });

  it('crosses the year in local time', () => {
    const p = parsePeriod('2025-12-31', '2025-12-31');
    expect(p.to - p.from).toBe(24 * H);
    expect(new Date(p.from).toISOString()).toBe('2025-12-30T17:00:00.000Z');
  });

  it.each([
    ['2019-02-30', '2019-03-01', /not a calendar date/],
    ['yesterday', '2019-03-01', /expected a date/],
    ['2019-03-02', '2019-03-01', /must come after/],
    ['2019-03-01T10:00', '2019-03-02', /expected a date/],
  ])('refuses %s … %s', (from, to, why) => {
    expect(() => parsePeriod(from, to)).toThrow(PeriodError);
    expect(() => parsePeriod(from, to)).toThrow(why);
  });

  it.each([
    ['2026-11-23T09:36:26.711Z', 'Asia/Ho_Chi_Minh', '23/11/2026 16:36'],
    ['2026-11-22T17:30:00Z', 'Asia/Ho_Chi_Minh', '23/11/2026 00:30'],
    ['2026-11-22T17:30:00Z', 'UTC', '22/11/2026 17:30'],
  ])('writes the instant %s as %s sees it', (iso, zone, text) => {
    expect(formatLocalDateTime(Date.parse(iso), zone)).toBe(text);
  });

  it('knows the zone offset', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Ho_Chi_Minh')).toBe(7 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'UTC')).toBe(0);
  });
});
