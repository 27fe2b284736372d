/** Security servers (máy chủ bảo mật) as rows. */
import { shownServerState } from '../../alerts/flapping.js';
import type { ServerRow } from '../../metrics/types.js';
import { judgeServer } from '../status/judge.js';
import { formatLatency } from '../text/format-number.js';
import { durationCell } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { displayServerName } from './display-name.js';
import { levelRole, SERVER_RANK, serverStateKey } from './agencies-spec.js';
import { column, type ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { NAME_COLUMN } from './columns.js';

/** Certificates expiring within this are flagged. */
export const CERT_WARN_MS = 30 * 86_400_000;

/**
 * A server's row, with the highest-level agency it carries as `mainAgencyId`, opened with Enter, and its state as shown:
 * `flapping` while up with the server-flapping alert firing for it (`flapping` names those servers).
 */
export function toServerModel(
  row: ServerRow,
  levelOf: (agencyId: string) => number,
  flapping: ReadonlySet<string> = new Set(),
) {
  const main = [...row.agencyIds].sort((a, b) => levelOf(a) - levelOf(b) || (a < b ? -1 : 1))[0] ?? null;
  return {
    ...row,
    state: shownServerState(row, flapping),
    name: sanitize(displayServerName(row.name)),
    serverId: sanitize(row.serverId),
    mainAgencyId: main,
  };
}
export type ServerModel = ReturnType<typeof toServerModel>;

const col = column<ServerModel>;
export const serversSpec: ListSpec<ServerModel> = {
  columns: [
    col(NAME_COLUMN).shows((m) => ({ text: m.name })),
    col({ id: 'id', title: 'col.id', min: 8, max: 12, flex: 1, priority: 1 }).text((m) => m.serverId, 'muted'),
    col({ id: 'state', title: 'col.state', min: 9, max: 10, priority: 0, descFirst: true })
      // Worst first, and among the down the longest down first.
      .sortBy((m) => SERVER_RANK[m.state] * 1e15 - (m.since ?? 0) / 1e3)
      .shows((m, { t }) => ({
        text: t(serverStateKey(m.state)),
        role: levelRole(judgeServer(m.state)) ?? (m.state === 'unknown' ? 'unknown' : 'ok'),
      })),
    col({ id: 'since', title: 'col.since', min: 7, priority: 1, align: 'right' })
      // By the age shown, so ▲ lists the shortest first as the status line says.
      .sortBy((m) => (m.since === null ? 0 : -m.since))
      .shows((m, { lang, now }) => ({
        ...(m.since === null ? { text: '–' } : durationCell(now - m.since, lang)),
        role: 'muted',
      })),
    // A disconnected server's last latency is history, not its state: shown as unknown.
    col({ id: 'latency', title: 'col.latency', min: 7, priority: 4, align: 'right', descFirst: true })
      .sortBy((m) => (m.state === 'disconnected' ? -1 : (m.latencyMs ?? -1)))
      .shows((m, { lang }) => ({
        text: m.latencyMs === null || m.state === 'disconnected' ? '–' : formatLatency(m.latencyMs, lang),
      })),
    col({ id: 'downtime', title: 'col.downtime', min: 7, priority: 2, align: 'right', descFirst: true })
      .sortBy((m) => m.downtimeMs)
      .shows((m, { lang }) => ({ ...durationCell(m.downtimeMs, lang), role: m.downtimeMs > 0 ? 'warn' : 'muted' })),
    col({ id: 'drops', title: 'col.drops', min: 5, priority: 5 }).counts((m) => m.drops, 'warn'),
    col({ id: 'agencies', title: 'col.agencies', min: 5, priority: 6 }).counts((m) => m.agencyIds.length),
    // An expired certificate fails every signature the server checks: kept before latency.
    col({ id: 'cert', title: 'col.cert', min: 8, max: 18, priority: 3, align: 'right' })
      .sortBy((m) => m.certificateExpiresAt ?? Infinity)
      .shows((m, { lang, t, now }) => {
        const left = m.certificateExpiresAt === null ? null : m.certificateExpiresAt - now;
        return {
          ...(left === null ? { text: '–' } : left <= 0 ? { text: t('cert.expired') } : durationCell(left, lang)),
          role: left === null ? 'muted' : left <= 0 ? 'critical' : left < CERT_WARN_MS ? 'warn' : undefined,
        };
      }),
  ],
  defaultSort: { column: 'state', desc: true },
  key: (m) => m.serverId,
  agencyId: (m) => m.mainAgencyId,
  fallbackSort: (m) => m.name,
  searchText: (m) => `${searchKey(m.name)} ${m.serverId.toLowerCase()}`,
  stateKey: (m) => `${m.state}|${m.drops}`,
};
