/**
 * What each route reads from the data sources, in one refresh. Only the route on screen is
 * loaded, so a refresh costs what the operator is looking at, not the whole console.
 */
import { subtreeOf } from '../../metrics/roll-up-tree.js';
import { stableAgencies } from '../../metrics/stable-registry.js';
import type { Agency } from '../../protocol/index.js';
import type { FeedbackRow, Metrics, NationalTotals, ServerRow, SignatureRow, WindowKey } from '../../metrics/types.js';
import type { AlertsSource, AlertView } from '../data/sources.js';
import type { DetailSection, Route } from '../state/routes.js';
import { buildAgencyModels, readAgencyFigures, type AgencyModel } from './agency-model.js';
import { agenciesSpec } from './agencies-spec.js';
import { alertsSpec, foldedSpec, toAlertModel } from './alerts-spec.js';
import { deadlinesSpec, toDeadlineModel } from './deadlines-spec.js';
import {
  eventsSpec,
  overdueSpec,
  serverHistorySpec,
  toEventModel,
  toOverdueModel,
  toTransitionModel,
} from './detail-specs.js';
import { helpLines, helpSpec } from './help-model.js';
import { ALL_TABLES, replayBindings } from '../keys/bindings.js';
import type { ListSpec } from './list-spec.js';
import { worstAgencies, worstSpec } from './overview-model.js';
import { serversSpec, toServerModel } from './servers-spec.js';
import { describeLine, describeSpec } from './describe-spec.js';
import { shownName } from './shown-name.js';
import { tellApart } from './tell-apart.js';
import { signaturesSpec, toSignatureModel } from './signatures-spec.js';
import { sanitize } from '../text/sanitize.js';
import { incidentMarksVersion, setIncidentMarks } from './incident-marks.js';
import { firingIncidents } from './overview-layout.js';
import { flappingServers, withFlapping } from './flapping-servers.js';

/** A list of records with the renderer that shows them; the record type is the spec's business. */
export interface ListData {
  readonly spec: ListSpec<unknown>;
  readonly models: readonly unknown[];
}

const listData = <M>(spec: ListSpec<M>, models: readonly M[]): ListData => ({
  spec: spec as unknown as ListSpec<unknown>,
  models,
});

/**
 * Agency models are the costly part of a refresh (every agency, rolled up). They are rebuilt
 * only when the cache holds new events or the window changes, and otherwise at most every
 * IDLE_REBUILD_MS so windowed rates still age while the hub is quiet. Unchanged models keep
 * their identity, so filtering, sorting and change marks downstream are skipped too.
 */
export const IDLE_REBUILD_MS = 10_000;
interface ModelsMemo {
  readonly metrics: Metrics;
  readonly agencies: readonly Agency[];
  readonly window: WindowKey;
  readonly lastSeq: number;
  readonly builtAt: number;
  /** The agency whose subtree the models cover; null for the whole registry. */
  readonly root: string | null;
  readonly models: AgencyModel[];
  readonly derived: Map<string, unknown>;
}
/** The whole registry's models (Agencies screen), and one subtree's (an agency's detail). */
let modelsMemo: ModelsMemo | null = null;
let subtreeMemo: ModelsMemo | null = null;

/** What the models are built from: the cache's newest event and the registry. */
const modelInputs = (metrics: Metrics) => ({ lastSeq: metrics.stream().lastSeq, agencies: stableAgencies(metrics) });

/** `m`, if it still stands for these figures. */
function fresh(
  m: ModelsMemo | null,
  metrics: Metrics,
  { lastSeq, agencies }: ReturnType<typeof modelInputs>,
  now: number,
  window: WindowKey,
): ModelsMemo | null {
  return m &&
    m.metrics === metrics &&
    m.agencies === agencies &&
    m.window === window &&
    m.lastSeq === lastSeq &&
    now >= m.builtAt &&
    now - m.builtAt < IDLE_REBUILD_MS
    ? m
    : null;
}

/** The whole registry's models built last, if they still stand for these figures. */
const freshModels = (metrics: Metrics, inputs: ReturnType<typeof modelInputs>, now: number, window: WindowKey) =>
  fresh(modelsMemo, metrics, inputs, now, window);

/**
 * Models built now, for the whole registry (`root` null) or one agency's subtree; those of
 * `previous` whose figures have not changed are kept (see `buildAgencyModels`).
 */
