/**
 * Where Enter goes from the row under the cursor, as the operator means it: an incident lists the agencies it affects;
 * a security server (the Servers screen, an Overview row about a server, an agency's server history) lists the agencies
 * behind it; any other row about an agency opens its detail.
 */
import type { AlertView } from '../data/sources.js';
import type { Metrics } from '../../metrics/types.js';
import type { Route } from '../state/routes.js';
import type { ListSpec } from './list-spec.js';
import type { WorstModel } from './overview-model.js';
import type { ServerModel } from './servers-spec.js';

export function openTarget(route: Route, row: unknown, spec: ListSpec<unknown> | null, metrics: Metrics): Route | null {
  if (route.kind === 'screen' && route.screen === 'alerts') {
    const incident = row as AlertView | undefined;
    return incident ? { kind: 'affected', of: 'incident', id: incident.id } : null;
  }
  if (route.kind === 'screen' && route.screen === 'servers') {
    const server = row as ServerModel | undefined;
    return server ? { kind: 'affected', of: 'server', id: server.serverId } : null;
  }
  if (route.kind === 'screen' && route.screen === 'overview') {
    const worst = row as WorstModel | undefined;
    if (worst?.concern === 'server') return { kind: 'affected', of: 'server', id: worst.agency.serverId };
  }
  if (route.kind === 'detail' && route.section === 'server') {
    // Asked only on an agency's server history: one look-up, not an index.
    const server = metrics.agencies().find((a) => a.id === route.agencyId)?.securityServer;
    return server === undefined ? null : { kind: 'affected', of: 'server', id: server };
  }
  const agencyId = spec && row !== undefined ? (spec.agencyId?.(row) ?? null) : null;
  return agencyId === null ? null : { kind: 'detail', agencyId, section: 'children' };
}
