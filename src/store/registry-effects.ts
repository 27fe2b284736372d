import type Database from 'better-sqlite3';
import type { Agency, MessageOf, SecurityServer } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import { Prepared } from './prepared.js';

/**
 * What the registry's and the security servers' events change: the agencies and servers as the hub last
 * described them, and a server's state and transitions, its last heartbeat and latency.
 */
export class RegistryEffects extends Prepared {
  private readonly upsertAgency = this.db.prepare(
    `UPDATE agencies SET name = ?, level = ?, parent = ?, connection = ?, server = ?, listed = 1, removed_at = NULL WHERE id = ?`,
  );
  private readonly markRemoved = this.db.prepare('UPDATE agencies SET removed_at = ? WHERE id = ?');
  private readonly upsertServer = this.db.prepare(
    `INSERT INTO servers (id, name, cert_expires, listed) VALUES (@id, @name, @cert, 1)
     ON CONFLICT (id) DO UPDATE SET name = @name, cert_expires = @cert, listed = 1`,
  );
  private readonly lastTransition = this.db
    .prepare<[string, number], string>(
      'SELECT to_state FROM server_transitions WHERE server = ? AND at <= ? ORDER BY at DESC LIMIT 1',
    )
    .pluck();
  private readonly insertTransition = this.db.prepare(
    `INSERT OR IGNORE INTO server_transitions (server, at, stream, seq, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  private readonly setServerState = this.db.prepare(
    `INSERT INTO servers (id, state, since, latency_ms) VALUES (@id, @state, @since, @latency)
     ON CONFLICT (id) DO UPDATE SET state = @state, since = @since, latency_ms = coalesce(@latency, latency_ms)
     WHERE since IS NULL OR since <= @since`,
  );
  private readonly touchHeartbeat = this.db.prepare(
    `INSERT INTO servers (id, last_heartbeat, latency_ms) VALUES (@id, @ts, @latency)
     ON CONFLICT (id) DO UPDATE SET last_heartbeat = @ts, latency_ms = @latency
     WHERE last_heartbeat IS NULL OR last_heartbeat <= @ts`,
  );
  /** Per batch: newest heartbeat per server, written once at the end. */
  private readonly heartbeats = new Map<string, { ts: number; latencyMs: number }>();

  constructor(
    db: Database.Database,
    private readonly ids: AgencyIds,
  ) {
    super(db);
  }

  agency(a: Agency): void {
    this.upsertAgency.run(a.name, a.level, a.parent, a.connection, a.securityServer, this.ids.idOf(a.id));
  }

  removeAgency(code: string, at: number): void {
    this.markRemoved.run(at, this.ids.idOf(code));
  }

  server(s: SecurityServer): void {
    const cert = s.certificateExpiresAt === null ? null : Date.parse(s.certificateExpiresAt);
    this.upsertServer.run({ id: s.id, name: s.name, cert });
  }

  heartbeat(m: MessageOf<'server.heartbeat'>, ts: number): void {
    const prev = this.heartbeats.get(m.data.serverId);
    if (!prev || prev.ts <= ts) this.heartbeats.set(m.data.serverId, { ts, latencyMs: m.data.latencyMs });
  }

  state(m: MessageOf<'server.state'>, ts: number, stream: number): void {
    const d = m.data;
    const from = this.lastTransition.get(d.serverId, ts) ?? 'unknown';
    if (from === d.state) return;
    this.insertTransition.run(d.serverId, ts, stream, m.seq, from, d.state, d.reason ?? null);
    this.setServerState.run({ id: d.serverId, state: d.state, since: ts, latency: d.latencyMs ?? null });
  }

  flush(): void {
    for (const [server, hb] of this.heartbeats)
      this.touchHeartbeat.run({ id: server, ts: hb.ts, latency: hb.latencyMs });
    this.heartbeats.clear();
  }

  clear(): void {
    this.heartbeats.clear();
  }
}
