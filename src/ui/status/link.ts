/** The link to the hub as the header shows it: the ingest client's state, or `readOnly` for a console with no link. */
import type { IngestState, IngestStatus } from '../data/sources.js';

export type LinkState = IngestState | 'readOnly';

export const judgeLink = (status: IngestStatus): LinkState => (status.readOnly !== null ? 'readOnly' : status.state);

/** How the header colours the link: live, lost (offline, reconnecting), or in doubt. */
export const linkRole = (link: LinkState): 'ok' | 'warn' | 'critical' =>
  link === 'live' ? 'ok' : link === 'offline' || link === 'reconnecting' ? 'critical' : 'warn';

/** The figures on screen are not being kept current: a banner says so and since when. */
export const linkDown = (link: LinkState): link is 'stale' | 'reconnecting' | 'offline' | 'connecting' =>
  link === 'stale' || link === 'reconnecting' || link === 'offline' || link === 'connecting';

/**
 * How far "no alert is firing" can be trusted: nothing to judge yet, part of the hub's history (a catch-up), cached
 * figures, or live ones (an all-clear).
 */
export type Quiet = 'noData' | 'catchingUp' | 'cached' | 'live';

export const judgeQuiet = (link: LinkState, newestEventTs: number | null): Quiet =>
  newestEventTs === null ? 'noData' : link === 'catching_up' ? 'catchingUp' : linkDown(link) ? 'cached' : 'live';
