/** The rules over the security servers (máy chủ bảo mật): down, flapping, certificate expiring. */
import { candidate, type Candidate } from '../types.js';
import type { Rule } from './context.js';

const DAY_MS = 86_400_000;

/** Máy chủ bảo mật mất kết nối; its `since` starts the `for` clock, so a one-shot check knows how long. */
export const serverDisconnected: Rule = (ctx) =>
  ctx
    .servers()
    .filter((s) => s.state === 'disconnected')
    .map((s) => {
      const params = { name: s.name, agencies: s.agencyIds.length };
      return candidate('server-disconnected', { server: s.serverId }, 'critical', params, s.since ?? undefined);
    });

/** Máy chủ bảo mật chập chờn: drops too short for `server-disconnected`, counted over its last hour. */
export const serverFlapping: Rule = (ctx) => {
  const { minDrops, criticalDrops } = ctx.config.serverFlapping;
  return ctx
    .servers()
    .filter((s) => s.drops >= minDrops)
    .map((s) =>
      candidate('server-flapping', { server: s.serverId }, s.drops >= criticalDrops ? 'critical' : 'warning', {
        name: s.name,
        agencies: s.agencyIds.length,
        drops: s.drops,
      }),
    );
};

/** Chứng thư số sắp hết hạn: a lapsed server cannot authenticate packages, so it warns weeks ahead. */
export const certificateExpiring: Rule = (ctx) => {
  const { warningDays, criticalDays } = ctx.config.certificateExpiring;
  const out: Candidate[] = [];
  for (const s of ctx.servers()) {
    if (s.certificateExpiresAt === null) continue;
    const left = s.certificateExpiresAt - ctx.now;
    if (left > warningDays * DAY_MS) continue;
    const severity = left <= criticalDays * DAY_MS ? 'critical' : 'warning';
    const params = { name: s.name, expiresAt: s.certificateExpiresAt };
    // The condition's own start: the expiry once it has passed, else when it came within warning.
    const since = left <= 0 ? s.certificateExpiresAt : s.certificateExpiresAt - warningDays * DAY_MS;
    out.push(candidate('certificate-expiring', { server: s.serverId }, severity, params, since));
  }
  return out;
};
