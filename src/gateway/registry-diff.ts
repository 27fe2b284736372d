/** Registry changes since the last published as `server.upsert`, `agency.upsert` and `agency.removed` events. */
import type { Agency, EventType, SecurityServer } from '../protocol/index.js';
import type { PendingEvent } from './exchange-events.js';

export interface PublishedRegistry {
  readonly agencies: readonly Agency[];
  readonly securityServers: readonly SecurityServer[];
}

/** The entries of `after` that are new or differ from `before`'s of the same id. */
function upserts<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): T[] {
  const old = new Map(before.map((x) => [x.id, JSON.stringify(x)]));
  return after.filter((x) => old.get(x.id) !== JSON.stringify(x));
}

export function registryChanges(before: PublishedRegistry, after: PublishedRegistry, t: number): PendingEvent[] {
  const ev = (type: EventType, data: object): PendingEvent => ({ t, type, data });
  const newIds = new Set(after.agencies.map((a) => a.id));
  return [
    ...upserts(before.securityServers, after.securityServers).map((server) => ev('server.upsert', { server })),
    ...upserts(before.agencies, after.agencies).map((agency) => ev('agency.upsert', { agency })),
    ...before.agencies.filter((a) => !newIds.has(a.id)).map((a) => ev('agency.removed', { id: a.id })),
  ];
}
