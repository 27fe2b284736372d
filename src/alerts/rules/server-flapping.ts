import { candidate } from '../types.js';
import type { Rule } from './context.js';

/**
 * Máy chủ bảo mật chập chờn: a server that drops and comes back again and again. Each drop is
 * too short for `server-disconnected`, yet every package through it may be lost; one incident
 * for the server, as long as it keeps dropping. Counted over the last hour of its history.
 */
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
