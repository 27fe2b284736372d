import { alertKey, type Candidate } from '../types.js';
import type { Rule } from './context.js';

const DAY_MS = 86_400_000;

/**
 * Chứng thư số của máy chủ bảo mật sắp hết hạn: once it lapses the server can no longer
 * authenticate packages, so it is flagged weeks ahead and critical in the last days (or after).
 */
export const certificateExpiring: Rule = (ctx) => {
  const { warningDays, criticalDays } = ctx.config.certificateExpiring;
  const out: Candidate[] = [];
  for (const s of ctx.servers()) {
    if (s.certificateExpiresAt === null) continue;
    const left = s.certificateExpiresAt - ctx.now;
    if (left > warningDays * DAY_MS) continue;
    const labels = { server: s.serverId };
    out.push({
      key: alertKey('certificate-expiring', labels),
      rule: 'certificate-expiring',
      labels,
      severity: left <= criticalDays * DAY_MS ? 'critical' : 'warning',
      params: { name: s.name, expiresAt: s.certificateExpiresAt },
    });
  }
  return out;
};
