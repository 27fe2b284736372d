/**
 * The one registry of screens: how each loads, how often its list is read again, how it is drawn. Adding a screen is
 * its id in `SCREENS`, an entry here, its list spec, its key bindings and its words.
 */
import { Box } from 'ink';
import { useUi } from '../context.js';
import { TextLine } from '../components/Line.js';
import type { AlertView } from '../data/sources.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { ALL_TABLES, replayBindings } from '../keys/bindings.js';
import type { Route, RouteOf, ScreenId } from '../state/routes.js';
import type { ConsoleState } from '../state/state.js';
import { wrap } from '../text/fit.js';
import { formatDateTime } from '../text/format-time.js';
import * as loads from '../view/agency-loads.js';
import { alertsSpec, alertText, toAlertModel } from '../view/alerts-spec.js';
import { deadlinesSpec, toDeadlineModel } from '../view/deadlines-spec.js';
import { describeLine, describeSpec, wrapFields } from '../view/describe-model.js';
import { helpLines, helpSpec, wrapHelp } from '../view/help-model.js';
import { translator } from '../i18n/translate.js';
import { overviewLayout } from '../view/overview-layout.js';
import { serversSpec, toServerModel } from '../view/servers-spec.js';
import { signaturesSpec, toSignatureModel } from '../view/signatures-spec.js';
import { AgencySummary, DETAIL_CHROME } from './AgencySummary.js';
import { FiringAlerts, TotalsLines } from './Overview.js';
import { EACH_TICK, listData } from './screen-def.js';
import type { BodyProps, Loaded, LoadInput, RefreshPolicy, ScreenDef } from './screen-def.js';
import type { ListSpec } from '../view/list-spec.js';

type Screen = RouteOf<'screen'>;

/** A list under its title (and what the title line says after it): what most screens are. */
const titled = <L extends Loaded>(
  title: (t: Translate, data: L) => string,
  extra?: (t: Translate, state: ConsoleState) => string,
) =>
  function Titled({ title: line, pane, data, state }: BodyProps<unknown, L>) {
    const { t } = useUi();
    return (
      <>
        {line(title(t, data), extra?.(t, state))}
        {pane}
      </>
    );
  };

/** The body's rows less the title line and the table's header. */
const underTitle = (body: number): number => body - 2;

/** A list of `spec`'s rows under the title `title`, read afresh on every full tick. */
const everyTick = <M,>(title: MessageKey, spec: ListSpec<M>, models: (input: LoadInput) => readonly M[]) => ({
  load: (_: Route, input: LoadInput) => ({ list: listData(spec, models(input)) }),
  refresh: EACH_TICK,
  tableRows: underTitle,
  Body: titled((t) => t(title)),
});

/** Lines the selected alert's full text takes under the Alerts list. */
const ALERT_TEXT_LINES = 2;

/** The selected alert in full under the Alerts list (which cuts it at 80 columns), and who acknowledged it when. */
function AlertText({ alert, width }: { alert: AlertView | undefined; width: number }) {
  const { t, theme } = useUi();
  const at = alert?.acknowledgedAt == null ? '' : formatDateTime(alert.acknowledgedAt);
  const acked = alert?.acknowledgedBy == null ? null : t('alert.ackedBy', { who: alert.acknowledgedBy, at });
  const text = alert ? (acked === null ? alertText(alert) : `${alertText(alert)} · ${acked}`) : '';
  const lines = wrap(text, width - 1, ALERT_TEXT_LINES);
  return (
    <Box flexDirection="column">
      {Array.from({ length: ALERT_TEXT_LINES }, (_, i) => (
        <TextLine key={i} text={lines[i] ? ` ${lines[i]}` : ''} style={theme.text.muted} width={width} />
      ))}
    </Box>
  );
}

/** The Incidents screen away longer than this (a few refreshes): what began since is new. */
const AWAY_MS = 10_000;

/** Agencies rolled up: on new events or incidents, else every 10 s so windowed rates still age. */
const ON_EVENTS: RefreshPolicy<unknown> = {
  everyMs: 10_000,
  on: (input) => [input.metrics.stream().lastSeq, input.marks],
};

/** Read when opened: what they show does not move. */
const ONCE = { everyMs: Infinity } as const;

