/**
 * Security servers beyond the fixtures' 87: a general department (tổng cục) runs its own, as the
 * large revenue and customs systems do, so a bigger registry also has more servers to watch.
 */
import type { SecurityServer } from '../protocol/index.js';
import { deriveSeed, intBetween, mulberry32 } from './rng.js';

/** Server ids are `MCBM-` and a three-digit sequence number (máy chủ bảo mật). */
function serverId(number: number): string {
  return `MCBM-${String(number).padStart(3, '0')}`;
}

/**
 * A dedicated server for one lower-level agency; its certificate expires on a day drawn
 * between 2027 and 2029, from the agency id so it does not depend on what else exists.
 */
export function dedicatedServer(agencyId: string, agencyName: string, number: number, seed: number): SecurityServer {
  const rng = mulberry32(deriveSeed(seed, `server:${agencyId}`));
  const expires = new Date(Date.UTC(intBetween(rng, 2027, 2029), intBetween(rng, 0, 11), intBetween(rng, 1, 28)));
  return {
    id: serverId(number),
    name: `Máy chủ bảo mật ${agencyName}`,
    certificateExpiresAt: expires.toISOString().replace('.000Z', 'Z'),
  };
}
