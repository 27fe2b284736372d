/**
 * Office hours (giờ hành chính) in the hub's time zone: an agency is expected to send only then.
 * Vietnam keeps no daylight saving, but the zone is read through Intl so another zone works too.
 */

/** Days and hours of work in one time zone. */
export interface WorkingHours {
  readonly timeZone: string;
  /** ISO weekdays, Monday = 1 … Sunday = 7. */
  readonly days: readonly number[];
  /** `HH:MM`, local time. */
  readonly start: string;
  readonly end: string;
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Weekday (ISO) and milliseconds since local midnight of an instant in a time zone. */
export function localTime(at: number, timeZone: string): { weekday: number; msOfDay: number } {
  let weekday = 0;
  let h = 0;
  let m = 0;
  let s = 0;
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'weekday') weekday = WEEKDAY[part.value] ?? 0;
    else if (part.type === 'hour') h = Number(part.value);
    else if (part.type === 'minute') m = Number(part.value);
    else if (part.type === 'second') s = Number(part.value);
  }
  return { weekday, msOfDay: ((h * 60 + m) * 60 + s) * 1000 + (at % 1000) };
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
