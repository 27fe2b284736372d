/** What a rule reads: the metrics surface, the moment of evaluation and who sits behind which server. */
import type { Metrics, ServerRow } from '../../metrics/types.js';
import type { RulesConfig } from '../config.js';
import type { Candidate } from '../types.js';

/** The parts of {@link Metrics} the alert rules use, reads over any window length apart; tests may pass plain objects. */
export type AlertMetrics = Pick<Metrics, 'agencies' | 'servers' | 'deadlines' | 'throughput' | 'delivery'> &
  Pick<Metrics, 'signaturesOver' | 'throughputOver' | 'statusReportsOver'> &
  Partial<Pick<Metrics, 'stream'>>;

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

/** Labels of an agency alert: the agency and, when known, the server behind it. */
export function agencyLabels(ctx: RuleContext, agency: string): { agency: string; server?: string } {
  const server = ctx.serverOf(agency);
  return server === undefined ? { agency } : { agency, server };
}
