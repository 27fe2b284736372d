import type { Cache } from '../store/index.js';
import type { HelloMessage, HubIdentity, IngestBatch, IngestSink } from './sink.js';

/** The sink over the SQLite cache: one transaction per batch, so the cursor resumed from is the cache's own. */
export function cacheSink(cache: Cache): IngestSink {
  return {
    lastIdentity(): HubIdentity | undefined {
      const c = cache.cursor();
      return c.hubId !== null && c.epoch !== null ? { hubId: c.hubId, epoch: c.epoch } : undefined;
    },
    cursor(identity: HubIdentity): number {
      return cache.lastSeq(identity);
    },
    onHello(hello: HelloMessage): void {
      // Makes the hello's history current (or refuses another hub's) before any of its events arrive.
      cache.applyBatch([hello], [], { receivedAt: cache.now() });
    },
    write(batch: IngestBatch): void {
      const messages = batch.registry.length === 0 ? batch.events : [...batch.registry, ...batch.events];
      cache.applyBatch(messages, batch.rejections, {
        receivedAt: batch.receivedAt,
        ...(batch.identity && { identity: batch.identity }),
        gaps: batch.gaps,
        unknownFields: batch.unknownFields,
      });
    },
    idle(): boolean {
      // Documents first: deriving them adds to their minutes, which would unsettle folded hours.
      return cache.projectPending() > 0 || cache.foldPending() > 0;
    },
  };
}
