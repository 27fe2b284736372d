/** Alert thresholds (ngưỡng cảnh báo) from `alerts.json`: every setting has a default; a bad file is reported, not fatal. */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../config/json-file.js';
import { configDir, type Env } from '../config/xdg.js';
import { describeIssue } from '../protocol/index.js';
import { parseDuration } from './duration.js';

const duration = (fallback: string) =>
  z
    .string()
    .refine((text) => parseDuration(text) !== null, 'a duration like "90s", "2m", "1h30m" or "7d"')
    .transform((text) => parseDuration(text)!)
    .prefault(fallback);

const positiveCount = (fallback: number) => z.number().int().min(1).prefault(fallback);
const ratio = (fallback: number) => z.number().min(0).max(1).prefault(fallback);

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day like "07:30"');
const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone like "Asia/Ho_Chi_Minh"' },
);

/** A rule's section: whether it runs, how long its condition must hold, how long it outlives it, its own settings. */
const rule = <T extends z.ZodRawShape>(forDefault: string, keepDefault: string, shape: T) =>
  z
    .strictObject({
      enabled: z.boolean().prefault(true),
      /** The condition must hold this long before the alert fires (Prometheus `for`). */
      for: duration(forDefault),
      /** A firing alert stays firing this long after its condition clears, against flapping. */
      keepFiringFor: duration(keepDefault),
      ...shape,
    })
    .prefault({} as never);

const rulesSchema = z.strictObject({
  /** Máy chủ bảo mật mất kết nối. */
  serverDisconnected: rule('2m', '1m', {}),
  /** Máy chủ bảo mật chập chờn: a server that keeps dropping and coming back. */
  serverFlapping: rule('0', '10m', { minDrops: positiveCount(3), criticalDrops: positiveCount(8) }),
  /** Tỷ lệ lỗi chữ ký số: failed / verified over the window, by its Wilson lower bound. */
  signatureFailures: rule('0', '5m', {
    window: duration('15m'),
    /** Documents verified in the window before any rate is judged. */
    minDocuments: positiveCount(3),
    /** Failed signatures in the window before any rate is judged. */
    minFailures: positiveCount(3),
    warningRate: ratio(0.05),
    criticalRate: ratio(0.2),
    /** z of the Wilson interval (1.96: 95 %). */
    confidence: z.number().min(0).max(5).prefault(1.96),
    /** An agency failing at this rate over the day before the window fails always: a standing problem. */
    standingWindow: duration('24h'),
  }),
  /** Cơ quan ngừng phản hồi trạng thái: documents keep arriving, no status comes back. */
  statusSilence: rule('5m', '10m', {
    silentFor: duration('15m'),
    /** Documents delivered to it in `silentFor` with no status reported. */
    minReceived: positiveCount(2),
    /** "Arrived" statuses (01) it reported in `usualWindow` before the silence: it normally does. */
    minUsual: positiveCount(4),
    /** How far back its usual reporting is judged: long enough that the silence itself weighs little. */
    usualWindow: duration('24h'),
    /** Share of what it received there that it reported "arrived" for. */
    usualShare: ratio(0.5),
  }),
  /** Gửi trùng văn bản: the same document id sent again (counted as duplicates, not documents). */
  duplicateSends: rule('0', '10m', {
    window: z.enum(['5m', '1h', '24h']).prefault('1h'),
    warningCount: positiveCount(3),
    criticalCount: positiveCount(20),
  }),
  /** Văn bản quá hạn trả lời, per recipient agency. */
  overdueReplies: rule('0', '0', {
    warningCount: positiveCount(1),
    criticalCount: positiveCount(10),
    /** The oldest unanswered document is this far past its deadline. */
    criticalAge: duration('7d'),
  }),
  /** An agency that normally sends has sent nothing for a while in working hours. */
  agencySilent: rule('0', '5m', {
    silentFor: duration('1h'),
    /** "Normally sends": at least this many sent in the same hour a week earlier… */
    minUsualPerHour: positiveCount(3),
    /** …or, when the cache does not reach back a week, this many in the last 24 h. */
    minUsualPerDay: positiveCount(24),
    workingHours: z
      .strictObject({
        timeZone: timeZone.prefault('Asia/Ho_Chi_Minh'),
        /** ISO weekdays, Monday = 1 … Sunday = 7. */
        days: z.array(z.number().int().min(1).max(7)).min(1).prefault([1, 2, 3, 4, 5]),
        start: clock.prefault('07:30'),
        end: clock.prefault('17:00'),
      })
      .prefault({}),
  }),
  /** Chứng thư số của máy chủ bảo mật sắp hết hạn. */
  certificateExpiring: rule('0', '0', {
    warningDays: positiveCount(30),
    criticalDays: z.number().int().nonnegative().prefault(7),
  }),
  /** Gói tin không đến được nơi nhận, per recipient agency. */
  deliveryFailures: rule('0', '5m', {
    window: z.enum(['5m', '1h', '24h']).prefault('1h'),
    warningCount: positiveCount(3),
    criticalCount: positiveCount(20),
    /** Also count packages neither delivered nor failed after the store's grace period. */
    includeUndelivered: z.boolean().prefault(true),
  }),
});

const alertConfigSchema = z.strictObject({
  rules: rulesSchema.prefault({}),
  /** Fold agency symptoms under their down security server (Alertmanager inhibition). */
  inhibition: z.strictObject({ enabled: z.boolean().prefault(true) }).prefault({}),
  /** How long a resolved alert stays on the list. */
  keepResolvedFor: duration('15m'),
  /** Saved alert state is restored only if this recent (Prometheus's `for-outage-tolerance`). */
  restoreTolerance: duration('1h'),
});

/** The thresholds with every default filled in; durations in milliseconds. */
export type AlertConfig = z.output<typeof alertConfigSchema>;
export type RulesConfig = AlertConfig['rules'];

/** The defaults, as used when there is no file. */
export const defaultAlertConfig = (): AlertConfig => alertConfigSchema.parse({});

/** Where the thresholds file lives: `$XDG_CONFIG_HOME/hubmon/alerts.json` (beside `config.json`). */
export const defaultAlertConfigPath = (env: Env = process.env): string => join(configDir(env), 'alerts.json');

/** Validates an already-decoded config value; the error names the setting at fault. */
export function parseAlertConfig(value: unknown) {
  const r = alertConfigSchema.safeParse(value);
  if (r.success) return { config: r.data, error: null };
  const issue = r.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const where = [...issue.path, issue.keys[0] ?? ''].map(String).join('.');
    return { config: null, error: `${where}: unknown setting (check its spelling)` };
  }
  // The file as a whole is "(top level)" to an operator, not a "(message)".
  return { config: null, error: describeIssue(r.error.issues, value).replace(/^\(message\):/, '(top level):') };
}

/** Reads the thresholds file (the defaults when missing or bad): `path` null without a file, `error` what to show. */
export function loadAlertConfig(path: string = defaultAlertConfigPath()) {
  const file = readJsonFile(path);
  if (file.kind === 'absent') return { config: defaultAlertConfig(), path: null, error: null };
  if (file.kind === 'error') return { config: defaultAlertConfig(), path, error: file.error };
  const parsed = parseAlertConfig(file.value);
  if (parsed.config === null) return { config: defaultAlertConfig(), path, error: `${path}: ${parsed.error}` };
  return { config: parsed.config, path, error: null };
}
