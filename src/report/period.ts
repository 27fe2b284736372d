/**
 * The report's period [from, to), in the hub's days (Asia/Ho_Chi_Minh, whatever the machine's zone): a date
 * (`2019-08-12`, `12/08/2019`) is the whole local day, `--to`'s included; an instant with a zone is taken as is.
 */
import { fill, type Messages } from '../messages.js';
import { zoneOffsetMs } from '../protocol/index.js';

export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A period argument's problems, English and Vietnamese; the commands' table holds them too. */
export const PERIOD_MESSAGES = {
  'period.notDate': ['{flag}: "{value}" is not a calendar date', '{flag}: "{value}" không phải ngày có thật'],
  'period.format': [
    '{flag}: expected a date like 2019-08-12 or 12/08/2019, or an instant like 2019-08-12T10:00:00+07:00, got "{value}"',
    '{flag}: cần một ngày như 2019-08-12 hoặc 12/08/2019, hoặc một thời điểm như 2019-08-12T10:00:00+07:00, nhận được "{value}"',
  ],
  'period.order': ['--to must come after --from (got {from} … {to})', '--to phải sau --from (nhận được {from} … {to})'],
} satisfies Messages;

/** A period argument that cannot be read, with the reason in words. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  constructor(
    /** `notDate`: no such day; `format`: not a date or instant; `order`: the end before the start. */
    readonly problem: 'notDate' | 'format' | 'order',
    readonly params: Readonly<Record<'flag' | 'value', string> & Partial<Record<'from' | 'to', string>>>,
  ) {
    super(fill(PERIOD_MESSAGES[`period.${problem}`][0], (name) => params[name as keyof typeof params]));
  }
}

/** The instant local midnight starts the given calendar day in `zone`. */
function zonedMidnight(year: number, month: number, day: number, zone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  // A second pass settles days whose offset differs from the guess's (DST zones).
  return guess - zoneOffsetMs(guess - zoneOffsetMs(guess, zone), zone);
}

/** A bound's instant: a date's local midnight (`day`), or the instant itself. */
function parseBound(text: string, zone: string, flag: string): { day: boolean; at: number } {
  const trimmed = text.trim();
  const [iso, vn] = [ISO_DATE.exec(trimmed), VN_DATE.exec(trimmed)];
  if (iso || vn) {
    const [y = 0, mo = 0, d = 0] = (iso ? [iso[1], iso[2], iso[3]] : [vn![3], vn![2], vn![1]]).map(Number);
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
      throw new PeriodError('notDate', { flag, value: text });
    return { day: true, at: zonedMidnight(y, mo, d, zone) };
  }
  const at = INSTANT.test(trimmed) ? Date.parse(trimmed) : NaN;
  if (!Number.isFinite(at)) throw new PeriodError('format', { flag, value: text });
  return { day: false, at };
}

/** [from, to) from the two arguments, by the rules above. */
export function parsePeriod(fromText: string, toText: string, zone = REPORT_TIME_ZONE): { from: number; to: number } {
  const from = parseBound(fromText, zone, '--from').at;
  const t = parseBound(toText, zone, '--to');
  // The day after, found by calendar rather than +24 h so a zone with DST still gets whole days.
  const local = new Date(t.at + zoneOffsetMs(t.at, zone) + DAY_MS);
  const to = t.day ? zonedMidnight(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), zone) : t.at;
  if (to <= from) throw new PeriodError('order', { flag: '--to', value: toText, from: fromText, to: toText });
  return { from, to };
}

/** `dd/MM/yyyy HH:mm` in `zone`, as the seed reports print dates. */
export function formatLocalDateTime(t: number, zone: string = REPORT_TIME_ZONE): string {
  const [date, time] = new Date(t + zoneOffsetMs(t, zone)).toISOString().split('T') as [string, string];
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
}

/** The first and last day a period covers: one ending at local midnight ends the day before. */
export function formatPeriod(from: number, to: number, zone: string = REPORT_TIME_ZONE): { from: string; to: string } {
  const endsAtMidnight = (to + zoneOffsetMs(to, zone)) % DAY_MS === 0;
  const day = (t: number): string => formatLocalDateTime(t, zone).slice(0, 10);
  return { from: day(from), to: day(endsAtMidnight ? to - 1 : to) };
}
