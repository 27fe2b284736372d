/** Vietnam time: UTC+7 all year since 1975, so a fixed offset is exact; a named IANA zone goes through Intl. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The instant as Vietnam wall-clock ISO text without a zone: `2026-03-09T15:15:30`. */
const vietnamIso = (t: number): string => new Date(t + VIETNAM_OFFSET_MS).toISOString().slice(0, 19);

/** Vietnam wall-clock time of day: `14:03`. */
export const vietnamClock = (t: number): string => vietnamIso(t).slice(11, 16);

/** Vietnam date and time: `2026-03-09 14:03`. */
export const vietnamDateTime = (t: number): string => vietnamIso(t).slice(0, 16).replace('T', ' ');

/** The Vietnam date as an edXML document id writes it: `2026/03/09`. */
export const vietnamIdDate = (t: number): string => vietnamIso(t).slice(0, 10).replace(/-/g, '/');

/** Vietnam date and time with its offset: `2026-03-09T14:03:30+07:00`. */
export const vietnamTimeWithOffset = (t: number): string => `${vietnamIso(t)}+07:00`;

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset of `zone` from UTC at instant `t`, in ms (+7 h for Asia/Ho_Chi_Minh). */
export function zoneOffsetMs(t: number, zone: string): number {
  const format =
    zoneFormats.get(zone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  zoneFormats.set(zone, format);
  const parts = format.formatToParts(new Date(t));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(t / 1000) * 1000;
}
