/**
 * Global configuration → the protocol's registry: a member or subsystem whose code is a mã định danh is an agency
 * (a subsystem of another member's system, e.g. a province's LGSP, connects `lgsp`); the parent is the nearest
 * ancestor the configuration holds.
 */
import type { Agency } from '../protocol/index.js';
import { isAgencyId, levelOf } from '../registry/identifier.js';
import type { GlobalConf } from './globalconf.js';

/** A security server the gateway polls, addressed as X-Road addresses it. */
export type ServerTarget = MappedRegistry['servers'][number];

export type MappedRegistry = ReturnType<typeof mapRegistry>;

/** The ids of an identifier's ancestors, nearest first. */
function ancestorsOf(id: string): string[] {
  const [, g2, g3, top] = id.split('.') as [string, string, string, string];
  const out: string[] = [];
  if (levelOf(id) === 4) out.push(`000.${g2}.${g3}.${top}`);
  if (levelOf(id) >= 3 && g2 !== '00') out.push(`000.00.${g3}.${top}`);
  if (levelOf(id) >= 2) out.push(`000.00.00.${top}`);
  return out;
}

export function mapRegistry(conf: GlobalConf) {
  const byRef = new Map<string, { memberClass: string; memberCode: string; name: string }>();
  for (const m of conf.members) if (m.ref) byRef.set(m.ref, m);
  const count = new Map<string, number>();
  for (const s of conf.servers) count.set(s.serverCode, (count.get(s.serverCode) ?? 0) + 1);
  const servers = conf.servers.map((s) => {
    const owner = byRef.get(s.owner);
    const id = count.get(s.serverCode)! > 1 ? `${owner?.memberCode ?? s.owner}/${s.serverCode}` : s.serverCode;
    return {
      /** Its id in the telemetry (`serverCode`, qualified by the owner's code when not unique). */
      id: id.slice(0, 64),
      instance: conf.instance,
      ownerClass: owner?.memberClass ?? '',
      ownerCode: owner?.memberCode ?? '',
      serverCode: s.serverCode,
      name: (owner?.name || s.serverCode).slice(0, 256),
      maintenance: s.maintenance,
    };
  });
  // The server an agency's packages pass through: the first that lists it as a client, else its own.
  const serverOfRef = new Map<string, string>();
  const serve = (ref: string, i: number) => serverOfRef.has(ref) || serverOfRef.set(ref, servers[i]!.id);
  conf.servers.forEach((s, i) => s.clients.forEach((c) => serve(c, i)));
  conf.servers.forEach((s, i) => serve(s.owner, i));

  const found = new Map<string, Omit<Agency, 'level' | 'parent'>>();
  const lookup = new Map<string, string>();
  const skipped: string[] = [];
  const serverOf = (ref: string | undefined) => ref && serverOfRef.get(ref);
  const add = (key: string, id: string, name: string, server: string | undefined, connection: Agency['connection']) => {
    if (!server) return void skipped.push(`${key} (no security server serves it)`);
    lookup.set(key, id);
    if (!found.has(id)) found.set(id, { id, name: name.slice(0, 256) || id, connection, securityServer: server });
  };
  for (const m of conf.members) {
    const key = `${m.memberClass}/${m.memberCode}`;
    if (isAgencyId(m.memberCode)) add(key, m.memberCode, m.name, serverOf(m.ref), 'direct');
    else skipped.push(`${key} (member code is no mã định danh)`);
    for (const s of m.subsystems) {
      if (!isAgencyId(s.code)) continue;
      const connection = s.code === m.memberCode ? 'direct' : 'lgsp';
      const server = serverOf(s.ref) ?? serverOf(m.ref);
      add(`${key}/${s.code}`, s.code, s.name ?? `${m.name} — ${s.code}`, server, connection);
    }
  }
  const agencies: Agency[] = [...found.values()].map((a) => ({
    ...a,
    level: levelOf(a.id),
    parent: ancestorsOf(a.id).find((p) => found.has(p)) ?? null,
  }));
  return {
    agencies,
    servers: servers as readonly (typeof servers)[number][],
    /** Members and subsystems whose codes are no mã định danh, or that no server serves. */
    skipped: skipped as readonly string[],
    /** The agency an X-Road client or service provider stands for, if any. */
    agencyOf: (memberClass: string, memberCode: string, subsystemCode?: string): string | undefined =>
      (subsystemCode && lookup.get(`${memberClass}/${memberCode}/${subsystemCode}`)) ||
      lookup.get(`${memberClass}/${memberCode}`),
  };
}
