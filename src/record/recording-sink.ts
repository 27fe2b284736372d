/** An ingest sink writing the stream to an NDJSON recording; the client's resume keeps each event once. */
import type { HubIdentity, IngestSink } from '../ingest/sink.js';
import { identityOf, sameIdentity } from '../ingest/history.js';
import type { RecordingWriter } from '../sim/recording.js';

/** `since`: resume after this seq at first (0: all the hub keeps); `counts`: events written, messages set aside. */
export function recordingSink(writer: RecordingWriter, since = 0) {
  let identity: HubIdentity | undefined;
  let lastSeq = since;
  const counts = { events: 0, rejections: 0 };
  return {
    counts,
    lastIdentity: () => identity,
    cursor: (id) => (identity === undefined || sameIdentity(id, identity) ? lastSeq : 0),
    onHello(hello) {
      const next = identityOf(hello);
      if (identity !== undefined && !sameIdentity(identity, next)) lastSeq = 0;
      identity = next;
      writer.write(JSON.stringify(hello));
    },
    write(batch) {
      for (const part of batch.registry) writer.write(JSON.stringify(part));
      for (const event of batch.events) {
        writer.write(JSON.stringify(event));
        lastSeq = event.seq;
        counts.events++;
      }
      counts.rejections += batch.rejections.length;
      writer.flush();
    },
  } satisfies IngestSink & { counts: typeof counts };
}
