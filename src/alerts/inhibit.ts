/**
 * Correlation as Alertmanager's inhibition: while a security server's disconnection is firing,
 * the silence and delivery alerts of the agencies behind it are symptoms of that one cause, so
 * they are folded under it instead of filling the list (one cause, not forty symptoms).
 */
import type { Alert, AlertState, RuleId } from './types.js';

/** Rules whose alerts a down server explains. */
export const FOLDED_UNDER_SERVER: ReadonlySet<RuleId> = new Set<RuleId>(['agency-silent', 'delivery-failures']);

/** Groups alert states into top-level alerts, each down server carrying its folded symptoms. */
export function fold(states: Iterable<AlertState>, enabled: boolean): Alert[] {
  const all = [...states];
  const causes = new Map<string, AlertState[]>();
  if (enabled) {
    for (const s of all) {
      if (s.rule === 'server-disconnected' && s.phase === 'firing' && s.labels.server !== undefined) {
        causes.set(s.labels.server, []);
      }
    }
  }
  const top: AlertState[] = [];
  for (const s of all) {
    const under =
      s.labels.server !== undefined && FOLDED_UNDER_SERVER.has(s.rule) ? causes.get(s.labels.server) : undefined;
    if (under) under.push(s);
    else top.push(s);
  }
  return top.map((s) => ({
    ...s,
    folded:
      s.rule === 'server-disconnected' && s.labels.server !== undefined ? (causes.get(s.labels.server) ?? []) : [],
  }));
}
