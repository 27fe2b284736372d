/** Security servers beyond the fixtures' 87: a general department (tổng cục) runs its own. */
import type { SecurityServer } from '../protocol/index.js';
import { deriveSeed, intBetween, mulberry32 } from './rng.js';

/** A dedicated server (`MCBM-NNN`) for one agency; its certificate expires 2027–2029, drawn from the agency id. */
export function dedicatedServer(agencyId: string, agencyName: string, number: number, seed: number): SecurityServer {
  const rng = mulberry32(deriveSeed(seed, `server:${agencyId}`));
  const expires = new Date(Date.UTC(intBetween(rng, 2027, 2029), intBetween(rng, 0, 11), intBetween(rng, 1, 28)));
  return {
    id: `MCBM-${String(number).padStart(3, '0')}`,
    name: `Máy chủ bảo mật ${agencyName}`,
    certificateExpiresAt: expires.toISOString().replace('.000Z', 'Z'),
  };
}
