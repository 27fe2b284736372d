/**
 * The Overview's "worst agencies": for each concern (server down, an acute incident of its own, throughput drop,
 * signature failures, overdue replies), the agencies that suffer it most, judged on their own figures so the list
 * names the unit that is actually failing.
 */
import {
  judgeOverdue,
  judgeServer,
  judgeSignatureFailure,
  judgeThroughputDrop,
  levelRank,
  signatureRank,
  throughputDrop,
  type Level,
} from '../status/judge.js';
import { formatCount, formatPercent } from '../text/format-number.js';
import { formatDurationShort } from '../text/format-time.js';
import type { AgencyModel } from './agency-model.js';
import { levelRole, serverStateKey } from './agencies-spec.js';
import { sanitize } from '../text/sanitize.js';
import { column, type ListSpec, type RenderContext } from './list-spec.js';
import { searchKey } from './search.js';
import { ID_COLUMN, NAME_MAX } from './columns.js';
import { INCIDENT_TAGS, type IncidentTag } from './incident-marks.js';

export const CONCERNS = ['server', 'incident', 'drop', 'signature', 'overdue'] as const;
export type Concern = (typeof CONCERNS)[number];

export interface WorstModel {
  readonly concern: Concern;
  readonly agency: AgencyModel;
  readonly level: Level;
  /** Higher is worse; orders within a concern. */
  readonly badness: number;
}

function ownFigures(m: AgencyModel, concern: Concern): { level: Level; badness: number } {
  const own = m.own;
  switch (concern) {
    case 'server':
      // Down longest first (one row per server); the highest unit behind it stands for it.
      return { level: judgeServer(m.serverState), badness: serverBadness(m.serverSince, m.level) };
    case 'drop': {
      const drop = throughputDrop(own.sent + own.received, own.weekAgo);
      return { level: judgeThroughputDrop(drop), badness: (drop ?? 0) * (own.weekAgo ?? 0) };
    }
    case 'signature': {
      const { sigFailed: failed, sigVerified: verified } = own;
      return { level: judgeSignatureFailure(failed, verified), badness: signatureRank(failed, verified) };
    }
    case 'overdue':
      return { level: judgeOverdue(own.overdue), badness: own.overdue };
    case 'incident': {
      const tags = ownIncidents(m);
      return tags.length === 0
        ? { level: 'ok', badness: 0 }
        : { level: 'warn', badness: tags.length * 10 + INCIDENT_TAGS.length - INCIDENT_TAGS.indexOf(tags[0]!) };
    }
  }
}

/** The agency's acute incidents that no other concern ranks it by (down and signature have theirs). */
type OwnIncident = Exclude<IncidentTag, 'down' | 'signature'>;
const ownIncidents = (m: AgencyModel): readonly OwnIncident[] =>
  m.incidents.filter((tag): tag is OwnIncident => tag !== 'down' && tag !== 'signature');

/** Earlier is worse (seconds since it changed, against a far date), the unit's level a tie-break. */
const serverBadness = (since: number | null, level: number): number =>
  (since === null ? 0 : (1e13 - since) / 1e6) + (10 - level) / 1e6;

/** Negative when the first is worse than b: the higher level, then the greater badness, then by id. */
const compareWorst = (level: Level, badness: number, id: string, b: WorstModel): number =>
  levelRank(b.level) - levelRank(level) || b.badness - badness || (id < b.agency.id ? -1 : 1);

/**
 * Up to `perConcern` agencies per concern at warn or worse, worst first, kept by insertion rather than sorting all
 * that qualify (on a year's cache every one of the 12,000 has overdue replies).
 */
export function worstAgencies(agencies: readonly AgencyModel[], perConcern: number): WorstModel[] {
  const tops: WorstModel[][] = CONCERNS.map(() => []);
  if (perConcern <= 0) return [];
  const warn = levelRank('warn');
  for (const agency of agencies) {
    if (levelRank(agency.status.overall) < warn && agency.childCount === 0 && ownIncidents(agency).length === 0)
      continue;
    for (let c = 0; c < CONCERNS.length; c++) {
      const concern = CONCERNS[c]!;
      const { level, badness } = ownFigures(agency, concern);
      if (levelRank(level) < warn) continue;
      const top = tops[c]!;
      // One outage is one row: of the agencies behind a down server, only the one ranked worst.
      if (concern === 'server') {
        const same = top.findIndex((p) => p.agency.serverId === agency.serverId);
        if (same >= 0) {
          if (compareWorst(level, badness, agency.id, top[same]!) >= 0) continue;
          top.splice(same, 1);
        }
      }
      if (top.length === perConcern && compareWorst(level, badness, agency.id, top[perConcern - 1]!) >= 0) continue;
      let at = top.length === perConcern ? perConcern - 1 : top.length;
      while (at > 0 && compareWorst(level, badness, agency.id, top[at - 1]!) < 0) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = { concern, agency, level, badness };
    }
  }
  return tops.flat();
}

/** What the row says of its concern: the figure that put it there. */
function valueText({ concern, agency: a }: WorstModel, { lang, t, now }: RenderContext): string {
  const own = a.own;
  const age = (at: number | null, none: string): string => (at === null ? none : formatDurationShort(now - at, lang));
  switch (concern) {
    case 'server':
      return t('value.server', {
        server: sanitize(a.serverId),
        state: t(serverStateKey(a.serverState)),
        ago: age(a.serverSince, ''),
      }).trim();
    case 'drop':
      return t('value.drop', { pct: formatPercent(throughputDrop(own.sent + own.received, own.weekAgo), lang) });
    case 'signature':
      return t('value.signature', {
        pct: formatPercent(own.sigVerified > 0 ? own.sigFailed / own.sigVerified : null, lang),
        n: formatCount(own.sigVerified, lang),
      });
    case 'incident':
      return ownIncidents(a)
        .map((tag) => t(`value.incident.${tag}`))
        .join(' · ');
    case 'overdue':
      return t('value.overdue', { n: formatCount(own.overdue, lang), age: age(own.oldestOverdueAt, '–') });
  }
}

const col = column<WorstModel>;
export const worstSpec: ListSpec<WorstModel> = {
  columns: [
    col({ id: 'concern', title: 'col.concern', min: 10, max: 10, priority: 0 }).shows((w, { t }) => ({
      text: t(`concern.${w.concern}`),
      role: levelRole(w.level),
    })),
    col({ id: 'name', title: 'col.name', min: 20, max: NAME_MAX, flex: 2, priority: 0 }).text((w) => w.agency.name),
    col(ID_COLUMN).text((w) => w.agency.id, 'muted'),
    col({ id: 'value', title: 'col.value', min: 20, flex: 3, max: 36, priority: 1 }).shows((w, ctx) => ({
      text: valueText(w, ctx),
      role: levelRole(w.level),
    })),
  ],
  defaultSort: { column: 'concern', desc: false },
  key: (w) => `${w.concern}:${w.agency.id}`,
  agencyId: (w) => w.agency.id,
  // The list keeps the order worstAgencies gives: concern by concern, worst first.
  fallbackSort: (w) => CONCERNS.indexOf(w.concern) * 1e12 - levelRank(w.level) * 1e10 - w.badness,
  searchText: (w) => `${searchKey(w.agency.name)} ${w.agency.id.toLowerCase()}`,
  stateKey: (w) => w.level,
};
