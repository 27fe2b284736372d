import type { ServerRow } from '../metrics/types.js';
import type { AlertState } from './types.js';

/**
 * A security server's state as the console and `hubmon status` show it: its last reported state, except that a server
 * up (or unknown) while the server-flapping alert fires for it is shown as `flapping`. Such a server is in trouble even
 * in the minute it happens to be connected; showing it as up would contradict the alert beside it. A flapping server
 * that is down or degraded stays so. The Overview's "weak" counts degraded and flapping servers (docs/FIGURES.md).
 */
export type ShownServerState = ServerRow['state'] | 'flapping';

export function shownServerState(
  row: Pick<ServerRow, 'serverId' | 'state'>,
  flapping: ReadonlySet<string>,
): ShownServerState {
  return flapping.has(row.serverId) && row.state !== 'disconnected' && row.state !== 'degraded'
    ? 'flapping'
    : row.state;
}

/** How many of `rows` are shown as flapping (see {@link shownServerState}). */
export function countFlapping(
  rows: readonly Pick<ServerRow, 'serverId' | 'state'>[],
  flapping: ReadonlySet<string>,
): number {
  return rows.filter((s) => shownServerState(s, flapping) === 'flapping').length;
}

/**
 * The servers a firing server-flapping alert names, among `alerts` and the symptoms folded under them: acknowledged or
 * not (an acknowledgement does not steady a server), and whichever alert of the server's incident leads it.
 */
export function flappingServerIds(
  alerts: Iterable<Pick<AlertState, 'rule' | 'phase' | 'labels'> & { readonly folded?: readonly AlertState[] }>,
): Set<string> {
  const ids = new Set<string>();
  const take = (a: Pick<AlertState, 'rule' | 'phase' | 'labels'>): void => {
    if (a.rule === 'server-flapping' && a.phase === 'firing' && a.labels.server !== undefined) ids.add(a.labels.server);
  };
  for (const a of alerts) {
    take(a);
    for (const f of a.folded ?? []) take(f);
  }
  return ids;
}
