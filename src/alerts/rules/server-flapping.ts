import { candidate } from '../types.js';
import type { Rule } from './context.js';

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
