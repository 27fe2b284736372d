/** What the screens about agencies read, pure over the metrics and incidents; the screen loader decides when. */
import { countFlapping, flappingServerIds } from '../../alerts/flapping.js';
import type { RuleId } from '../../alerts/types.js';
import type { Agency } from '../../protocol/index.js';
import type { Metrics, NationalTotals } from '../../metrics/types.js';
import type { AlertView } from '../data/sources.js';
import type { DetailSection, RouteOf } from '../state/routes.js';
import { listData, type Gone, type ListData, type LoadInput } from '../screens/screen-def.js';
import { buildAgencyModels, type AgencyModel } from './agency-model.js';
import { agenciesSpec } from './agencies-spec.js';
import {
  eventsSpec,
  overdueSpec,
  serverHistorySpec,
  toEventModel,
  toOverdueModel,
  toTransitionModel,
} from './detail-specs.js';
import { firingIncidents } from './overview-layout.js';
import { toAlertModel } from './alerts-spec.js';
import { worstAgencies, worstSpec } from './overview-model.js';
import { sanitize } from '../text/sanitize.js';
import { shownName, tellApart } from './display-name.js';

const HOUR_BUCKETS = 60;
const DAY_BUCKETS = 48;
const DAY_MS = 86_400_000;

/** Worst agencies the Overview keeps per concern at least; a taller terminal lists more. */
export const OVERVIEW_PER_CONCERN = 5;
/** Per concern, as many as the four concerns can show together in `tableRows` rows. */
export const perConcernFor = (tableRows: number): number => Math.max(OVERVIEW_PER_CONCERN, Math.floor(tableRows / 4));

const index = new WeakMap<readonly Agency[], Map<string, Agency>>();
/** Agencies by id, built once per registry array the cache hands out. */
export function agencyIndex(metrics: Metrics): Map<string, Agency> {
  const agencies = metrics.agencies();
  let byId = index.get(agencies);
  if (!byId) index.set(agencies, (byId = new Map(agencies.map((a) => [a.id, a]))));
  return byId;
}

/** Agencies' shown names by id (the id itself for one the registry does not hold). */
export function namesOf(metrics: Metrics): (id: string) => string {
  const byId = agencyIndex(metrics);
  return (id) => {
    const a = byId.get(id);
    return a ? shownName(a) : id;
  };
}

/** The national models, the last read's kept where they did not change. */
const nationalModels = (
  { metrics, now, window, marks, trend }: LoadInput,
  previous?: readonly AgencyModel[],
  forRanking = false,
) => buildAgencyModels(metrics, now, window, undefined, previous, marks, forRanking, trend && !forRanking);

export type AgenciesData = { readonly list: ListData };
export const loadAgencies = (input: LoadInput, previous: AgenciesData | undefined): AgenciesData => ({
  list: listData(agenciesSpec, nationalModels(input, previous?.list?.models as AgencyModel[] | undefined), true),
});

/** The Overview's figures read on every tick: national totals and the firing incidents. */
export type OverviewHead = { readonly totals: NationalTotals; readonly firing: readonly AlertView[] };
export function overviewHead(input: LoadInput): OverviewHead {
  const { metrics, now, window } = input;
  let firing = firingOf.get(input.incidents);
  if (!firing) firingOf.set(input.incidents, (firing = firingIncidents(input.incidents).map(toAlertModel)));
  return { totals: withFlapping(metrics.totals(now, window), input), firing };
}

/** The firing incidents as shown, per incident list: the alerts source hands out one list until the next evaluation. */
const firingOf = new WeakMap<readonly AlertView[], AlertView[]>();

/** The servers a firing server-flapping alert names, in the incidents as listed (see `flappingServerIds`). */
export function flappingServers(incidents: readonly AlertView[]): Set<string> {
  // A view without the engine's record (built by hand) is taken at its word.
  const alerts = incidents.map(
    (v) =>
      v.alert ?? {
        rule: v.rule as RuleId,
        phase: v.state === 'pending' ? ('pending' as const) : ('firing' as const),
        labels: v.serverId ? { server: v.serverId } : {},
      },
  );
  return flappingServerIds(alerts);
}

/** The totals with the servers shown as flapping counted as weak (degraded), as docs/FIGURES.md defines it. */
function withFlapping(totals: NationalTotals, input: LoadInput): NationalTotals {
  const flapping = flappingServers(input.incidents);
  // Read on every tick: the servers' rows only while a flapping alert fires.
  const extra = flapping.size === 0 ? 0 : countFlapping(input.metrics.servers(input.now, input.window), flapping);
  return extra === 0 ? totals : { ...totals, serversDegraded: totals.serversDegraded + extra };
}

