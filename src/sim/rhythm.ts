/** The hub's daily and weekly rhythm in Vietnam time: offices 7:30–17:00 Monday to Friday; nights quiet, not silent. */
import { VIETNAM_OFFSET_MS } from '../protocol/index.js';

export const SEC = 1_000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Minutes after local midnight where office hours open and close. */
const WORK_OPENS_MIN = 7 * 60 + 30;
const WORK_CLOSES_MIN = 17 * 60;

/** 0 Sunday … 6 Saturday, local (1970-01-01 was a Thursday). */
const localWeekday = (t: number): number => (Math.floor((t + VIETNAM_OFFSET_MS) / DAY) + 4) % 7;

const weekend = (t: number): boolean => localWeekday(t) % 6 === 0;
/** Simulated times are all after 1970: never negative. */
const msOfLocalDay = (t: number): number => (t + VIETNAM_OFFSET_MS) % DAY;
const localMinuteOfDay = (t: number): number => msOfLocalDay(t) / MIN;
/** The start of `t`'s local day. */
export const localMidnight = (t: number): number => t - msOfLocalDay(t);

/** Activity from 22:00 to 06:30 local. */
const NIGHT = 0.005;

/** Relative sending activity at `t`: 1 at the morning peak, lunch dip, overtime to 19:00, Saturday morning duty. */
export function activityAt(t: number): number {
  const day = localWeekday(t);
  const m = localMinuteOfDay(t);
  if (day === 0) return 0.01;
  if (day === 6) return m >= WORK_OPENS_MIN && m < 11 * 60 + 30 ? 0.12 : 0.01;
  if (m < 6 * 60 + 30) return NIGHT;
  if (m < WORK_OPENS_MIN) return 0.15;
  if (m < 11 * 60 + 30) return 1;
  if (m < 13 * 60) return 0.35;
  if (m < WORK_CLOSES_MIN) return 0.9;
  if (m < 19 * 60) return 0.25;
  if (m < 22 * 60) return 0.02;
  return NIGHT;
}

/** The highest value {@link activityAt} returns; used to thin a constant-rate process. */
export const PEAK_ACTIVITY = 1;

/** Sum of activity over one week, in activity-milliseconds (computed once, minute by minute). */
const WEEKLY_ACTIVITY_MS: number = (() => {
  // 2024-01-01 00:00 local was a Monday; any week works, the rhythm repeats.
  const monday = Date.UTC(2024, 0, 1) - VIETNAM_OFFSET_MS;
  let sum = 0;
  for (let i = 0; i < 7 * 24 * 60; i++) sum += activityAt(monday + i * 60_000 + 30_000);
  return sum * 60_000;
})();

const WEEKS_PER_YEAR = 365.2425 / 7;

/** Per-millisecond rate at peak activity such that a year of the rhythm adds up to `perYear`. */
export const peakRatePerMs = (perYear: number): number => perYear / (WEEKS_PER_YEAR * WEEKLY_ACTIVITY_MS);

export function isWorkingTime(t: number): boolean {
  const m = localMinuteOfDay(t);
  return !weekend(t) && m >= WORK_OPENS_MIN && m < WORK_CLOSES_MIN;
}

/** `t` itself in office hours, otherwise the next opening (7:30 on the next working day). */
export function nextWorkingTime(t: number): number {
  if (isWorkingTime(t)) return t;
  let opening = localMidnight(t) + WORK_OPENS_MIN * MIN;
  if (opening <= t) opening += DAY;
  while (weekend(opening)) opening += DAY;
  return opening;
}
