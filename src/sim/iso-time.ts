/** A durable event as served, fast: ISO 8601 UTC with the date part cached (`Date#toISOString` dominates a small event's cost). */
import { PROTOCOL_VERSION } from '../protocol/index.js';

const DAY = 86_400_000;
let cachedDay = NaN;
let cachedPrefix = '';

/** Same text as `new Date(t).toISOString()` for whole-millisecond times from 1970 on. */
function isoTime(t: number): string {
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
  return `${cachedPrefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}.${String(ms).padStart(3, '0')}Z`;
}

/** The event's message text, the envelope spelled out: the same bytes as JSON.stringify of the object, at half the cost. */
export const eventText = (seq: number, t: number, type: string, data: unknown): string =>
  `{"v":${PROTOCOL_VERSION},"seq":${seq},"ts":"${isoTime(t)}","type":${JSON.stringify(type)},"data":${JSON.stringify(data) ?? 'null'}}`;