const SCREEN_DEFS = {
  overview: {
    head: (_, input) => loads.overviewHead(input),
    load: (_, input, __, previous) => loads.loadWorst(input, previous),
    // Ranked over every agency: once a minute, and at once when a server or an incident changes (as the line above).
    refresh: {
      everyMs: 60_000,
      on: (input, head) => [head.totals.serversDown, head.totals.serversDegraded, input.marks],
    },
    tableRows: (body, head) => overviewLayout(body, head.firing.length).tableRows,
    Body({ head, pane, title, state, width, rows, listAt, quiet, notReported }) {
      const { t } = useUi();
      const layout = overviewLayout(rows, head.firing.length);
      return (
        <>
          <TotalsLines totals={head.totals} window={state.window} width={width} notReported={notReported} />
          {title(t('overview.worst'))}
          {pane}
          <FiringAlerts alerts={head.firing} lines={layout.incidentRows} now={listAt} width={width} quiet={quiet} />
        </>
      );
    },
  } satisfies ScreenDef<Screen, loads.OverviewHead, loads.WorstData>,

  agencies: {
    load: (_, input, _head, previous) => loads.loadAgencies(input, previous),
    refresh: ON_EVENTS,
    tableRows: underTitle,
    Body: titled(
      (t) => t('screen.agencies'),
      (t, { agencyLevel: level, agencyProblem: problem }) =>
        `${t(level === 0 ? 'level.all' : `level.${level}`)} · ${t(`problem.${problem}`)} · ${t('agencies.withUnits')}`,
    ),
  } satisfies ScreenDef<Screen, null, loads.AgenciesData>,

  servers: everyTick('screen.servers', serversSpec, ({ metrics, now, window, incidents }) => {
    const byId = loads.agencyIndex(metrics);
    const flapping = loads.flappingServers(incidents);
    return metrics.servers(now, window).map((s) => toServerModel(s, (id) => byId.get(id)?.level ?? 9, flapping));
  }),

  signatures: everyTick('screen.signatures', signaturesSpec, ({ metrics, now, window }) => {
    const nameOf = loads.namesOf(metrics);
    return metrics.signatures(now, window).map((s) => toSignatureModel(s, nameOf(s.agencyId)));
  }),

  deadlines: {
    ...everyTick('screen.deadlines', deadlinesSpec, ({ metrics, now }) => {
      const nameOf = loads.namesOf(metrics);
      return metrics.deadlines(now).map((d) => toDeadlineModel(d, nameOf(d.agencyId)));
    }),
    Body({ title, pane, notReported, width }) {
      const { t, theme } = useUi();
      return (
        <>
          {title(t('screen.deadlines'))}
          {notReported.includes('deadlines') ? (
            <TextLine text={` ${t('notReported.deadlines')}`} style={theme.text.muted} width={width} />
          ) : (
            pane
          )}
        </>
      );
    },
  } satisfies ScreenDef<Screen>,

  alerts: {
    load(_, { alerts, now, lastRead }) {
      // Back after a while (more than a few refreshes away): what began since is marked as new.
      if (lastRead !== null && now - lastRead > AWAY_MS) alerts.looked?.(lastRead);
      return { list: listData(alertsSpec, alerts.list(now).map(toAlertModel)) };
    },
    refresh: EACH_TICK,
    tableRows: (body) => body - 2 - ALERT_TEXT_LINES,
    Body({ title, pane, view, width }) {
      const { t } = useUi();
      return (
        <>
          {title(t('screen.alerts'))}
          {pane}
          {view ? <AlertText alert={view.rows[view.viewport.cursor] as AlertView | undefined} width={width} /> : null}
        </>
      );
    },
  } satisfies ScreenDef<Screen>,

  detail: {
    load: (route, input, _head, previous) => loads.loadDetail(route, input, previous),
    refresh: ON_EVENTS,
    tableRows: (body) => body - DETAIL_CHROME - 1,
    Body({ data, pane, title, state, width, listAt, notReported }) {
      return (
        <>
          <AgencySummary detail={data.detail} now={listAt} width={width} notReported={notReported} />
          {state.editingFilter ? title('') : null}
          {pane}
        </>
      );
    },
  } satisfies ScreenDef<RouteOf<'detail'>, null, loads.DetailLoaded>,

  affected: {
    load: (route, input) => loads.loadAffected(route, input),
    refresh: { everyMs: 10_000, on: (input) => [input.metrics.stream().lastSeq, input.incidents] },
    tableRows: underTitle,
    Body: titled((t, data) => t(data.of === 'incident' ? 'screen.affected' : 'screen.behind', { text: data.name })),
  } satisfies ScreenDef<RouteOf<'affected'>, null, loads.AffectedData>,

  help: {
    load: (_, { replay, lang, textWidth }) => ({
      list: listData(
        helpSpec,
        wrapHelp(helpLines(replay ? [replayBindings, ...ALL_TABLES] : ALL_TABLES), translator(lang), textWidth),
      ),
    }),
    refresh: ONCE,
    tableRows: underTitle,
    Body: titled((t) => t('screen.help')),
  } satisfies ScreenDef<RouteOf<'help'>>,

  describe: {
    load: (route, { textWidth }) => ({
      title: route.title,
      list: listData(describeSpec, wrapFields(route.fields, textWidth).map(describeLine)),
    }),
    refresh: ONCE,
    tableRows: underTitle,
    Body: titled((_, data) => data.title),
  } satisfies ScreenDef<RouteOf<'describe'>, null, Loaded & { readonly title: string }>,
} as const satisfies Record<ScreenId | Exclude<Route['kind'], 'screen'>, unknown>;

export const screenOf = (route: Route): ScreenDef<Route, unknown, Loaded> =>
  SCREEN_DEFS[route.kind === 'screen' ? route.screen : route.kind] as unknown as ScreenDef<Route, unknown, Loaded>;
