/**
 * The link to the hub as the header shows it: the ingest client's own state, as it judged it
 * (it alone knows when the hub last spoke, heartbeats included), or `readOnly` for a console
 * that reads a cache another console writes and so has no link of its own.
 */
import type { IngestState, IngestStatus } from '../data/sources.js';

export type LinkState = IngestState | 'readOnly';

export const judgeLink = (status: IngestStatus): LinkState => (status.readOnly !== null ? 'readOnly' : status.state);

/** The figures on screen are not being kept current: a banner says so and since when. */
export const linkDown = (link: LinkState): boolean =>
  link === 'stale' || link === 'reconnecting' || link === 'offline' || link === 'connecting';

/**
 * How far "no alert is firing" can be trusted: the cache holds nothing to judge yet, the rules judged figures that are
 * not being kept current, or they judged live figures. Only the last is an all-clear.
 */
export type Quiet = 'noData' | 'cached' | 'live';

export const judgeQuiet = (link: LinkState, newestEventTs: number | null): Quiet =>
  newestEventTs === null ? 'noData' : linkDown(link) ? 'cached' : 'live';
