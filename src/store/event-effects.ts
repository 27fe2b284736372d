import type Database from 'better-sqlite3';
import type { Agency, MessageOf, SecurityServer, UnknownMessage } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import { DocCounts } from './doc-marks.js';
import { DocumentEffects } from './document-effects.js';
import type { Durable } from './event-intake.js';
import { Prepared } from './multi-row.js';
import type { RollupAccumulator } from './rollup-accumulator.js';

/** Turns each newly stored event (only then, so a replayed one changes nothing) into its effects on the tables. */
export class EventEffects extends Prepared {
  private readonly counts: DocCounts;
  readonly documents: DocumentEffects;
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
    private readonly agencies: AgencyIds,
    minutes: RollupAccumulator,
  ) {
    super(db);
    this.counts = new DocCounts(db, agencies, minutes);
    this.documents = new DocumentEffects(db, agencies);
  }

  apply(m: Exclude<Durable, UnknownMessage>, ts: number, stream: number, derive: boolean): void {
    switch (m.type) {
      case 'document.sent':
      case 'document.delivered':
      case 'document.failed':
      case 'status.reported':
      case 'document.replied':
        this.counts.count(m, ts, stream);
        if (derive) this.documents.derive(m, ts, stream);
        return;
      case 'signature.verified':
        return this.counts.count(m, ts, stream);
      case 'server.heartbeat': {
        const prev = this.heartbeats.get(m.data.serverId);
        if (!prev || prev.ts <= ts) this.heartbeats.set(m.data.serverId, { ts, latencyMs: m.data.latencyMs });
        return;
      }
      case 'server.state':
        return this.serverState(m as MessageOf<'server.state'>, ts, stream);
      case 'agency.upsert':
        return this.agency(m.data.agency);
      case 'agency.removed':
        return void this.markRemoved.run(ts, this.agencies.idOf(m.data.id));
      case 'server.upsert':
        return this.server(m.data.server);
    }
  }

  /** The hub's whole registry: every agency and security server it lists. */
  registrySnapshot(m: MessageOf<'registry.snapshot'>): void {
    for (const a of m.data.agencies) this.agency(a);
    for (const s of m.data.securityServers) this.server(s);
  }

  private agency(a: Agency): void {
    this.upsertAgency.run(a.name, a.level, a.parent, a.connection, a.securityServer, this.agencies.idOf(a.id));
  }

  private server(s: SecurityServer): void {
    const cert = s.certificateExpiresAt === null ? null : Date.parse(s.certificateExpiresAt);
    this.upsertServer.run({ id: s.id, name: s.name, cert });
  }

  private serverState(m: MessageOf<'server.state'>, ts: number, stream: number): void {
    const d = m.data;
    const from = this.lastTransition.get(d.serverId, ts) ?? 'unknown';
    if (from === d.state) return;
    this.insertTransition.run(d.serverId, ts, stream, m.seq, from, d.state, d.reason ?? null);
    this.setServerState.run({ id: d.serverId, state: d.state, since: ts, latency: d.latencyMs ?? null });
  }

  /** Writes what was gathered per batch; returns the recipients whose deadline counts it wrote. */
  flush(): number[] {
    for (const [id, hb] of this.heartbeats) this.touchHeartbeat.run({ id, ts: hb.ts, latency: hb.latencyMs });
    this.heartbeats.clear();
    return this.documents.flush();
  }

  /** After a rolled-back transaction: forget everything that may name undone rows. */
  reset(): void {
    this.heartbeats.clear();
    this.documents.reset();
    this.counts.reset();
  }
}
