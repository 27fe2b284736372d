/** What a rule reads: the metrics surface, the moment of evaluation and who sits behind which server. */
import { WINDOWS, WINDOW_MS, type Metrics, type ServerRow, type WindowKey } from '../../metrics/types.js';
import type { RulesConfig } from '../config.js';
import type { Candidate } from '../types.js';

/** The parts of {@link Metrics} the alert rules use; tests may hand in plain objects. */
export type AlertMetrics = Pick<
  Metrics,
  'agencies' | 'servers' | 'signatures' | 'deadlines' | 'throughput' | 'delivery' | 'signaturesOver' | 'throughputOver'
> &
  Partial<Pick<Metrics, 'stream' | 'statusReportsOver'>>;

export interface RuleContext {
  readonly metrics: AlertMetrics;
  readonly now: number;
  readonly config: RulesConfig;
  /** The security server an agency's packages pass through (for the `server` label). */
  serverOf(agencyId: string): string | undefined;
  /** Server rows, read once per evaluation and shared by the rules that need them. */
  servers(): readonly ServerRow[];
}

/** A rule turns the numbers of one moment into the alerts whose condition holds. */
export type Rule = (ctx: RuleContext) => Candidate[];

/** The failure kind seen most often, for the summary ("mostly expired certificates"); '' for none. */
export const topReason = (byReason: Readonly<Record<string, number>>): string =>
  Object.entries(byReason).reduce((best, [reason, n]) => (n > best[1] ? [reason, n] : best), ['', 0])[0];

/** The smallest screen window at least `ms` long (the widest when none is). */
export function coveringWindow(ms: number): WindowKey {
  return WINDOWS.find((w) => WINDOW_MS[w] >= ms) ?? '24h';
}

/** Labels of an agency alert: the agency and, when known, the server behind it. */
export function agencyLabels(ctx: RuleContext, agency: string): { agency: string; server?: string } {
  const server = ctx.serverOf(agency);
  return server === undefined ? { agency } : { agency, server };
}