function built(
  metrics: Metrics,
  inputs: ReturnType<typeof modelInputs>,
  now: number,
  window: WindowKey,
  root: string | null,
  previous: ModelsMemo | null,
): ModelsMemo {
  const models = buildAgencyModels(metrics, now, window, root ?? undefined, previous?.models);
  return { metrics, ...inputs, window, builtAt: now, root, models, derived: new Map() };
}

function agencyModels(metrics: Metrics, now: number, window: WindowKey): ModelsMemo {
  const inputs = modelInputs(metrics);
  return (
    freshModels(metrics, inputs, now, window) ?? (modelsMemo = built(metrics, inputs, now, window, null, modelsMemo))
  );
}

/**
 * The models an agency's detail shows: the whole registry's when they are fresh (the operator
 * came from the Agencies screen), else the agency's subtree's alone, read for it and kept the
 * same way. A subtree's figures are the same either way.
 */
function detailModels(metrics: Metrics, now: number, window: WindowKey, root: string): ModelsMemo {
  const inputs = modelInputs(metrics);
  const kept = freshModels(metrics, inputs, now, window) ?? fresh(subtreeMemo, metrics, inputs, now, window);
  if (kept && (kept.root === null || kept.root === root)) return kept;
  return (subtreeMemo = built(metrics, inputs, now, window, root, subtreeMemo));
}

/** A list derived from the agency models, kept as long as they are. */
function derived(memo: ModelsMemo, key: string, make: () => ListData): ListData {
  let list = memo.derived.get(key) as ListData | undefined;
  if (!list) {
    list = make();
    memo.derived.set(key, list);
  }
  return list;
}

/**
 * The Overview's worst agencies are ranked over every agency's figures — the national roll-up,
 * the costly read (~50 ms for 12,000 agencies on a year's cache, a working morning's 24 hours)
 * — so they are ranked again once a minute, the cadence the alerts are judged at, while the
 * totals and firing alerts beside them are read on every refresh. A new window or registry
 * ranks at once, and so does a change in the number of security servers down or degraded
 * that the totals show, so the list never contradicts the line above it for a minute; the
 * Agencies screen has its own pace.
 */
export const OVERVIEW_WORST_MS = 60_000;
interface WorstMemo {
  readonly metrics: Metrics;
  readonly agencies: readonly Agency[];
  readonly window: WindowKey;
  readonly builtAt: number;
  /** Security servers down and degraded when ranked: a change ranks again at once. */
  readonly servers: string;
  readonly perConcern: number;
  readonly list: ListData;
}
let worstMemo: WorstMemo | null = null;

function overviewWorst(
  metrics: Metrics,
  now: number,
  window: WindowKey,
  totals: NationalTotals,
  perConcern: number,
): ListData {
  const agencies = stableAgencies(metrics);
  // A server going down or back, or an incident beginning or ending, ranks again at once.
  const servers = `${totals.serversDown}/${totals.serversDegraded}/${incidentMarksVersion()}`;
  const w = worstMemo;
  if (
    w &&
    w.metrics === metrics &&
    w.agencies === agencies &&
    w.window === window &&
    w.servers === servers &&
    w.perConcern === perConcern &&
    now >= w.builtAt &&
    now - w.builtAt < OVERVIEW_WORST_MS
  )
    return w.list;
  // Ranked over the figures, with models made for the agencies listed only, and let go: 12,000
  // models held for a minute would be ~10 MB more for the garbage collector to mark on each of
  // its cycles, for a list of a few dozen rows (held, a console left on the Overview measured
  // 3.05 % of a core and 179 MiB at most, against 2.84 % and 166 MiB let go).
  const ranked =
    freshModels(metrics, modelInputs(metrics), now, window)?.models ??
    readAgencyFigures(metrics, now, window, undefined, false);
  const list = listData(worstSpec, worstAgencies(ranked, perConcern));
  worstMemo = { metrics, agencies, window, builtAt: now, servers, perConcern, list };
  return list;
}

export interface DetailData {
  readonly agency: AgencyModel;
  readonly parentName: string | null;
  readonly hour: readonly number[];
  readonly day: readonly number[];
  readonly feedback: FeedbackRow | null;
  readonly signatures: SignatureRow | null;
  readonly server: ServerRow | null;
  readonly section: DetailSection;
}

