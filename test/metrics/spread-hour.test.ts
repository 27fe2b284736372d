import { describe, expect, it } from 'vitest';
import { hourSpread } from '../../src/metrics/throughput.js';
import type { MinuteWindow } from '../../src/metrics/window.js';

/** The reference: minute by minute. */
function naive(w: MinuteWindow, n: number, firstMinute: number, count: number): number[] {
  const spark = new Array<number>(n).fill(0);
  for (let m = firstMinute; m < firstMinute + 60; m++) {
    if (m < w.startMin || m > w.endMin) continue;
    spark[Math.floor(((m - w.startMin) * n) / w.minutes)]! += count / 60;
  }
  return spark;
}

describe('hourSpread', () => {
  it.each([
    { start: 1023, minutes: 1440, n: 24, hour: 1020 }, // hour starts before the window
    { start: 1023, minutes: 1440, n: 24, hour: 1140 },
    { start: 0, minutes: 1440, n: 48, hour: 600 }, // aligned, two buckets per hour
    { start: 7, minutes: 1440, n: 7, hour: 180 }, // bucket length not a whole number of minutes
    { start: 7, minutes: 1440, n: 1000, hour: 1380 }, // many narrow buckets
    { start: 100, minutes: 1440, n: 24, hour: 100 + 1440 - 30 }, // runs past the window's end
  ])('matches the minute-by-minute split: start $start, $n buckets, hour at $hour', ({ start, minutes, n, hour }) => {
    const w: MinuteWindow = { startMin: start, endMin: start + minutes - 1, minutes };
    const spark = new Array<number>(n).fill(0);
    const spread = hourSpread(n, w, hour);
    for (let j = 0; j < spread.length; j += 2) spark[spread[j]!]! += spread[j + 1]!;
    naive(w, n, hour, 60).forEach((v, i) => expect(spark[i]).toBeCloseTo(v, 9));
  });
});
