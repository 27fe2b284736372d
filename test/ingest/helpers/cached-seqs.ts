import type { Cache } from '../../../src/store/index.js';

/** The seqs a cache file holds for one epoch, read straight from its tables, in order. */
export const cachedSeqs = (cache: Cache, epoch: string): number[] =>
  cache.db
    .prepare('SELECT e.seq FROM events e JOIN streams s ON s.id = e.stream WHERE s.epoch = ? ORDER BY e.seq')
    .pluck()
    .all(epoch) as number[];