export type ScreenData =
  | {
      readonly kind: 'overview';
      readonly totals: NationalTotals;
      readonly list: ListData;
      readonly firing: readonly AlertView[];
    }
  | { readonly kind: 'list'; readonly list: ListData }
  | { readonly kind: 'detail'; readonly detail: DetailData; readonly list: ListData }
  | { readonly kind: 'folded'; readonly alert: AlertView; readonly list: ListData }
  /** The agencies an incident affects, or those behind a security server (`name` says which). */
  | { readonly kind: 'affected'; readonly of: 'incident' | 'server'; readonly name: string; readonly list: ListData }
  | { readonly kind: 'missing'; readonly agencyId: string }
  | { readonly kind: 'help'; readonly list: ListData }
  | { readonly kind: 'describe'; readonly title: string; readonly list: ListData };

/** Worst agencies the Overview keeps per concern at least; a taller terminal lists more. */
export const OVERVIEW_PER_CONCERN = 5;

/** Per concern, as many as the four concerns can show together in `tableRows` rows. */
export const perConcernFor = (tableRows: number): number => Math.max(OVERVIEW_PER_CONCERN, Math.floor(tableRows / 4));
export const HOUR_BUCKETS = 60;
export const DAY_BUCKETS = 48;
const DAY_MS = 86_400_000;

const names = new WeakMap<readonly Agency[], Map<string, Agency>>();
/** Agencies by id, built once per registry array the cache hands out. */
export function agencyIndex(metrics: Metrics): Map<string, Agency> {
  const agencies = stableAgencies(metrics);
  let index = names.get(agencies);
  if (!index) {
    index = new Map(agencies.map((a) => [a.id, a]));
    names.set(agencies, index);
  }
  return index;
}

const nameOf = (index: Map<string, Agency>, id: string): string => {
  const a = index.get(id);
  return a ? shownName(a) : id;
};

const sumSeries = (rows: readonly { spark: readonly number[] }[], buckets: number): number[] => {
  const out = new Array<number>(buckets).fill(0);
  for (const r of rows) for (let i = 0; i < buckets; i++) out[i] = (out[i] ?? 0) + (r.spark[i] ?? 0);
  return out;
};

export function loadScreen(
  route: Route,
  metrics: Metrics,
  alerts: AlertsSource,
  now: number,
  window: WindowKey,
  replay = false,
  perConcern = OVERVIEW_PER_CONCERN,
): ScreenData {
  if (route.kind === 'help')
    return { kind: 'help', list: listData(helpSpec, helpLines(replay ? [replayBindings, ...ALL_TABLES] : ALL_TABLES)) };
  if (route.kind === 'describe')
    return { kind: 'describe', title: route.title, list: listData(describeSpec, route.fields.map(describeLine)) };
  // Lists of agencies show, filter and rank by the acute incidents about them.
  if (
    route.kind === 'detail' ||
    route.kind === 'affected' ||
    (route.kind === 'screen' && (route.screen === 'agencies' || route.screen === 'overview'))
  )
    setIncidentMarks(alerts.list(now));
  if (route.kind === 'detail') return loadDetail(route.agencyId, route.section, metrics, now, window);
  if (route.kind === 'folded') {
    const found = alerts.list(now).find((a) => a.id === route.alertId);
    // Resolved since: nothing folded under it any more.
    if (!found) return { kind: 'missing', agencyId: route.alertId };
    const alert = toAlertModel(found);
    return { kind: 'folded', alert, list: listData(foldedSpec, alert.folded) };
  }
  if (route.kind === 'affected') return loadAffected(route, metrics, alerts, now, window);
  const index = agencyIndex(metrics);
  switch (route.screen) {
    case 'overview': {
      const firing = firingIncidents(alerts.list(now)).map(toAlertModel);
      const totals = withFlapping(metrics.totals(now, window), flappingServers(firing), () =>
        metrics.servers(now, window),
      );
      return { kind: 'overview', totals, list: overviewWorst(metrics, now, window, totals, perConcern), firing };
    }
    case 'agencies': {
      const memo = agencyModels(metrics, now, window);
      return { kind: 'list', list: derived(memo, 'all', () => listData(agenciesSpec, memo.models)) };
    }
    case 'servers': {
      const levelOf = (id: string): number => index.get(id)?.level ?? 9;
      return {
        kind: 'list',
        list: listData(
          serversSpec,
          metrics.servers(now, window).map((s) => toServerModel(s, levelOf)),
        ),
      };
    }
    case 'signatures':
      return {
        kind: 'list',
        list: listData(
          signaturesSpec,
          metrics.signatures(now, window).map((s) => toSignatureModel(s, nameOf(index, s.agencyId))),
        ),
      };
    case 'deadlines':
      return {
        kind: 'list',
        list: listData(
          deadlinesSpec,
          metrics.deadlines(now).map((d) => toDeadlineModel(d, nameOf(index, d.agencyId))),
        ),
      };
    case 'alerts':
      lookedAtIncidents(alerts, now);
      return { kind: 'list', list: listData(alertsSpec, alerts.list(now).map(toAlertModel)) };
  }
}

