import type Database from 'better-sqlite3';
import type { Agency, SecurityServer } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';

/** Keeps the registry of agencies and security servers as the hub last described it. */
export class RegistryWriter {
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