/** The Overview's worst agencies, ranked over those with anything to rank (kept for the next ranking to reuse). */
export type WorstData = AgenciesData & { readonly ranked: readonly AgencyModel[] };
export function loadWorst(input: LoadInput, previous: WorstData | undefined): WorstData {
  const ranked = nationalModels(input, previous?.ranked, true);
  return { list: listData(worstSpec, worstAgencies(ranked, input.perConcern)), ranked };
}

/** An incident's affected agencies, or a server's agencies behind it, with the Agencies columns. */
export type AffectedData = AgenciesData & { readonly of: 'incident' | 'server'; readonly name: string };
export function loadAffected(route: RouteOf<'affected'>, input: LoadInput): AffectedData | Gone {
  const { metrics } = input;
  let wanted: (m: AgencyModel) => boolean;
  let name: string;
  if (route.of === 'incident') {
    const found = input.incidents.find((a) => a.id === route.id);
    // Resolved since: it affects no one any more.
    if (!found) return { gone: route.id };
    // An alert that is not an incident affects its own agency and those folded under it.
    const ids = new Set(found.agencies ?? [found.agencyId, ...found.folded.map((f) => f.agencyId)]);
    wanted = (m) => ids.has(m.id);
    name = sanitize(found.summary);
  } else {
    wanted = (m) => m.serverId === route.id;
    const server = metrics.securityServers().find((s) => s.id === route.id);
    name = sanitize(server ? `${server.name} (${server.id})` : route.id);
  }
  const models = nationalModels(input).filter(wanted);
  return { of: route.of, name, list: listData(agenciesSpec, tellApart(models, agencyIndex(metrics))) };
}

const sumSeries = (rows: readonly { spark: readonly number[] }[], buckets: number): number[] => {
  const out = new Array<number>(buckets).fill(0);
  for (const r of rows) for (let i = 0; i < buckets; i++) out[i] = (out[i] ?? 0) + (r.spark[i] ?? 0);
  return out;
};

export type DetailLoaded = Exclude<ReturnType<typeof loadDetail>, Gone>;
export type DetailData = DetailLoaded['detail'];

/** An agency's detail: its subtree's models, read for it alone, and the section's list. */
export function loadDetail(
  route: RouteOf<'detail'>,
  input: LoadInput,
  previous?: { readonly detail: { readonly section: string }; readonly list: ListData },
) {
  const { metrics, now, window } = input;
  const { agencyId, section } = route;
  const before = previous?.detail.section === 'children' ? (previous.list.models as AgencyModel[]) : undefined;
  const models = buildAgencyModels(metrics, now, window, agencyId, before, input.marks, false, input.trend);
  const agency = models.find((m) => m.id === agencyId);
  if (!agency) return { gone: agencyId };
  const scope = { agencyIds: models.map((m) => m.id) };
  const own = { agencyIds: [agencyId] };
  const parent = agency.parent === null ? undefined : agencyIndex(metrics).get(agency.parent);
  const children = models.filter((m) => m.parent === agencyId);
  const lists: Record<DetailSection, () => ListData> = {
    children: () => listData(agenciesSpec, children),
    overdue: () => listData(overdueSpec, metrics.overdueDocuments(now, own, 500).map(toOverdueModel)),
    events: () => listData(eventsSpec, metrics.recentEvents(agencyId, 200).map(toEventModel)),
    server: () =>
      listData(serverHistorySpec, metrics.serverHistory(agency.serverId, now - 7 * DAY_MS, 200).map(toTransitionModel)),
  };
  return {
    detail: {
      agency,
      parentName: parent ? shownName(parent) : null,
      hour: sumSeries(metrics.throughput(now, '1h', scope, HOUR_BUCKETS), HOUR_BUCKETS),
      day: sumSeries(metrics.throughput(now, '24h', scope, DAY_BUCKETS), DAY_BUCKETS),
      feedback: metrics.feedback(now, window, own)[0] ?? null,
      signatures: metrics.signatures(now, window, own)[0] ?? null,
      server: metrics.servers(now, window).find((s) => s.serverId === agency.serverId) ?? null,
      section,
    },
    list: lists[section](),
  };
}
