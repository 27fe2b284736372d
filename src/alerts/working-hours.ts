/**
 * Office hours (giờ hành chính) in the hub's time zone: an agency is expected to send only then.
 * Vietnam keeps no daylight saving, but the zone is read through Intl so another zone works too.
 */
import { zoneOffsetMs } from '../protocol/index.js';

/** Days and hours of work in one time zone. */
interface WorkingHours {
  readonly timeZone: string;
  /** ISO weekdays, Monday = 1 … Sunday = 7. */
  readonly days: readonly number[];
  /** `HH:MM`, local time. */
  readonly start: string;
  readonly end: string;
}

const DAY = 86_400_000;

/** Weekday (ISO) and milliseconds since local midnight of an instant in a time zone. */
function localTime(at: number, timeZone: string): { weekday: number; msOfDay: number } {
  const local = at + zoneOffsetMs(at, timeZone);
  const day = Math.floor(local / DAY);
  // 1970-01-01, day 0, was a Thursday (ISO 4).
  return { weekday: ((day + 3) % 7) + 1, msOfDay: local - day * DAY };
}

const clockMs = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return (Number(h) * 60 + Number(m)) * 60_000;
};

/**
 * How long the working day has been running at `at`, in milliseconds; null outside working
 * hours. A silence is only judged once the day has run at least as long as the silence itself,
 * so the night before never counts against an agency at 07:31.
 */
export function workingTimeElapsed(at: number, hours: WorkingHours): number | null {
  const { weekday, msOfDay } = localTime(at, hours.timeZone);
  if (!hours.days.includes(weekday)) return null;
  const start = clockMs(hours.start);
  const end = clockMs(hours.end);
  if (msOfDay < start || msOfDay >= end) return null;
  return msOfDay - start;
}
