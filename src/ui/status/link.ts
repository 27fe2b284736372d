/** The link to the hub as the header shows it, judged from the ingest status and the clock. */
import type { IngestStatus } from '../data/sources.js';

export type LinkState = 'connecting' | 'live' | 'catching-up' | 'stale' | 'offline';

/** With no frame at all (heartbeats included) for this long, a live link is called stale. */
export const STALE_AFTER_MS = 30_000;

export function judgeLink(status: IngestStatus, now: number): LinkState {
  if (status.connection === 'offline') return 'offline';
  if (status.connection === 'connecting') return 'connecting';
  if (status.lastContactAt !== null && now - status.lastContactAt > STALE_AFTER_MS) return 'stale';
  return status.connection;
}
