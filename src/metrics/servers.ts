import type { Agency, SecurityServer, ServerState } from '../protocol/index.js';
import type { MetricsContext } from './context.js';
import type { ServerRow, ServerTransition, WindowKey } from './types.js';
import { WINDOW_MS } from './types.js';

/** Downtime and drops in [start, now]: the state before `start`, then the changes (a drop at `start` counts). */
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

const behindOf = new WeakMap<readonly Agency[], (server: string) => readonly string[]>();

/** Who sits behind each security server (their agency ids), from the registry; built once per registry array. */
export function agenciesBehind(agencies: readonly Agency[]): (server: string) => readonly string[] {
  let behind = behindOf.get(agencies);
  if (behind) return behind;
  const map = new Map<string, string[]>();
  for (const a of agencies) {
    const list = map.get(a.securityServer);
    if (list) list.push(a.id);
    else map.set(a.securityServer, [a.id]);
  }
  behindOf.set(agencies, (behind = (server) => map.get(server) ?? []));
  return behind;
}

/** Every security server (máy chủ bảo mật) with its state, heartbeat and window downtime. */
export function servers(ctx: MetricsContext, now: number, window: WindowKey): ServerRow[] {
  const start = now - WINDOW_MS[window];
  const rows = ctx
    .statement(
      `SELECT id, coalesce(name, id) AS name, coalesce(state, 'unknown') AS state, since, last_heartbeat AS lastHeartbeat,
         latency_ms AS latencyMs, cert_expires AS certificateExpiresAt FROM servers ORDER BY id`,
    )
    .all() as (Omit<ServerRow, 'serverId' | 'downtimeMs' | 'drops' | 'agencyIds'> & { id: string })[];
  const behind = agenciesBehind(ctx.rows.registry().agencies);
  const atStart = ctx
    .statement('SELECT to_state FROM server_transitions WHERE server = ? AND at < ? ORDER BY at DESC LIMIT 1')
    .pluck();
  const inWindow = ctx.statement(
    'SELECT at, to_state AS "to" FROM server_transitions WHERE server = ? AND at >= ? AND at <= ? ORDER BY at',
  );
  // Built field by field: an object rest or spread per row costs many times more.
  return rows.map((r) => {
    const initial = (atStart.get(r.id, start) as ServerState | undefined) ?? 'unknown';
    const changes = inWindow.all(r.id, start, now) as { at: number; to: ServerState }[];
    const { downtimeMs, drops } = downtime(initial, changes, start, now);
    return {
      serverId: r.id,
      name: r.name,
      state: r.state,
      since: r.since,
      lastHeartbeat: r.lastHeartbeat,
      latencyMs: r.latencyMs,
      downtimeMs,
      drops,
      certificateExpiresAt: r.certificateExpiresAt,
      agencyIds: behind(r.id),
    };
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

/** The security servers the hub lists, by id. */
export function securityServers(ctx: MetricsContext): SecurityServer[] {
  // The expiry as the protocol writes it (ISO 8601, ms, UTC), from the instant kept.
  const expires = `strftime('%Y-%m-%dT%H:%M:%fZ', cert_expires / 1000.0, 'unixepoch')`;
  return ctx
    .statement(`SELECT id, name, ${expires} AS certificateExpiresAt FROM servers WHERE listed = 1 ORDER BY id`)
    .all() as SecurityServer[];
}
