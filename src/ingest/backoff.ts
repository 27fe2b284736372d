/** How long to wait between reconnection attempts. */
export const DEFAULT_BACKOFF = {
  /** Ceiling of the first wait; doubles with each failed attempt. */
  initialMs: 500,
  /** The ceiling never grows past this. */
  maxMs: 30_000,
};
export type BackoffPolicy = Readonly<typeof DEFAULT_BACKOFF>;

/** Capped exponential backoff with full jitter (consoles do not all knock at once); `attempt` 0 is the first retry. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = Math.min(attempt, 30);
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** exp);
  return Math.floor(random() * ceiling);
}
