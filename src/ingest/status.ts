import type { LinkStatus } from './link-status.js';

/**
 * Where the link stands: `catching_up` (đang đồng bộ) behind the hub's newest seq, `live` (trực tiếp), `stale` (no
 * message, not even a heartbeat, for too long), `offline` (mất kết nối) after several failures or when stopped.
 */
export type IngestState = 'connecting' | 'catching_up' | 'live' | 'stale' | 'reconnecting' | 'offline';

/** One snapshot of the client, cheap to take; the console polls or subscribes to it. */
export type IngestStatus = ReturnType<LinkStatus['snapshot']>;

export type IngestListener = (status: IngestStatus) => void;
