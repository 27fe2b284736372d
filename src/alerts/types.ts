/** The alert model shared by the rules, the state machine, the engine and the screens; times in epoch ms (UTC). */

/** How loud an alert is (mức độ): a warning can wait for the morning, a critical cannot. */
export type Severity = 'warning' | 'critical';
export const severityRank = (s: Severity): number => (s === 'critical' ? 2 : 1);

/** Every rule the engine knows, by stable id (used in the cache, in `--json` and in config). */
export const RULE_IDS = [
  'server-disconnected',
  'server-flapping',
  'signature-failures',
  'status-silence',
  'duplicate-sends',
  'overdue-replies',
  'agency-silent',
  'certificate-expiring',
  'delivery-failures',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What an alert is about: an agency (cơ quan), a security server (máy chủ bảo mật), or both. */
export interface AlertLabels {
  readonly agency?: string;
  readonly server?: string;
}

/** Numbers a summary text is filled with; the text itself is chosen per language. */
export type SummaryParams = Readonly<Record<string, number | string>>;

/** One (rule, labels) whose condition holds at this evaluation (see {@link candidate}). */
export type Candidate = Readonly<ReturnType<typeof candidate>>;

/** Who acknowledged an alert (đã xác nhận) and when. */
export interface Acknowledgement {
  readonly by: string;
  readonly at: number;
}

/** Where an alert is in its life, as Prometheus names it (inactive alerts are simply absent). */
export type Phase = 'pending' | 'firing' | 'resolved';
/** Firing first: what an operator should look at first. */
export const PHASE_RANK: Readonly<Record<Phase, number>> = { firing: 0, pending: 1, resolved: 2 };

/** The remembered state of one alert: what `step` reads and returns, and what the cache keeps. */
export interface AlertState {
  readonly key: string;
  readonly rule: RuleId;
  readonly labels: AlertLabels;
  readonly severity: Severity;
  readonly phase: Phase;
  /** When the condition started holding in this run (Prometheus `activeAt`). */
  readonly activeSince: number;
  /** When it turned firing; null while pending. */
  readonly firingSince: number | null;
  /** First evaluation at which the condition no longer held while firing; null while it holds. */
  readonly keptFiringSince: number | null;
  readonly resolvedAt: number | null;
  readonly params: SummaryParams;
  readonly ack: Acknowledgement | null;
}

/** One alert as shown: its state, plus the symptoms folded under it (inhibited alerts). */
export interface Alert extends AlertState {
  /** Alerts this one explains (the agencies behind a down server), folded under it. */
  readonly folded: readonly AlertState[];
}

/** The result of one evaluation. */
export interface AlertSnapshot {
  readonly at: number;
  /** Top-level alerts, most urgent first; folded symptoms are inside their cause. */
  readonly alerts: readonly Alert[];
}

export const alertKey = (rule: RuleId, { server, agency }: AlertLabels): string =>
  `${rule}${server === undefined ? '' : ` server=${server}`}${agency === undefined ? '' : ` agency=${agency}`}`;

/**
 * The candidate of `rule` about `labels`, keyed by both (the same problem keeps its key across evaluations); `since`
 * when the data says when its condition began (a server's `since`): `for` is then judged without history.
 */
export function candidate(
  rule: RuleId,
  labels: AlertLabels,
  severity: Severity,
  params: SummaryParams,
  since?: number,
) {
  return { key: alertKey(rule, labels), rule, labels, severity, params, ...(since !== undefined && { since }) };
}
