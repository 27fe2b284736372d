/** Registry changes since the last published as `server.upsert`, `agency.upsert` and `agency.removed` events. */
import type { Agency, SecurityServer } from '../protocol/index.js';
import type { PendingEvent } from './exchange-events.js';

export interface PublishedRegistry {
  readonly agencies: readonly Agency[];
  readonly securityServers: readonly SecurityServer[];
}

const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);

export function registryChanges(before: PublishedRegistry, after: PublishedRegistry, t: number): PendingEvent[] {
  const events: PendingEvent[] = [];
  const oldServers = new Map(before.securityServers.map((s) => [s.id, s]));
  for (const s of after.securityServers) {
    const was = oldServers.get(s.id);
    if (!was || !same(was, s)) events.push({ t, type: 'server.upsert', data: { server: s } });
  }
  const oldAgencies = new Map(before.agencies.map((a) => [a.id, a]));
  const newIds = new Set(after.agencies.map((a) => a.id));
  for (const a of after.agencies) {
    const was = oldAgencies.get(a.id);
    if (!was || !same(was, a)) events.push({ t, type: 'agency.upsert', data: { agency: a } });
  }
  for (const a of before.agencies)
    if (!newIds.has(a.id)) events.push({ t, type: 'agency.removed', data: { id: a.id } });
  return events;
}
