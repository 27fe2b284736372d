/**
 * The Overview's servers line counts a flapping server as degraded: a server whose flapping incident fires is in
 * trouble even in the minute it happens to be connected, and a line saying "0 degraded" beside that incident would
 * contradict it. A flapping server already down or degraded is counted once, where it is.
 */
import type { NationalTotals, ServerRow } from '../../metrics/types.js';
import type { AlertView } from '../data/sources.js';

/** Servers of the firing flapping incidents. */
export const flappingServers = (firing: readonly AlertView[]): string[] =>
  firing.filter((a) => a.rule === 'server-flapping' && a.serverId).map((a) => a.serverId!);

/** The totals with flapping servers that are up at the moment counted as degraded. */
export function withFlapping(
  totals: NationalTotals,
  flapping: readonly string[],
  servers: () => readonly ServerRow[],
): NationalTotals {
  if (flapping.length === 0) return totals;
  const ids = new Set(flapping);
  let extra = 0;
  for (const s of servers()) if (ids.has(s.serverId) && s.state !== 'disconnected' && s.state !== 'degraded') extra++;
  return extra === 0 ? totals : { ...totals, serversDegraded: totals.serversDegraded + extra };
}
