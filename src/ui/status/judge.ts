/** Thresholds → status, in one place, so every screen colours a number the same way as the alert rules judge it. */
import { defaultAlertConfig, type RulesConfig } from '../../alerts/config.js';
import * as judgement from '../../alerts/judgement.js';
import type { ShownServerState } from '../../alerts/flapping.js';

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

/** Drop of traffic against the same window a week earlier; only with enough traffic then. */
const DROP = { warn: 0.5, critical: 0.8, minWeekAgo: 20 } as const;

/** The alert rules' thresholds in force (alerts.json or the defaults), set once when the console starts. */
let rules: RulesConfig = defaultAlertConfig().rules;
export function setAlertThresholds(config: RulesConfig): void {
  rules = config;
}

const LEVEL: Readonly<Record<judgement.Verdict, Level>> = {
  none: 'none',
  ok: 'ok',
  warning: 'warn',
  critical: 'critical',
};

const SERVER_LEVEL: Readonly<Record<ShownServerState, Level>> = {
  connected: 'ok',
  degraded: 'warn',
  flapping: 'warn',
  disconnected: 'critical',
  unknown: 'none',
};
export const judgeServer = (state: ShownServerState): Level => SERVER_LEVEL[state];

/** Signature failures of one agency: its failures and documents verified in the window. */
export const judgeSignatureFailure = (failed: number, verified: number): Level =>
  LEVEL[judgement.judgeSignatures(failed, verified, rules.signatureFailures)];

/** How bad a signature record is, for rankings: the rate it surely has (Wilson lower bound). */
export const signatureRank = (failed: number, verified: number): number =>
  judgement.signatureBadness(failed, verified, rules.signatureFailures);

/** Replies one agency owes past their deadline. */
export const judgeOverdue = (overdue: number): Level =>
  LEVEL[judgement.judgeOverdue(overdue, null, rules.overdueReplies)];

/** Share by which traffic fell against a week earlier (0.8 = −80%); null when not comparable. */
export const throughputDrop = (now: number, weekAgo: number | null): number | null =>
  weekAgo === null || weekAgo < DROP.minWeekAgo ? null : Math.max(0, 1 - now / weekAgo);

export const judgeThroughputDrop = (drop: number | null): Level =>
  drop === null ? 'none' : drop >= DROP.critical ? 'critical' : drop >= DROP.warn ? 'warn' : 'ok';
