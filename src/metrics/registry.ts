import type { Agency, SecurityServer } from '../protocol/index.js';
import type { MetricsContext } from './context.js';

/** The agencies the hub lists now (removed ones left out), by code: the same array until the registry changes. */
export function agencies(ctx: MetricsContext): readonly Agency[] {
  return ctx.rows.registry().agencies;
}

/** The security servers the hub lists, by id. */
export function securityServers(ctx: MetricsContext): SecurityServer[] {
  const rows = ctx.statement('SELECT id, name, cert_expires FROM servers WHERE listed = 1 ORDER BY id').all() as {
    id: string;
    name: string;
    cert_expires: number | null;
  }[];
  return rows.map(({ id, name, cert_expires: at }) => ({
    id,
    name,
    certificateExpiresAt: at === null ? null : new Date(at).toISOString(),
  }));
}
