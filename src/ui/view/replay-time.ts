/**
 * The time typed after `:` in a replay, read as Vietnam time (UTC+7, as the header shows it): `HH:MM` on the replay
 * clock's day, or `YYYY-MM-DD HH:MM`. Null when it is neither.
 */
const LOCAL_OFFSET_MS = 7 * 3_600_000;

export function parseReplayTime(text: string, clock: number): number | null {
  const s = text.trim();
  const full = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(s);
  const short = /^(\d{1,2}):(\d{2})$/.exec(s);
  let y: number, mo: number, d: number, h: number, mi: number;
  if (full) {
    [y, mo, d, h, mi] = full.slice(1).map(Number) as [number, number, number, number, number];
  } else if (short) {
    const day = new Date(clock + LOCAL_OFFSET_MS);
    [y, mo, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    [h, mi] = short.slice(1).map(Number) as [number, number];
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi) - LOCAL_OFFSET_MS;
  // 31 February and the like roll over in Date.UTC: refuse them.
  return new Date(t + LOCAL_OFFSET_MS).getUTCDate() === d ? t : null;
}
