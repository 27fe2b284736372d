/** Office hours (giờ hành chính) in a time zone: an agency is expected to send only then. */
import { zoneOffsetMs } from '../protocol/index.js';
import type { RulesConfig } from './config.js';

/** Days (ISO weekdays) and `HH:MM` local hours of work in one time zone. */
type WorkingHours = RulesConfig['agencySilent']['workingHours'];

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

/** How long the working day has run at `at` (ms); null outside working hours. */
export function workingTimeElapsed(at: number, hours: WorkingHours): number | null {
  const { weekday, msOfDay } = localTime(at, hours.timeZone);
  if (!hours.days.includes(weekday)) return null;
  const start = clockMs(hours.start);
  const end = clockMs(hours.end);
  if (msOfDay < start || msOfDay >= end) return null;
  return msOfDay - start;
}
