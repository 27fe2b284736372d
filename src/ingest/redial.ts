import { backoffDelay } from './backoff.js';
import type { LinkStatus } from './link-status.js';
import type { ResolvedIngestOptions } from './options.js';
import type { TimerHandle } from './timers.js';

/** When to dial again: at once to resync after leaving a link on purpose, else after a jittered backoff. */
export class Redialer {
  /** Some link has carried a hello since start: dialling again reads `reconnecting`. */
  everConnected = false;
  /** The link was left to ask again (another history, an identity change): redial at once. */
  resyncPending = false;
  private resyncStreak = 0;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly o: ResolvedIngestOptions,
    private readonly status: LinkStatus,
  ) {}

  /** A dial starts: no attempt is due any more. */
  dialling(): void {
    this.timer = undefined;
    this.status.nextAttemptAt = undefined;
  }

  /** A hello was accepted, so the next identity change gets its immediate redial again. */
  resynced(): void {
    this.resyncStreak = 0;
  }

  /** Arranges the next `dial` after a link that carried a hello (`linkWasUp`) or a failed one. */
  schedule(linkWasUp: boolean, dial: () => void): void {
    const status = this.status;
    if (linkWasUp) {
      this.everConnected = true;
      status.failures = 0;
    } else {
      status.failures++;
    }
    // One immediate redial to resync; a hub that changes identity on every link gets backoff.
    const immediate = this.resyncPending && this.resyncStreak++ < 1;
    const delay = immediate ? 0 : backoffDelay(linkWasUp ? 0 : status.failures - 1, this.o.backoff, this.o.random);
    this.resyncPending = false;
    status.counts.reconnects++;
    status.nextAttemptAt = this.o.timers.now() + delay;
    const next =
      status.failures >= this.o.offlineAfterFailures
        ? 'offline'
        : this.everConnected || status.failures > 0
          ? 'reconnecting'
          : 'connecting';
    status.setState(next);
    this.timer = this.o.timers.setTimeout(dial, delay);
  }

  /** Stops for good: nothing more is dialled. */
  cancel(): void {
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.status.nextAttemptAt = undefined;
  }
}
