/**
 * Correlation as Alertmanager's inhibition: while a security server's disconnection is firing,
 * the silence and delivery alerts of the agencies behind it are symptoms (as while it flaps) of that one cause, so
 * they are folded under it instead of filling the list (one cause, not forty symptoms).
 */
import type { Alert, AlertState, RuleId } from './types.js';

/** Rules whose alerts a down server explains. */
const FOLDED_UNDER_SERVER: ReadonlySet<RuleId> = new Set<RuleId>(['agency-silent', 'delivery-failures']);

/** Rules whose alert is a server-wide cause: a down or flapping server. */
export const SERVER_CAUSES: ReadonlySet<RuleId> = new Set<RuleId>(['server-disconnected', 'server-flapping']);

/** Groups alert states into top-level alerts, each down server carrying its folded symptoms. */
export function fold(states: Iterable<AlertState>, enabled: boolean): Alert[] {
  const all = [...states];
  const causes = new Map<string, AlertState[]>();
  if (enabled) {
    for (const s of all) {
      if (SERVER_CAUSES.has(s.rule) && s.phase === 'firing' && s.labels.server !== undefined) {
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
      // One cause per server carries the symptoms: the first of its cause alerts met.
      SERVER_CAUSES.has(s.rule) && s.labels.server !== undefined ? takeSymptoms(causes, s.labels.server) : [],
  }));
}

function takeSymptoms(causes: Map<string, AlertState[]>, server: string): AlertState[] {
  const symptoms = causes.get(server) ?? [];
  causes.set(server, []);
  return symptoms;
}
