/** Alertmanager-style inhibition: while a server is down or flapping, its agencies' alerts fold under it. */
import type { Alert, AlertState, RuleId } from './types.js';

/** Rules whose alerts a down server explains. */
const FOLDED_UNDER_SERVER: ReadonlySet<RuleId> = new Set<RuleId>(['agency-silent', 'delivery-failures']);

/** Rules whose alert is a server-wide cause: a down or flapping server. */
export const SERVER_CAUSES: ReadonlySet<RuleId> = new Set<RuleId>(['server-disconnected', 'server-flapping']);

/** Groups alert states into top-level alerts, each down server carrying its folded symptoms. */
export function fold(states: Iterable<AlertState>, enabled: boolean): Alert[] {
  const all = [...states];
  const causes = new Map<string, AlertState[]>();
  for (const s of enabled ? all : [])
    if (SERVER_CAUSES.has(s.rule) && s.phase === 'firing' && s.labels.server !== undefined)
      causes.set(s.labels.server, []);
  const top: AlertState[] = [];
  for (const s of all) {
    const under =
      s.labels.server !== undefined && FOLDED_UNDER_SERVER.has(s.rule) ? causes.get(s.labels.server) : undefined;
    if (under) under.push(s);
    else top.push(s);
  }
  return top.map((s) => {
    // One cause per server carries the symptoms: the first of its cause alerts met.
    const symptoms = SERVER_CAUSES.has(s.rule) && s.labels.server !== undefined ? causes.get(s.labels.server) : [];
    if (symptoms?.length) causes.set(s.labels.server!, []);
    return { ...s, folded: symptoms ?? [] };
  });
}
