import type Database from 'better-sqlite3';
import type { MessageOf } from '../protocol/index.js';

/** What a security server's events change: its state and transitions, its last heartbeat and latency. */
export class ServerEffects {
  private readonly lastTransition;
  private readonly insertTransition;
  private readonly setServerState;
  private readonly touchHeartbeat;
  /** Per batch: newest heartbeat per server, written once at the end. */
  private readonly heartbeats = new Map<string, { ts: number; latencyMs: number }>();

  constructor(db: Database.Database) {
    this.lastTransition = db
      .prepare<[string, number], string>(
        'SELECT to_state FROM server_transitions WHERE server = ? AND at <= ? ORDER BY at DESC LIMIT 1',
      )
      .pluck();
    this.insertTransition = db.prepare(
      `INSERT OR IGNORE INTO server_transitions (server, at, stream, seq, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.setServerState = db.prepare(
      `INSERT INTO servers (id, state, since, latency_ms) VALUES (@id, @state, @since, @latency)
       ON CONFLICT (id) DO UPDATE SET state = @state, since = @since, latency_ms = coalesce(@latency, latency_ms)
       WHERE since IS NULL OR since <= @since`,
    );
    this.touchHeartbeat = db.prepare(
      `INSERT INTO servers (id, last_heartbeat, latency_ms) VALUES (@id, @ts, @latency)
       ON CONFLICT (id) DO UPDATE SET last_heartbeat = @ts, latency_ms = @latency
       WHERE last_heartbeat IS NULL OR last_heartbeat <= @ts`,
    );
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
