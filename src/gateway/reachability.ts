/**
 * A server's state as the gateway sees it: `connected` while polls answer; `degraded` from the first failed poll
 * (or half its requests failing, or maintenance); `disconnected` after `disconnectAfterMs` of failures.
 */
import type { ServerState } from '../protocol/index.js';

export interface ServerView {
  readonly state: ServerState;
  readonly reason?: string;
  /** Epoch ms the polls started failing, while they fail. */
  readonly failingSince?: number;
}

export type PollResult =
  | { readonly ok: true; readonly at: number; readonly latencyMs: number; readonly concern?: string }
  | { readonly ok: false; readonly at: number; readonly error: string };

/** The next view of a server after a poll, and whether it is news. */
export function nextView(
  previous: ServerView | undefined,
  poll: PollResult,
  options: { readonly disconnectAfterMs: number; readonly maintenance?: string },
): { view: ServerView; changed: boolean } {
  let view: ServerView;
  if (poll.ok) {
    const concern =
      options.maintenance !== undefined
        ? `maintenance mode${options.maintenance ? `: ${options.maintenance}` : ''}`
        : poll.concern;
    view = concern ? { state: 'degraded', reason: concern } : { state: 'connected' };
  } else {
    const since = previous?.failingSince ?? poll.at;
    const down = poll.at - since >= options.disconnectAfterMs;
    const when = new Date(since).toISOString();
    view = {
      state: down ? 'disconnected' : 'degraded',
      reason: `${poll.error} (polls failing since ${when})`.slice(0, 1024),
      failingSince: since,
    };
  }
  const changed = previous?.state !== view.state || (previous.reason ?? '') !== (view.reason ?? '');
  return { view, changed };
}
