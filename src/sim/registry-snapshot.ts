/**
 * The registry as `registry.snapshot` parts: security servers with the first part, agencies
 * at most {@link AGENCIES_PER_PART} per part so no frame grows unbounded at 12,000 agencies.
 */
import type { Agency, SecurityServer } from '../protocol/index.js';

const AGENCIES_PER_PART = 1_000;

/** Serialized `data` of every part, in order; always at least one part. */
export function snapshotPartData(agencies: readonly Agency[], securityServers: readonly SecurityServer[]): string[] {
  const parts = Math.max(1, Math.ceil(agencies.length / AGENCIES_PER_PART));
  const out: string[] = [];
  for (let i = 0; i < parts; i++) {
    out.push(
      JSON.stringify({
        part: i + 1,
        parts,
        agencies: agencies.slice(i * AGENCIES_PER_PART, (i + 1) * AGENCIES_PER_PART),
        securityServers: i === 0 ? securityServers : [],
      }),
    );
  }
  return out;
}
