/** Agencies as rows: the same columns on the Agencies screen and for the units under an agency. */
import type { MessageKey } from '../i18n/translate.js';
import { judgeServer, type Level } from '../status/judge.js';
import { formatCount, formatPercent, formatRate } from '../text/format-number.js';
import type { AgencyModel } from './agency-model.js';
import { LIST_SPARK_BUCKETS } from './agency-figures.js';
import { column, type CellRole, type ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { INCIDENT_TAGS } from './incident-marks.js';
import { ID_COLUMN, NAME_COLUMN } from './columns.js';
import { perObject } from './same-data.js';

export const levelRole = (level: Level): CellRole | undefined =>
  level === 'critical' ? 'critical' : level === 'warn' ? 'warn' : undefined;

export const SERVER_RANK = { connected: 0, unknown: 1, degraded: 2, flapping: 3, disconnected: 4 } as const;

export const serverStateKey = (state: keyof typeof SERVER_RANK): MessageKey => `server.${state}`;

const RATE_COLUMN = { min: 6, max: 8, flex: 0, align: 'right', descFirst: true } as const;

const col = column<AgencyModel>;
export const agenciesSpec: ListSpec<AgencyModel> = {
  columns: [
    col(NAME_COLUMN).shows((m) => ({ text: m.name })),
    col(ID_COLUMN).text((m) => m.id, 'muted'),
    col({ id: 'level', title: 'col.level', min: 3, priority: 8, align: 'right' })
      .sortBy((m) => m.level)
      .shows((m) => ({ text: String(m.level) })),
    col({ id: 'conn', title: 'col.conn', min: 6, max: 9, flex: 0, priority: 9 })
      .sortBy((m) => m.connection)
      .shows((m, { t }) => ({ text: t(`conn.${m.connection}`), role: 'muted' })),
    col({ id: 'sentPerMin', title: 'col.sentPerMin', priority: 1, ...RATE_COLUMN })
      .sortBy((m) => m.total.sentPerMin)
      .shows((m, { lang }) => ({ text: formatRate(m.total.sentPerMin, lang) })),
    col({ id: 'recvPerMin', title: 'col.recvPerMin', priority: 2, ...RATE_COLUMN })
      .sortBy((m) => m.total.receivedPerMin)
      .shows((m, { lang }) => ({ text: formatRate(m.total.receivedPerMin, lang) })),
    col({ id: 'trend', title: 'col.trend', min: 8, max: LIST_SPARK_BUCKETS, flex: 1, priority: 5, descFirst: true })
      .sortBy((m) => m.drop ?? -1)
      .shows((m) => ({ text: '', spark: m.total.spark, role: levelRole(m.status.drop) })),
    col({ id: 'sigFail', title: 'col.sigFail', min: 6, priority: 2, align: 'right', descFirst: true })
      .sortBy((m) => m.sigRate ?? -1)
      .shows((m, { lang }) => ({ text: formatPercent(m.sigRate, lang), role: levelRole(m.status.signature) })),
    col({ id: 'overdue', title: 'col.overdue', min: 6, priority: 2 }).counts(
      (m) => m.total.overdue,
      (m) => levelRole(m.status.overdue),
    ),
    col({ id: 'server', title: 'col.server', min: 6, max: 10, flex: 0, priority: 1, descFirst: true })
      .sortBy((m) => SERVER_RANK[m.serverState] * 1_000_000 + m.total.serverDown)
      .shows((m, { lang, t }) => ({
        text:
          m.serverState !== 'connected' || m.total.serverDown === 0
            ? t(serverStateKey(m.serverState))
            : `↓${formatCount(m.total.serverDown, lang)}`,
        role: levelRole(m.status.server) ?? (judgeServer(m.serverState) === 'none' ? 'unknown' : undefined),
      })),
    col({ id: 'incident', title: 'col.incident', min: 5, max: 6, flex: 0, priority: 1, descFirst: true })
      .sortBy((m) => (m.incidents.length === 0 ? 0 : INCIDENT_TAGS.length - INCIDENT_TAGS.indexOf(m.incidents[0]!)))
      // The most urgent acute incident, short, with `+` when it has more.
      .shows((m, { t }) =>
        m.incidents.length === 0
          ? { text: '–', role: 'muted' }
          : {
              text: `${t(`incident.${m.incidents[0]!}`)}${m.incidents.length > 1 ? '+' : ''}`,
              role: m.incidents[0] === 'down' ? 'critical' : 'warn',
            },
      ),
  ],
  defaultSort: { column: 'name', desc: false },
  key: (m) => m.id,
  agencyId: (m) => m.id,
  fallbackSort: (m) => m.name,
  // Per model: a kept model is not put in words again.
  searchText: perObject((m) => `${searchKey(m.fullName)} ${m.id.toLowerCase()}`),
  stateKey: perObject(
    (m) =>
      `${m.serverState}|${m.total.serverDown}|${m.status.overall}|${m.status.signature}|${m.status.drop}|${m.total.overdue}|${m.incidents.join()}`,
  ),
};
