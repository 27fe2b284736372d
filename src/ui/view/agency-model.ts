/** One agency's figures as the lists show them: its own, and rolled up over its subtree (`metrics/roll-up-tree.ts`). */
import type { Agency } from '../../protocol/index.js';
import { WITH_DATA, type AgencyScope, type Metrics, type ServerRow, type WindowKey } from '../../metrics/types.js';
import {
  judgeOverdue,
  judgeServer,
  judgeSignatureFailure,
  judgeThroughputDrop,
  throughputDrop,
  worst,
  type Level,
} from '../status/judge.js';
import { agencyTree, subtreeOf } from '../../metrics/roll-up-tree.js';
import { fullName, shownName } from './display-name.js';
import { sameData } from './same-data.js';
import { NO_MARKS, type IncidentMarks, type IncidentTag } from './incident-marks.js';
import { NOTHING, ownFigures, sameFigures, subtreeFigures } from './agency-figures.js';
import type { AgencyFigures } from './agency-figures.js';

/** One agency as the lists show it: who it is, its figures own and rolled up, how they are judged, its incidents. */
export type AgencyModel = Readonly<ReturnType<typeof toModel>>;

/**
 * Every agency with its figures for `window` at `now`; or, given `rootId`, that agency's subtree read for it alone (a
 * province's few hundred units rather than 12,000; its totals are the same either way). `forRanking` leaves the
 * sparklines unread and leaves out the idle leaves (no figures, no incident, server up): a ranking lists none of them.
 * Without `sparks` (a list too narrow for its trend column) the sparklines are left unread too: in a 24-hour window
 * they move every minute for every agency with traffic, and would rebuild most models at each refresh.
 * A model equal to the one at its place in `previous` is that one, and an unchanged list is `previous` itself.
 */
export function buildAgencyModels(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  rootId?: string,
  previous?: readonly AgencyModel[],
  marks: IncidentMarks = NO_MARKS,
  forRanking = false,
  sparks = !forRanking,
): AgencyModel[] {
  const registry = metrics.agencies();
  const agencies = rootId === undefined ? registry : subtreeOf(registry, rootId);
  if (agencies.length === 0) return [];
  const servers = new Map(metrics.servers(now, window).map((s) => [s.serverId, s]));
  // Nationally, only agencies with figures (at night a 1-hour window has a few hundred).
  const scope: AgencyScope = rootId === undefined ? WITH_DATA : { agencyIds: agencies.map((a) => a.id) };
  const own = ownFigures(metrics, now, window, scope, sparks, servers, agencies);
  const { childCount } = agencyTree(agencies);
  const total = subtreeFigures(agencies, own);
  const models: AgencyModel[] = [];
  let kept = previous !== undefined;
  // Both builds list agencies in the registry's order, each leaving some out: the previous build's model of this
  // agency, if it has one, is the next one not yet passed.
  let next = 0;
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i]!;
    const was = previous?.[next]?.id === a.id ? previous[next++] : undefined;
    const server = servers.get(a.securityServer);
    const serverState = server?.state ?? 'unknown';
    const incidents = marks.get(a.id) ?? NONE;
    // A ranking lists no idle leaf: no figures, no incident, server not degraded.
    if (forRanking && childCount[i] === 0 && own[i] === NOTHING && incidents === NONE && serverState !== 'degraded') {
      if (was) kept = false;
      continue;
    }
    if (
      was !== undefined &&
      was.serverState === serverState &&
      was.serverSince === (server?.since ?? null) &&
      sameFigures(was.own, own[i]!) &&
      (total[i] === own[i] ? was.total === was.own : sameFigures(was.total, total[i]!)) &&
      sameData(was.incidents, incidents)
    )
      models.push(was);
    else {
      kept = false;
      models.push(toModel(a, childCount[i]!, own[i]!, total[i]!, server, incidents));
    }
  }
  return kept && next === previous!.length && models.length === next ? (previous as AgencyModel[]) : models;
}

const NONE: readonly IncidentTag[] = Object.freeze([]);

function toModel(
  a: Agency,
  childCount: number,
  own: AgencyFigures,
  total: AgencyFigures,
  server: ServerRow | undefined,
  incidents: readonly IncidentTag[],
) {
  const serverState = server?.state ?? 'unknown';
  const drop = throughputDrop(total.sent + total.received, total.weekAgo);
  const serverLevel: Level = total.serverDown > 0 ? 'critical' : judgeServer(serverState);
  const signature = judgeSignatureFailure(total.sigFailed, total.sigVerified);
  const overdue = judgeOverdue(total.overdue);
  const dropLevel = judgeThroughputDrop(drop);
  return {
    id: a.id,
    /** As lists show it, without the words its kind shares (`display-name.ts`). */
    name: shownName(a),
    /** As the hub names it, for the detail and describe views and the filter. */
    fullName: fullName(a),
    level: a.level,
    parent: a.parent,
    connection: a.connection,
    serverId: a.securityServer,
    serverState,
    serverSince: server?.since ?? null,
    childCount,
    /** Its own traffic, and its own plus everything under it. */
    own,
    total,
    sigRate: total.sigVerified > 0 ? total.sigFailed / total.sigVerified : null,
    drop,
    status: {
      server: serverLevel,
      signature,
      overdue,
      drop: dropLevel,
      overall: worst(serverLevel, signature, overdue, dropLevel),
    },
    /** The acute incidents about it right now, most urgent first. */
    incidents,
  };
}
