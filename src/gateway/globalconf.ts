/** X-Road global configuration of one instance from `shared-params.xml` (v2–v6) or a globalconf folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { children, parseXml, text } from './xml.js';

/** Global configuration as the gateway reads it: members (thành viên) with their subsystems, security servers. */
export type GlobalConf = ReturnType<typeof parseSharedParams>;

/** Why global configuration could not be read, with what the message needs in either language. */
export class GlobalConfError extends Error {
  override readonly name = 'GlobalConfError';
  constructor(
    readonly kind: 'not_found' | 'no_instance' | 'not_shared_params' | 'unreadable',
    readonly subject: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses one `shared-params.xml`; throws an Error naming what is missing. */
export function parseSharedParams(xml: string) {
  const conf = parseXml(xml)['conf'];
  const instance = text(conf, 'instanceIdentifier');
  if (conf === undefined || instance === undefined)
    throw new GlobalConfError(
      'not_shared_params',
      '',
      'expected shared parameters (conf with instanceIdentifier), got another document',
    );
  // `ref`: the element's `id`, by which security servers name their owner and clients.
  const members = children(conf, 'member').map((m) => ({
    ref: m['@id'] as string | undefined,
    memberClass: text(children(m, 'memberClass')[0], 'code') ?? text(m, 'memberClass') ?? '',
    memberCode: text(m, 'memberCode') ?? '',
    name: text(m, 'name') ?? '',
    subsystems: children(m, 'subsystem').map((s) => ({
      ref: s['@id'] as string | undefined,
      code: text(s, 'subsystemCode') ?? '',
      name: text(s, 'subsystemName'),
    })),
  }));
  const servers = children(conf, 'securityServer').map((s) => {
    const maintenance = children(s, 'inMaintenanceMode')[0];
    return {
      /** `ref` of the owning member. */
      owner: text(s, 'owner') ?? '',
      serverCode: text(s, 'serverCode') ?? '',
      address: text(s, 'address'),
      /** `ref`s of the members and subsystems it serves. */
      clients: children(s, 'client').map((c) => String(c['#text'] ?? '').trim()),
      /** Present (possibly empty) when the server is in maintenance mode (v6). */
      maintenance: maintenance && (text(maintenance, 'message') ?? ''),
    };
  });
  return { instance, members, servers };
}

/** The `shared-params.xml` at `path`, or in a configuration folder the one of `instance` (else the only one). */
function findSharedParams(path: string, instance: string): string {
  if (!existsSync(path)) throw new GlobalConfError('not_found', path, `no such file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return path;
  const direct = join(path, 'shared-params.xml');
  if (existsSync(direct)) return direct;
  const found = readdirSync(path)
    .map((d) => join(path, d, 'shared-params.xml'))
    .filter((f) => existsSync(f));
  const mine = found.find((f) => f.endsWith(join(instance, 'shared-params.xml')));
  if (mine) return mine;
  if (found.length === 1) return found[0] as string;
  throw new GlobalConfError('no_instance', path, `no shared-params.xml for instance ${instance} in ${path}`);
}

/** Reads and parses the global configuration at `path`. */
export function readGlobalConf(path: string, instance: string): { file: string; conf: GlobalConf } {
  const file = findSharedParams(path, instance);
  return { file, conf: parseSharedParams(readFileSync(file, 'utf8')) };
}
