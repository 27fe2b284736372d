/** Agencies as rows: the same columns on the Agencies screen and for the units under an agency. */
import type { MessageKey } from '../i18n/translate.js';
import { judgeServer, type Level } from '../status/judge.js';
import { formatCount, formatPercent, formatRate } from '../text/format-number.js';
import { LIST_SPARK_BUCKETS, type AgencyModel } from './agency-model.js';
import type { CellRole, ListSpec } from './list-spec.js';
import { searchKey } from './search.js';
import { INCIDENT_TAGS } from './incident-marks.js';
import { NAME_MAX } from './columns.js';
import { perObject } from './same-data.js';

export const levelRole = (level: Level): CellRole | undefined =>
  level === 'critical' ? 'critical' : level === 'warn' ? 'warn' : undefined;

const SERVER_RANK = { connected: 0, unknown: 1, degraded: 2, disconnected: 3 } as const;

export const serverStateKey = (state: keyof typeof SERVER_RANK): MessageKey => `server.${state}`;

const SORT: Readonly<Record<string, (m: AgencyModel) => number | string>> = {
  id: (m) => m.id,
  level: (m) => m.level,
  conn: (m) => m.connection,
  sentPerMin: (m) => m.total.sentPerMin,
  recvPerMin: (m) => m.total.receivedPerMin,
  trend: (m) => m.drop ?? -1,
  sigFail: (m) => m.sigRate ?? -1,
  overdue: (m) => m.total.overdue,
  server: (m) => SERVER_RANK[m.serverState] * 1_000_000 + m.total.serverDown,
  incident: (m) => (m.incidents.length === 0 ? 0 : INCIDENT_TAGS.length - INCIDENT_TAGS.indexOf(m.incidents[0]!)),
};

const RATE_COLUMN = { min: 6, max: 8, flex: 0, align: 'right', descFirst: true } as const;

export const agenciesSpec: ListSpec<AgencyModel> = {
  columns: [
    { id: 'name', title: 'col.name', min: 14, max: NAME_MAX, flex: 3, priority: 0 },
    { id: 'id', title: 'col.id', min: 13, max: 13, priority: 1 },
    { id: 'level', title: 'col.level', min: 3, priority: 8, align: 'right' },
    { id: 'conn', title: 'col.conn', min: 6, max: 9, flex: 0, priority: 9 },
    { id: 'sentPerMin', title: 'col.sentPerMin', priority: 1, ...RATE_COLUMN },
    { id: 'recvPerMin', title: 'col.recvPerMin', priority: 2, ...RATE_COLUMN },
    { id: 'trend', title: 'col.trend', min: 8, max: LIST_SPARK_BUCKETS, flex: 1, priority: 5, descFirst: true },
    { id: 'sigFail', title: 'col.sigFail', min: 6, priority: 2, align: 'right', descFirst: true },
    { id: 'overdue', title: 'col.overdue', min: 6, priority: 2, align: 'right', descFirst: true },
    { id: 'server', title: 'col.server', min: 6, max: 10, flex: 0, priority: 1, descFirst: true },
    { id: 'incident', title: 'col.incident', min: 5, max: 6, flex: 0, priority: 1, descFirst: true },
  ],
  defaultSort: { column: 'name', desc: false },
  key: (m) => m.id,
  agencyId: (m) => m.id,
  cells(m, { lang, t }) {
    const own = m.serverState;
    const serverText =
      own !== 'connected' || m.total.serverDown === 0
        ? t(serverStateKey(own))
        : `↓${formatCount(m.total.serverDown, lang)}`;
    return {
      name: { text: m.name },
      id: { text: m.id, role: 'muted' },
      level: { text: String(m.level) },
      conn: { text: t(m.connection === 'lgsp' ? 'conn.lgsp' : 'conn.direct'), role: 'muted' },
      sentPerMin: { text: formatRate(m.total.sentPerMin, lang) },
      recvPerMin: { text: formatRate(m.total.receivedPerMin, lang) },
      trend: { text: '', spark: m.total.spark, role: levelRole(m.status.drop) },
      sigFail: { text: formatPercent(m.sigRate, lang), role: levelRole(m.status.signature) },
      overdue: { text: formatCount(m.total.overdue, lang), role: levelRole(m.status.overdue) },
      server: {
        text: serverText,
        role: levelRole(m.status.server) ?? (judgeServer(own) === 'none' ? 'unknown' : undefined),
      },
      incident: incidentCell(m, t),
    };
  },
  sortValue: (m, column) => SORT[column]?.(m) ?? m.name,
  // Per model: a kept model is not put in words again.
  searchText: perObject((m) => `${searchKey(m.fullName)} ${m.id.toLowerCase()}`),
  stateKey: perObject(
    (m) =>
      `${m.serverState}|${m.total.serverDown}|${m.status.overall}|${m.status.signature}|${m.status.drop}|${m.total.overdue}|${m.incidents.join()}`,
  ),
};

/** The agency's most urgent acute incident, short, with `+` when it has more. */
function incidentCell(m: AgencyModel, t: (key: MessageKey) => string): { text: string; role?: CellRole } {
  const tags = m.incidents;
  if (tags.length === 0) return { text: '–', role: 'muted' };
  const first = tags[0]!;
  return {
    text: `${t(`incident.${first}`)}${tags.length > 1 ? '+' : ''}`,
    role: first === 'down' ? 'critical' : 'warn',
  };
}
