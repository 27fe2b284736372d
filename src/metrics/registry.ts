import type { Agency, SecurityServer } from '../protocol/index.js';
import type { MetricsContext } from './context.js';

/** The agencies the hub lists now (removed ones left out), by code. */
export function agencies(ctx: MetricsContext): Agency[] {
  const rows = ctx
    .statement(
      `SELECT code, name, level, parent, connection, server FROM agencies
       WHERE listed = 1 AND removed_at IS NULL ORDER BY code`,
    )
    .all() as { code: string; name: string; level: 1 | 2 | 3 | 4; parent: string | null; connection: 'direct' | 'lgsp'; server: string }[];
  return rows.map((r) => ({
    id: r.code,
    name: r.name,
    level: r.level,
    parent: r.parent,
    connection: r.connection,
    securityServer: r.server,
  }));
}

/** The security servers the hub lists, by id. */
export function securityServers(ctx: MetricsContext): SecurityServer[] {
  const rows = ctx.statement('SELECT id, name, cert_expires FROM servers WHERE listed = 1 ORDER BY id').all() as {
    id: string;
    name: string;
    cert_expires: number;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, certificateExpiresAt: new Date(r.cert_expires).toISOString() }));
}
