import { candidate } from '../types.js';
import type { Rule } from './context.js';

/** Máy chủ bảo mật mất kết nối; its `since` starts the `for` clock, so a one-shot check knows how long. */
export const serverDisconnected: Rule = (ctx) =>
  ctx
    .servers()
    .filter((s) => s.state === 'disconnected')
    .map((s) =>
      candidate(
        'server-disconnected',
        { server: s.serverId },
        'critical',
        { name: s.name, agencies: s.agencyIds.length },
        s.since ?? undefined,
      ),
    );
