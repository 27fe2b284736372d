/** How long to wait between reconnection attempts. */
export interface BackoffPolicy {
  /** Ceiling of the first wait; doubles with each failed attempt. */
  readonly initialMs: number;
  /** The ceiling never grows past this. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

/** Capped exponential backoff with full jitter (consoles do not all knock at once); `attempt` 0 is the first retry. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = Math.min(attempt, 30);
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** exp);
  return Math.floor(random() * ceiling);
}
