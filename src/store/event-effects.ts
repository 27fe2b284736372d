import type Database from 'better-sqlite3';
import type { Agency, MessageOf, SecurityServer, UnknownMessage } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import { DeadlineChanges } from './deadline-changes.js';
import { DocCounts } from './doc-counts.js';
import { DocumentEffects } from './document-effects.js';
import type { Durable } from './event-intake.js';
import type { RollupAccumulator } from './rollup-accumulator.js';
import { ServerEffects } from './server-effects.js';

/**
 * Turns each newly stored event (only then, so a replayed one changes nothing) into what it
 * changes: rollup counts, documents, deliveries and deadlines (when `derive`: in seq order),
 * server state and the registry.
 */
export class EventEffects {
  private readonly counts: DocCounts;
  readonly documents: DocumentEffects;
  private readonly deadlines: DeadlineChanges;
  private readonly servers: ServerEffects;
  private readonly registry: RegistryWriter;

  constructor(db: Database.Database, agencies: AgencyIds, minutes: RollupAccumulator) {
    this.registry = new RegistryWriter(db, agencies);
    this.counts = new DocCounts(db, agencies, minutes);
    this.deadlines = new DeadlineChanges(db);
    this.documents = new DocumentEffects(db, agencies, this.deadlines);
    this.servers = new ServerEffects(db);
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
      case 'server.heartbeat':
        return this.servers.heartbeat(m, ts);
      case 'server.state':
        return this.servers.state(m as MessageOf<'server.state'>, ts, stream);
      case 'agency.upsert':
        return this.registry.agency(m.data.agency);
      case 'agency.removed':
        return this.registry.removeAgency(m.data.id, ts);
      case 'server.upsert':
        return this.registry.server(m.data.server);
    }
  }

  /** The hub's whole registry: every agency and security server it lists. */
  registrySnapshot(m: MessageOf<'registry.snapshot'>): void {
    for (const a of m.data.agencies) this.registry.agency(a);
    for (const s of m.data.securityServers) this.registry.server(s);
  }

  /** Writes what was gathered per batch; returns the recipients whose deadline counts it wrote. */
  flush(): number[] {
    // Deliveries first: the deadline counts' oldest-open lookup reads them.
    this.documents.flush();
    this.servers.flush();
    return this.deadlines.flush();
  }

  /** After a rolled-back transaction: forget everything that may name undone rows. */
  reset(): void {
    this.servers.clear();
    this.deadlines.clear();
    this.documents.reset();
    this.counts.reset();
  }
}

/** Keeps the registry of agencies and security servers as the hub last described it. */
class RegistryWriter {
  private readonly upsertAgency;
  private readonly markRemoved;
  private readonly upsertServer;

  constructor(
    db: Database.Database,
    private readonly ids: AgencyIds,
  ) {
    this.upsertAgency = db.prepare(
      `UPDATE agencies SET name = ?, level = ?, parent = ?, connection = ?, server = ?, listed = 1, removed_at = NULL WHERE id = ?`,
    );
    this.markRemoved = db.prepare('UPDATE agencies SET removed_at = ? WHERE id = ?');
    this.upsertServer = db.prepare(
      `INSERT INTO servers (id, name, cert_expires, listed) VALUES (@id, @name, @cert, 1)
       ON CONFLICT (id) DO UPDATE SET name = @name, cert_expires = @cert, listed = 1`,
    );
  }

  agency(a: Agency): void {
    const id = this.ids.idOf(a.id);
    this.upsertAgency.run(a.name, a.level, a.parent, a.connection, a.securityServer, id);
  }

  removeAgency(code: string, at: number): void {
    this.markRemoved.run(at, this.ids.idOf(code));
  }

  server(s: SecurityServer): void {
    this.upsertServer.run({
      id: s.id,
      name: s.name,
      cert: s.certificateExpiresAt === null ? null : Date.parse(s.certificateExpiresAt),
    });
  }
}
