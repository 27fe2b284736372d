/** How long to wait between reconnection attempts. */
export interface BackoffPolicy {
  /** Ceiling of the first wait; doubles with each failed attempt. */
  readonly initialMs: number;
  /** The ceiling never grows past this. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

/**
 * Capped exponential backoff with full jitter: a uniform wait in [0, min(max, initial·2^n)).
 * Full jitter spreads the consoles of a whole shift apart when a hub comes back, instead of
 * having them all knock at the same instant.
 *
 * @param attempt 0 for the first retry after a drop.
 * @param random a number in [0, 1), injected for tests.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = Math.min(attempt, 30);
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** exp);
  return Math.floor(random() * ceiling);
}
