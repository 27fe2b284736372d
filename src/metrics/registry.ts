import type { Agency, SecurityServer } from '../protocol/index.js';
import type { MetricsContext } from './context.js';

/** The agencies the hub lists now (removed ones left out), by code; cached between changes. */
export function agencies(ctx: MetricsContext): Agency[] {
  return [...ctx.rows.registry().agencies];
}

/** The security servers the hub lists, by id. */
export function securityServers(ctx: MetricsContext): SecurityServer[] {
  const rows = ctx
    .statement('SELECT id, name, cert_expires AS cert FROM servers WHERE listed = 1 ORDER BY id')
    .all() as (Pick<SecurityServer, 'id' | 'name'> & { cert: number | null })[];
  return rows.map(({ cert, ...s }) => ({
    ...s,
    certificateExpiresAt: cert === null ? null : new Date(cert).toISOString(),
  }));
}
