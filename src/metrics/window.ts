import { WINDOW_MS, type WindowKey } from './types.js';

/** A window as whole minutes up to the one `now` falls in: "5 min" is the current minute and the four before it. */
export type MinuteWindow = { readonly startMin: number; readonly endMin: number; readonly minutes: number };

export const MINUTE_MS = 60_000;
export const WEEK_MINUTES = 7 * 24 * 60;

export function minuteWindow(now: number, window: WindowKey | number, shiftMinutes = 0): MinuteWindow {
  const minutes = Math.max(1, Math.round((typeof window === 'number' ? window : WINDOW_MS[window]) / MINUTE_MS));
  const endMin = Math.floor(now / MINUTE_MS) - shiftMinutes;
  return { startMin: endMin - minutes + 1, endMin, minutes };
}

/**
 * Minutes of the window the cache holds figures for: all, or from its oldest rollup on. Rates divide by this, so an
 * hour of history in a 24-hour window reads as that hour's rate, not a 24th of it.
 */
export function coveredMinutes(w: MinuteWindow, oldestMinute: number | null): number {
  if (oldestMinute === null || oldestMinute <= w.startMin) return w.minutes;
  return Math.max(1, Math.min(w.minutes, w.endMin - oldestMinute + 1));
}

/** Which rollup rows cover a window: minute rows at the edges, hour rows for whole hours. */
export interface RangeParts {
  /** Inclusive minute ranges (empty when `from > to`). */
  readonly minutesBefore: readonly [number, number];
  readonly hours: readonly [number, number];
  readonly minutesAfter: readonly [number, number];
}

const EMPTY: readonly [number, number] = [1, 0];

/**
 * Splits a window so that every whole hour already folded into `rollup_hour` (hours before `foldedUntilHour`) is read
 * from there, and the rest from `rollup_minute`. Windows of two hours or less are read from minutes alone.
 */
export function rangeParts(w: MinuteWindow, foldedUntilHour: number | null): RangeParts {
  const whole = { minutesBefore: [w.startMin, w.endMin] as const, hours: EMPTY, minutesAfter: EMPTY };
  if (foldedUntilHour === null || w.minutes <= 120) return whole;
  const hStart = Math.ceil(w.startMin / 60);
  const hEnd = Math.min(Math.floor((w.endMin + 1) / 60) - 1, foldedUntilHour - 1);
  if (hStart > hEnd) return whole;
  return {
    minutesBefore: [w.startMin, hStart * 60 - 1],
    hours: [hStart, hEnd],
    minutesAfter: [(hEnd + 1) * 60, w.endMin],
  };
}
