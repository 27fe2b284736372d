import { describe, expect, it } from 'vitest';
import { parseReplayTime } from '../../src/ui/view/replay-time.js';

// 2024-03-13 03:00 in Vietnam (UTC+7).
const CLOCK = Date.UTC(2024, 2, 12, 20, 0);

describe('parseReplayTime', () => {
  it.each([
    ['04:30', Date.UTC(2024, 2, 12, 21, 30)],
    ['4:05', Date.UTC(2024, 2, 12, 21, 5)],
    ['23:59', Date.UTC(2024, 2, 13, 16, 59)],
    ['2024-03-14 08:00', Date.UTC(2024, 2, 14, 1, 0)],
    ['2024-03-14T08:00', Date.UTC(2024, 2, 14, 1, 0)],
    [' 00:00 ', Date.UTC(2024, 2, 12, 17, 0)],
  ])('%s', (text, expected) => {
    expect(parseReplayTime(text, CLOCK)).toBe(expected);
  });

  it.each(['', 'z', '24:00', '12:60', '2024-02-30 10:00', '2024-13-01 10:00', '10', '10:5'])('refuses %j', (text) => {
    expect(parseReplayTime(text, CLOCK)).toBeNull();
  });
});
