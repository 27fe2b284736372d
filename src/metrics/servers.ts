import type { ServerState } from '../protocol/index.js';
import type { MetricsContext } from './context.js';
import type { RegistrySnapshot } from './rollup-rows.js';
import type { ServerRow, ServerTransition, WindowKey } from './types.js';
import { WINDOW_MS } from './types.js';

/**
 * Time spent disconnected and drops within [start, now], from the state just before `start`
 * and the transitions from `start` on (a drop at the very start counts in the window).
 */
export function downtime(
  stateAtStart: ServerState | 'unknown',
  transitions: readonly { at: number; to: ServerState }[],
  start: number,
  now: number,
): { downtimeMs: number; drops: number } {
  let state = stateAtStart;
  let t = start;
  let downtimeMs = 0;
  let drops = 0;
  for (const tr of transitions) {
    if (state === 'disconnected') downtimeMs += tr.at - t;
    if (tr.to === 'disconnected' && state !== 'disconnected') drops++;
    state = tr.to;
    t = tr.at;
  }
  if (state === 'disconnected') downtimeMs += now - t;
  return { downtimeMs, drops };
}

const behindOf = new WeakMap<RegistrySnapshot, Map<string, string[]>>();

/** The listed agencies behind each server, by code; built once per registry snapshot. */
function agenciesBehind(registry: RegistrySnapshot): Map<string, string[]> {
  let behind = behindOf.get(registry);
  if (behind) return behind;
  behind = new Map();
  for (const a of registry.agencies) {
    if (!a.securityServer) continue;
    let list = behind.get(a.securityServer);
    if (!list) behind.set(a.securityServer, (list = []));
    list.push(a.id);
  }
  behindOf.set(registry, behind);
  return behind;
}

/** Every security server (máy chủ bảo mật) with its state, heartbeat and window downtime. */
export function servers(ctx: MetricsContext, now: number, window: WindowKey): ServerRow[] {
  const start = now - WINDOW_MS[window];
  const rows = ctx
    .statement(
      `SELECT id AS serverId, coalesce(name, id) AS name, coalesce(state, 'unknown') AS state, since,
         last_heartbeat AS lastHeartbeat, latency_ms AS latencyMs, cert_expires FROM servers ORDER BY id`,
    )
    .all() as (Omit<ServerRow, 'downtimeMs' | 'drops' | 'agencyIds'> & { cert_expires: number | null })[];
  const behind = agenciesBehind(ctx.rows.registry());
  const atStart = ctx
    .statement('SELECT to_state FROM server_transitions WHERE server = ? AND at < ? ORDER BY at DESC LIMIT 1')
    .pluck();
  const inWindow = ctx.statement(
    'SELECT at, to_state AS "to" FROM server_transitions WHERE server = ? AND at >= ? AND at <= ? ORDER BY at',
  );
  return rows.map(({ cert_expires, ...r }) => {
    const initial = (atStart.get(r.serverId, start) as ServerState | undefined) ?? 'unknown';
    const changes = inWindow.all(r.serverId, start, now) as { at: number; to: ServerState }[];
    const { downtimeMs, drops } = downtime(initial, changes, start, now);
    return { ...r, downtimeMs, drops, certificateExpiresAt: cert_expires, agencyIds: behind.get(r.serverId) ?? [] };
  });
}

/** A server's state changes since `since`, newest first. */
export function serverHistory(ctx: MetricsContext, serverId: string, since: number, limit = 100): ServerTransition[] {
  return ctx
    .statement(
      `SELECT server AS serverId, at, from_state AS "from", to_state AS "to", reason FROM server_transitions
       WHERE server = ? AND at >= ? ORDER BY at DESC LIMIT ?`,
    )
    .all(serverId, since, limit) as ServerTransition[];
}
