/**
 * Where Enter goes from the row under the cursor, as the operator means it: an incident lists the agencies it affects;
 * a security server (the Servers screen, an Overview row about a server, an agency's server history) lists the agencies
 * behind it; any other row about an agency opens its detail.
 */
import type { AlertView } from '../data/sources.js';
import type { Route } from '../state/routes.js';
import type { ListSpec } from './list-spec.js';
import type { WorstModel } from './overview-model.js';
import type { ServerModel } from './servers-spec.js';

export function openTarget(
  route: Route,
  selected: unknown,
  spec: ListSpec<unknown> | null,
  serverOfAgency: (agencyId: string) => string | undefined,
): Route | null {
  if (route.kind === 'screen' && route.screen === 'alerts') {
    const incident = selected as AlertView | undefined;
    return incident ? { kind: 'affected', of: 'incident', id: incident.id } : null;
  }
  if (route.kind === 'screen' && route.screen === 'servers') {
    const server = selected as ServerModel | undefined;
    return server ? { kind: 'affected', of: 'server', id: server.serverId } : null;
  }
  if (route.kind === 'screen' && route.screen === 'overview') {
    const worst = selected as WorstModel | undefined;
    if (worst?.concern === 'server') return { kind: 'affected', of: 'server', id: worst.agency.serverId };
  }
  if (route.kind === 'detail' && route.section === 'server') {
    const server = serverOfAgency(route.agencyId);
    return server === undefined ? null : { kind: 'affected', of: 'server', id: server };
  }
  const agencyId = spec && selected !== undefined ? (spec.agencyId?.(selected) ?? null) : null;
  return agencyId === null ? null : { kind: 'detail', agencyId, section: 'children' };
}
