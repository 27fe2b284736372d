/** A recorded stream loaded to be served again: hub identity, registry, durable events with their seqs. */
import { isSessionType, type Agency, type SecurityServer } from '../protocol/index.js';
import { readRecording } from './recording.js';

export type ReplaySource = Awaited<ReturnType<typeof loadReplay>>;

/** Hub identity, registry, durable events in file order (seqs strictly increasing), lines skipped with why. */
export async function loadReplay(path: string) {
  const source = {
    hubId: undefined as string | undefined,
    hubName: undefined as string | undefined,
    epoch: undefined as string | undefined,
    agencies: [] as Agency[],
    securityServers: [] as SecurityServer[],
    /** Durable events as recorded, `t` their time (epoch ms). */
    events: [] as { readonly seq: number; readonly t: number; readonly text: string }[],
    skipped: [] as { line: number; problem: string }[],
  };
  let lastSeq = 0;
  let snapshots = 0;
  let inFirstSnapshot = false;
  for await (const rec of readRecording(path)) {
    if (rec.problem !== undefined) {
      source.skipped.push({ line: rec.line, problem: rec.problem });
      continue;
    }
    const data = (rec.value.data ?? {}) as Record<string, unknown>;
    if (isSessionType(rec.type)) {
      if (rec.type === 'hello' && source.hubId === undefined) {
        source.hubId = String(data.hubId ?? '');
        source.hubName = String(data.hubName ?? '');
        source.epoch = String(data.epoch ?? '');
      } else if (rec.type === 'registry.snapshot') {
        // Keep only the first snapshot: later ones repeat it on each reconnect of the recorder.
        if (data.part === 1) inFirstSnapshot = snapshots++ === 0;
        if (!inFirstSnapshot) continue;
        if (Array.isArray(data.agencies)) source.agencies.push(...(data.agencies as Agency[]));
        if (Array.isArray(data.securityServers))
          source.securityServers.push(...(data.securityServers as SecurityServer[]));
      }
      continue;
    }
    const t = Date.parse(rec.ts);
    if (rec.seq <= lastSeq || !Number.isFinite(t)) {
      source.skipped.push({
        line: rec.line,
        problem: rec.seq <= lastSeq ? `seq ${rec.seq} does not follow ${lastSeq}` : 'bad ts',
      });
      continue;
    }
    lastSeq = rec.seq;
    source.events.push({ seq: rec.seq, t, text: rec.text });
  }
  return source;
}
