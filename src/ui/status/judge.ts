/**
 * Thresholds → status. One place decides what is fine, worth a look, or wrong, so every
 * screen colours the same number the same way.
 */
import type { ServerState } from '../../protocol/index.js';

/** ok < warn < critical; `none` when there is nothing to judge (no traffic, no data). */
export type Level = 'none' | 'ok' | 'warn' | 'critical';

/** A level's rank, none 0 to critical 3 (compared, not looked up: a ranking asks it of every agency). */
export const levelRank = (level: Level): number =>
  level === 'critical' ? 3 : level === 'warn' ? 2 : level === 'ok' ? 1 : 0;
export const worst = (...levels: Level[]): Level => {
  let out: Level = 'none';
  for (let i = 0; i < levels.length; i++) if (levelRank(levels[i]!) > levelRank(out)) out = levels[i]!;
  return out;
};

export const THRESHOLDS = {
  /** Share of failed signature verifications (tỷ lệ lỗi chữ ký số). */
  signatureFailure: { warn: 0.02, critical: 0.1, minVerified: 5 },
  /** Overdue replies (văn bản quá hạn trả lời) owed by one agency. */
  overdue: { warn: 1, critical: 10 },
  /** Drop of traffic against the same window a week earlier; only with enough traffic then. */
  throughputDrop: { warn: 0.5, critical: 0.8, minWeekAgo: 20 },
} as const;

export function judgeServer(state: ServerState | 'unknown'): Level {
  switch (state) {
    case 'connected':
      return 'ok';
    case 'degraded':
      return 'warn';
    case 'disconnected':
      return 'critical';
    default:
      return 'none';
  }
}

export function judgeSignatureFailure(rate: number | null, verified: number): Level {
  const t = THRESHOLDS.signatureFailure;
  if (rate === null || verified === 0) return 'none';
  if (verified < t.minVerified) return rate > 0 ? 'warn' : 'ok';
  return rate >= t.critical ? 'critical' : rate >= t.warn ? 'warn' : 'ok';
}

export function judgeOverdue(overdue: number): Level {
  const t = THRESHOLDS.overdue;
  return overdue >= t.critical ? 'critical' : overdue >= t.warn ? 'warn' : 'ok';
}

/** Share by which traffic fell against a week earlier (0.8 = −80%); null when not comparable. */
export function throughputDrop(now: number, weekAgo: number | null): number | null {
  if (weekAgo === null || weekAgo < THRESHOLDS.throughputDrop.minWeekAgo) return null;
  return Math.max(0, 1 - now / weekAgo);
}

export function judgeThroughputDrop(drop: number | null): Level {
  const t = THRESHOLDS.throughputDrop;
  if (drop === null) return 'none';
  return drop >= t.critical ? 'critical' : drop >= t.warn ? 'warn' : 'ok';
}
