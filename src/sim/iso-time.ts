/** ISO 8601 UTC for event timestamps, the date part cached: `Date#toISOString` dominates a small event's cost. */
const DAY = 86_400_000;
let cachedDay = NaN;
let cachedPrefix = '';

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** Same text as `new Date(t).toISOString()` for whole-millisecond times from 1970 on. */
export function isoTime(t: number): string {
  const day = Math.floor(t / DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  let ms = t - day * DAY;
  const h = Math.floor(ms / 3_600_000);
  ms -= h * 3_600_000;
  const m = Math.floor(ms / 60_000);
  ms -= m * 60_000;
  const s = Math.floor(ms / 1000);
  ms -= s * 1000;
  return `${cachedPrefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}.${pad(ms, 3)}Z`;
}
