/** The registry as `registry.snapshot` parts: servers in the first, at most 1,000 agencies a part. */
import type { Agency, SecurityServer } from '../protocol/index.js';

const AGENCIES_PER_PART = 1_000;

/** Serialized `data` of every part, in order; always at least one part. */
export function snapshotPartData(agencies: readonly Agency[], securityServers: readonly SecurityServer[]): string[] {
  const parts = Math.max(1, Math.ceil(agencies.length / AGENCIES_PER_PART));
  return Array.from({ length: parts }, (_, i) =>
    JSON.stringify({
      part: i + 1,
      parts,
      agencies: agencies.slice(i * AGENCIES_PER_PART, (i + 1) * AGENCIES_PER_PART),
      securityServers: i === 0 ? securityServers : [],
    }),
  );
}