/**
 * The list was last looked at when the Incidents screen was last on screen: coming back to it
 * after a while (more than a few refreshes away), what began since is marked as new.
 */
const AWAY_MS = 10_000;
let incidentsShownAt: number | null = null;
function lookedAtIncidents(alerts: AlertsSource, now: number): void {
  if (incidentsShownAt !== null && now - incidentsShownAt > AWAY_MS) alerts.looked?.(incidentsShownAt);
  incidentsShownAt = now;
}

/**
 * An incident's affected agencies or a server's agencies behind it, with the Agencies screen's
 * columns, taken from the national models (kept as the Agencies screen keeps them).
 */
function loadAffected(
  route: { readonly of: 'incident' | 'server'; readonly id: string },
  metrics: Metrics,
  alerts: AlertsSource,
  now: number,
  window: WindowKey,
): ScreenData {
  let ids: readonly string[];
  let name: string;
  if (route.of === 'incident') {
    const found = alerts.list(now).find((a) => a.id === route.id);
    // Resolved since: it affects no one any more.
    if (!found) return { kind: 'missing', agencyId: route.id };
    // An alert that is not an incident affects its own agency and those folded under it.
    ids =
      found.agencies ??
      [found.agencyId, ...found.folded.map((f) => f.agencyId)].filter((id): id is string => id !== null);
    name = sanitize(found.summary);
  } else {
    ids = stableAgencies(metrics)
      .filter((a) => a.securityServer === route.id)
      .map((a) => a.id);
    const server = metrics.securityServers().find((s) => s.id === route.id);
    name = sanitize(server ? `${server.name} (${server.id})` : route.id);
  }
  const memo = agencyModels(metrics, now, window);
  const list = derived(memo, `affected:${route.of}:${route.id}:${ids.join(',').length}:${ids.length}`, () => {
    const wanted = new Set(ids);
    const index = agencyIndex(metrics);
    const parentName = (id: string): string | null => {
      const parent = index.get(id);
      return parent ? shownName(parent) : null;
    };
    return listData(
      agenciesSpec,
      tellApart(
        memo.models.filter((m) => wanted.has(m.id)),
        parentName,
      ),
    );
  });
  return { kind: 'affected', of: route.of, name, list };
}

function loadDetail(
  agencyId: string,
  section: DetailSection,
  metrics: Metrics,
  now: number,
  window: WindowKey,
): ScreenData {
  const memo = detailModels(metrics, now, window, agencyId);
  const models = memo.models;
  const agency = models.find((m) => m.id === agencyId);
  if (!agency) return { kind: 'missing', agencyId };
  const ids = subtreeOf(stableAgencies(metrics), agencyId).map((a) => a.id);
  const scope = { agencyIds: ids };
  const hour = sumSeries(metrics.throughput(now, '1h', scope, HOUR_BUCKETS), HOUR_BUCKETS);
  const day = sumSeries(metrics.throughput(now, '24h', scope, DAY_BUCKETS), DAY_BUCKETS);
  const own = { agencyIds: [agencyId] };
  const server = metrics.servers(now, window).find((s) => s.serverId === agency.serverId) ?? null;
  // Not among a subtree's models: the registry's.
  const parent = agency.parent === null ? undefined : agencyIndex(metrics).get(agency.parent);
  let list: ListData;
  switch (section) {
    case 'children':
      list = derived(memo, `children:${agencyId}`, () =>
        listData(
          agenciesSpec,
          models.filter((m) => m.parent === agencyId),
        ),
      );
      break;
    case 'overdue':
      list = listData(overdueSpec, metrics.overdueDocuments(now, own, 500).map(toOverdueModel));
      break;
    case 'events':
      list = listData(eventsSpec, metrics.recentEvents(agencyId, 200).map(toEventModel));
      break;
    case 'server':
      list = listData(
        serverHistorySpec,
        metrics.serverHistory(agency.serverId, now - 7 * DAY_MS, 200).map(toTransitionModel),
      );
      break;
  }
  return {
    kind: 'detail',
    detail: {
      agency,
      parentName: parent ? shownName(parent) : null,
      hour,
      day,
      feedback: metrics.feedback(now, window, own)[0] ?? null,
      signatures: metrics.signatures(now, window, own)[0] ?? null,
      server,
      section,
    },
    list,
  };
}
