/** Security servers (máy chủ bảo mật) as rows. */
import type { ServerRow } from '../../metrics/types.js';
import { judgeServer } from '../status/judge.js';
import { formatCount } from '../text/format-number.js';
import { durationCell } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { displayServerName } from './display-name.js';
import { levelRole, serverStateKey } from './agencies-spec.js';
import type { ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { NAME_MAX } from './columns.js';

export interface ServerModel extends ServerRow {
  /** The highest-level agency it carries, opened with Enter. */
  readonly mainAgencyId: string | null;
}

/** Certificates expiring within this are flagged. */
export const CERT_WARN_MS = 30 * 86_400_000;

export function toServerModel(row: ServerRow, levelOf: (agencyId: string) => number): ServerModel {
  const main = [...row.agencyIds].sort((a, b) => levelOf(a) - levelOf(b) || (a < b ? -1 : 1))[0] ?? null;
  return { ...row, name: sanitize(displayServerName(row.name)), serverId: sanitize(row.serverId), mainAgencyId: main };
}

const RANK = { connected: 0, unknown: 1, degraded: 2, disconnected: 3 } as const;

const SORT: Readonly<Record<string, (m: ServerModel) => number | string>> = {
  id: (m) => m.serverId,
  // Worst first, and among the down the longest down first.
  state: (m) => RANK[m.state] * 1e15 - (m.since ?? 0) / 1e3,
  // By the age shown, so ▲ lists the shortest first as the status line says.
  since: (m) => (m.since === null ? 0 : -m.since),
  latency: (m) => m.latencyMs ?? -1,
  downtime: (m) => m.downtimeMs,
  drops: (m) => m.drops,
  agencies: (m) => m.agencyIds.length,
  cert: (m) => m.certificateExpiresAt ?? Infinity,
};

export const serversSpec: ListSpec<ServerModel> = {
  columns: [
    { id: 'name', title: 'col.name', min: 14, max: NAME_MAX, flex: 3, priority: 0 },
    { id: 'id', title: 'col.id', min: 8, max: 12, flex: 1, priority: 1 },
    { id: 'state', title: 'col.state', min: 9, max: 10, priority: 0, descFirst: true },
    { id: 'since', title: 'col.since', min: 7, priority: 1, align: 'right' },
    { id: 'latency', title: 'col.latency', min: 7, priority: 4, align: 'right', descFirst: true },
    { id: 'downtime', title: 'col.downtime', min: 7, priority: 2, align: 'right', descFirst: true },
    { id: 'drops', title: 'col.drops', min: 5, priority: 5, align: 'right', descFirst: true },
    { id: 'agencies', title: 'col.agencies', min: 5, priority: 6, align: 'right', descFirst: true },
    // An expired certificate fails every signature the server checks: kept before latency.
    { id: 'cert', title: 'col.cert', min: 8, max: 18, priority: 3, align: 'right' },
  ],
  defaultSort: { column: 'state', desc: true },
  key: (m) => m.serverId,
  agencyId: (m) => m.mainAgencyId,
  cells(m, { lang, t, now }) {
    const certLeft = m.certificateExpiresAt === null ? null : m.certificateExpiresAt - now;
    return {
      name: { text: m.name },
      id: { text: m.serverId, role: 'muted' },
      state: {
        text: t(serverStateKey(m.state)),
        role: levelRole(judgeServer(m.state)) ?? (m.state === 'unknown' ? 'unknown' : 'ok'),
      },
      since: { ...(m.since === null ? { text: '–' } : durationCell(now - m.since, lang)), role: 'muted' },
      latency: { text: m.latencyMs === null ? '–' : `${formatCount(m.latencyMs, lang)} ms` },
      downtime: { ...durationCell(m.downtimeMs, lang), role: m.downtimeMs > 0 ? 'warn' : 'muted' },
      drops: { text: formatCount(m.drops, lang), role: m.drops > 0 ? 'warn' : undefined },
      agencies: { text: formatCount(m.agencyIds.length, lang) },
      cert: {
        ...(certLeft === null
          ? { text: '–' }
          : certLeft <= 0
            ? { text: t('cert.expired') }
            : durationCell(certLeft, lang)),
        role: certLeft === null ? 'muted' : certLeft <= 0 ? 'critical' : certLeft < CERT_WARN_MS ? 'warn' : undefined,
      },
    };
  },
  sortValue: (m, column) => SORT[column]?.(m) ?? m.name,
  searchText: (m) => `${searchKey(m.name)} ${m.serverId.toLowerCase()}`,
  stateKey: (m) => `${m.state}|${m.drops}`,
};
