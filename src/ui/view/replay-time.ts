/**
 * The time typed after `:` in a replay, read as Vietnam time (UTC+7, as the header shows it): `HH:MM` on the replay
 * clock's day, or `YYYY-MM-DD HH:MM`. Null when it is neither.
 */
import { VIETNAM_OFFSET_MS, vietnamDateTime } from '../../protocol/local-time.js';

export function parseReplayTime(text: string, clock: number): number | null {
  const s = text.trim();
  const typed = /^\d{1,2}:\d{2}$/.test(s) ? `${vietnamDateTime(clock).slice(0, 10)} ${s}` : s;
  const full = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(typed);
  if (!full) return null;
  const [y, mo, d, h, mi] = full.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi) - VIETNAM_OFFSET_MS;
  // 31 February and the like roll over in Date.UTC: refuse them.
  return new Date(t + VIETNAM_OFFSET_MS).getUTCDate() === d ? t : null;
}
