/**
 * The hub's local time. Instants travel in UTC; operators read them in Vietnam time, which has
 * kept UTC+7 all year since 1975 (no daylight saving), so a fixed offset is exact.
 */
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
